import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Flex, Form, Modal, Radio, TreeSelect, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../../ui/use-format.ts'
import {
  type Classifier,
  type ClassifierNode,
  classifierKeys,
  deleteNode,
} from '../../api/classifiers-api.ts'
import { type NodeTree, nodeTree, useClassifierName } from '../../hooks/use-classifiers.ts'
import { subtreeIds } from './tree-drop.ts'

interface Props {
  classifier: Classifier
  node: ClassifierNode | null
  /** Clients in the node's branch; undefined when not known (then the choice is offered anyway). */
  count: number | undefined
  onClose: () => void
  onReload: () => void
}

interface Values {
  where: 'move' | 'remove'
  moveTo?: number
}

interface TargetOption {
  value: number
  title: string
  disabled: boolean
  children: TargetOption[]
}

/**
 * Deletes a node with its branch, asking first where its clients go: to another hand-filled node of
 * the same classifier, or out of the classifier.
 */
export function NodeDeleteModal({ classifier, node, count, onClose, onReload }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const name = useClassifierName()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)
  const where = Form.useWatch('where', form)
  const hasClients = count !== 0
  const branch = useMemo(
    () => (node ? subtreeIds(classifier.nodes, node.id) : new Set<number>()),
    [classifier, node],
  )

  const targets = useMemo(() => {
    const toOption = (item: NodeTree): TargetOption | null => {
      if (branch.has(item.node.id)) return null
      return {
        value: item.node.id,
        title: name(item.node),
        disabled: item.node.rule !== null,
        children: item.children.map(toOption).filter((o) => o !== null),
      }
    }
    return nodeTree(classifier)
      .map(toOption)
      .filter((o) => o !== null)
  }, [classifier, branch, name])

  const close = () => {
    mutation.reset()
    form.resetFields()
    onClose()
  }

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      if (!node) throw new Error('no node to delete')
      return deleteNode(node, hasClients && values.where === 'move' ? values.moveTo : undefined)
    },
    onMutate: () => setShowError(true),
    onSuccess: (result) => {
      if (!node) return
      let text = t('classifiers.node.deleted', { name: name(node) })
      if (result.moved > 0) text += ` ${t('classifiers.node.movedClients', { count: result.moved })}`
      else if (result.removed > 0)
        text += ` ${t('classifiers.node.removedClients', { count: result.removed })}`
      message.success(text, 6)
      void queryClient.invalidateQueries({ queryKey: classifierKeys.all })
      close()
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  const nested = node ? branch.size - 1 : 0
  return (
    <Modal
      open={node !== null}
      title={node ? t('classifiers.node.deleteTitle', { name: name(node) }) : ''}
      okText={t('common.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {mutation.error && showError && (
        <ErrorAlert
          error={mutation.error}
          onReload={() => {
            onReload()
            close()
          }}
        />
      )}
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        {nested > 0 && (
          <Typography.Text>{t('classifiers.node.deleteNested', { count: nested })}</Typography.Text>
        )}
        <Typography.Text>
          {count === undefined
            ? t('classifiers.node.deleteClientsUnknown')
            : t('classifiers.node.deleteClients', { count, formatted: format.number(count) })}
        </Typography.Text>
      </Flex>
      <Form<Values>
        form={form}
        name="nodeDelete"
        layout="vertical"
        initialValues={{ where: 'move' }}
        disabled={mutation.isPending}
        onFinish={(values) => mutation.mutate(values)}
      >
        {hasClients && (
          <>
            <Form.Item name="where" label={t('classifiers.node.whereClients')}>
              <Radio.Group
                options={[
                  { value: 'move', label: t('classifiers.node.moveTo') },
                  { value: 'remove', label: t('classifiers.node.removeFromClassifier') },
                ]}
              />
            </Form.Item>
            {where !== 'remove' && (
              <Form.Item
                name="moveTo"
                label={t('classifiers.node.moveToNode')}
                extra={t('classifiers.node.moveToHint')}
                rules={[{ required: true, message: t('classifiers.node.chooseTarget') }]}
              >
                <TreeSelect<number>
                  treeData={targets}
                  treeDefaultExpandAll
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  placeholder={t('classifiers.node.chooseTarget')}
                  notFoundContent={t('classifiers.node.noTargets')}
                />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  )
}
