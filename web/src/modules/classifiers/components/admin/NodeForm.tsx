import type { ClassifierNodeUpdate } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Col, Form, Input, Row, Skeleton, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../../ui/ErrorAlert.tsx'
import {
  type Classifier,
  type ClassifierNode,
  classifierKeys,
  createNode,
  type RuleVariable,
  updateNode,
} from '../../api/classifiers-api.ts'
import { useRuleVariables } from '../../hooks/use-classifier-admin.ts'
import { NodeColorInput } from './NodeColorInput.tsx'
import { type NodeValues, nodeFieldOf, nodeFormValues, ruleOf } from './node-form-values.ts'
import { RuleEditor } from './RuleEditor.tsx'

/** Where a new node goes: under a parent (null: the top level), at a place among its siblings (default last). */
export interface NodePlacement {
  parentId: number | null
  position?: number
}

interface Props {
  classifier: Classifier
  node?: ClassifierNode
  placement?: NodePlacement
  onSaved: (node: ClassifierNode) => void
  onReload?: () => void
}

/** A node: its name in both languages, colour, and either hand-placed clients or a rule that fills it. */
export function NodeForm(props: Props) {
  const variables = useRuleVariables()
  if (variables.error) return <ErrorAlert error={variables.error} />
  if (!variables.data) return <Skeleton active />
  return <NodeFormBody {...props} variables={variables.data} />
}

function NodeFormBody({
  classifier,
  node,
  placement,
  onSaved,
  onReload,
  variables,
}: Props & { variables: RuleVariable[] }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<NodeValues>()
  const queryClient = useQueryClient()
  const [showError, setShowError] = useState(true)
  const byRule = Form.useWatch('byRule', form)

  const mutation = useMutation({
    mutationFn: async (values: NodeValues): Promise<ClassifierNode> => {
      const name = { ru: values.nameRu.trim(), en: values.nameEn.trim() }
      const rule = ruleOf(values, variables)
      if (!node)
        return createNode(classifier.id, {
          parentId: placement?.parentId ?? null,
          position: placement?.position,
          name,
          color: values.color,
          rule,
        })
      const patch: ClassifierNodeUpdate = {}
      if (name.ru !== node.name.ru || name.en !== node.name.en) patch.name = name
      if (values.color !== node.color) patch.color = values.color
      if (JSON.stringify(rule) !== JSON.stringify(node.rule)) patch.rule = rule
      return Object.keys(patch).length ? updateNode(node, patch) : node
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: classifierKeys.all })
      onSaved(saved)
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error, nodeFieldOf)),
  })

  return (
    <Form<NodeValues>
      form={form}
      name="node"
      layout="vertical"
      initialValues={nodeFormValues(node, variables)}
      disabled={mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} onReload={onReload} />}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="nameRu"
            label={t('classifiers.fields.nameRu')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="nameEn"
            label={t('classifiers.fields.nameEn')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="color" label={t('classifiers.node.color')}>
        <NodeColorInput />
      </Form.Item>
      <Form.Item
        name="byRule"
        valuePropName="checked"
        label={t('classifiers.node.byRule')}
        extra={t('classifiers.node.byRuleHint')}
      >
        <Switch />
      </Form.Item>
      {byRule && <RuleEditor variables={variables} />}
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  )
}
