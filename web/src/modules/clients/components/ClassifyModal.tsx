import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Form, Modal, Radio, Select, TreeSelect, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { type Classifier, classifierKeys, classifyClients } from '../../classifiers/api/classifiers-api.ts'
import { useNodeTreeOptions } from '../../classifiers/components/list/use-node-tree-options.tsx'
import { useClassifierName } from '../../classifiers/hooks/use-classifiers.ts'
import type { BulkResult } from '../../operations/api/operations-api.ts'
import { useBulkResult } from '../../operations/hooks/use-bulk-result.ts'
import { clientKeys } from '../api/client-keys.ts'
import type { ClientFilterParams } from '../api/clients-api.ts'

/** The rows chosen in the list and the list's filter, for "the chosen" or "all matching". */
export interface ClassifyTarget {
  ids: number[]
  filter: ClientFilterParams
  total: number
}

type Scope = 'ids' | 'filter'

interface Values {
  classifierId: number
  nodeId: number
  action: 'add' | 'remove'
  scope: Scope
}

interface Props {
  target: ClassifyTarget | null
  classifiers: Classifier[]
  onClose: () => void
  /** After the clients were classified (at once, or when the background operation ends). */
  onDone?: () => void
}

/** Puts the chosen clients, or every client the filter matches, into a category or takes them out. */
export function ClassifyModal({ target, classifiers, onClose, onDone }: Props) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const handleResult = useBulkResult()
  const name = useClassifierName()
  const treeOptions = useNodeTreeOptions()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)
  const classifierId = Form.useWatch('classifierId', form)
  const action = Form.useWatch('action', form)
  const classifier = classifiers.find((c) => c.id === classifierId)
  const usable = classifiers.filter((c) => c.nodes.some((n) => n.rule === null))

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: clientKeys.all })
    void queryClient.invalidateQueries({ queryKey: classifierKeys.all })
  }
  const changedText = (count: number) =>
    count > 0 ? t('clients.classify.done', { count }) : t('clients.classify.nothingChanged')

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      if (!target) throw new Error('no clients to classify')
      const scope = values.scope === 'ids' ? { ids: target.ids } : { filter: { ...target.filter } }
      return classifyClients({ ...scope, nodeId: values.nodeId, action: values.action })
    },
    onMutate: () => setShowError(true),
    onSuccess: (result: BulkResult) => {
      handleResult(
        result,
        {
          queued: t('clients.classify.queued', { count: result.total }),
          progressTitle: t('clients.classify.progressTitle', { count: result.total }),
          changed: changedText,
        },
        () => {
          refresh()
          onDone?.()
        },
      )
      form.resetFields()
      onClose()
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  const selected = target?.ids.length ?? 0
  const initial: Partial<Values> = { action: 'add', scope: selected > 0 ? 'ids' : 'filter' }
  // Each opening starts over: the chosen rows if there are any, else all matching.
  const opened = target !== null
  const initialScope = initial.scope
  useEffect(() => {
    if (opened) form.setFieldsValue({ action: 'add', scope: initialScope })
  }, [opened, initialScope, form])

  return (
    <Modal
      open={target !== null}
      title={t('clients.classify.title')}
      okText={t('clients.classify.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        mutation.reset()
        form.resetFields()
        onClose()
      }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="classify"
        layout="vertical"
        initialValues={initial}
        disabled={mutation.isPending}
        onFinish={(values) => mutation.mutate(values)}
      >
        {mutation.error && showError && <ErrorAlert error={mutation.error} />}
        <Form.Item
          name="scope"
          label={t('clients.classify.scope')}
          rules={[{ required: true, message: t('clients.classify.scopeRequired') }]}
        >
          <Radio.Group>
            <Radio value="ids" disabled={selected === 0}>
              {t('clients.classify.scopeSelected', { count: selected })}
            </Radio>
            <Radio value="filter" disabled={(target?.total ?? 0) === 0}>
              {t('clients.classify.scopeFilter', { count: target?.total ?? 0 })}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="action" label={t('clients.classify.action')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'add', label: t('clients.classify.add') },
              { value: 'remove', label: t('clients.classify.remove') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="classifierId"
          label={t('clients.classify.classifier')}
          rules={[{ required: true, message: t('clients.classify.classifierRequired') }]}
        >
          <Select<number>
            placeholder={t('clients.classify.classifierPlaceholder')}
            options={usable.map((c) => ({ value: c.id, label: name(c) }))}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={() => form.setFieldValue('nodeId', undefined)}
          />
        </Form.Item>
        <Form.Item
          name="nodeId"
          label={t('clients.classify.node')}
          extra={t('clients.classify.ruleHint')}
          rules={[{ required: true, message: t('clients.classify.nodeRequired') }]}
        >
          <TreeSelect<number>
            placeholder={t('clients.classify.nodePlaceholder')}
            disabled={!classifier}
            treeData={classifier ? treeOptions(classifier) : []}
            treeNodeLabelProp="label"
            showSearch={{ treeNodeFilterProp: 'search' }}
            treeDefaultExpandAll
          />
        </Form.Item>
        {classifier && !classifier.multiple && action === 'add' && (
          <Alert
            type="info"
            showIcon
            title={t('clients.classify.exclusiveHint', { name: name(classifier) })}
          />
        )}
        {classifier?.required && action === 'remove' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('clients.classify.requiredHint', { name: name(classifier) })}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  )
}
