import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../../ui/api.ts'
import { useFormat } from '../../../../ui/use-format.ts'
import {
  type Classifier,
  classifierKeys,
  deleteClassifier,
  updateClassifier,
} from '../../api/classifiers-api.ts'
import { useClassifierName } from '../../hooks/use-classifiers.ts'

interface Props {
  classifiers: Classifier[] | undefined
  loading: boolean
  selectedId: number | undefined
  onSelect: (id: number) => void
  onEdit: (classifier: Classifier) => void
  onReload: () => void
}

/** Every classifier: name, one or several nodes per client, required, description, size; pick one to shape it. */
export function ClassifiersTable({ classifiers, loading, selectedId, onSelect, onEdit, onReload }: Props) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const format = useFormat()
  const name = useClassifierName()
  const queryClient = useQueryClient()
  const remove = useMutation({
    mutationFn: (c: Classifier) => deleteClassifier(c.id, c.version),
    onSuccess: (_, c) => {
      message.success(t('classifiers.deleted', { name: name(c) }))
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'precondition_failed') {
        modal.confirm({
          title: t('errors.staleTitle'),
          content: error.message,
          okText: t('common.reload'),
          cancelText: t('common.cancel'),
          onOk: onReload,
        })
        return
      }
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: classifierKeys.all }),
  })

  const reorder = useMutation({
    mutationFn: ({ c, position }: { c: Classifier; position: number }) =>
      updateClassifier(c.id, c.version, { position }),
    onError: (error) =>
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8),
    onSettled: () => queryClient.invalidateQueries({ queryKey: classifierKeys.all }),
  })

  const columns: TableColumnsType<Classifier> = [
    {
      key: 'name',
      title: t('classifiers.columns.name'),
      render: (_, c) => (
        <div>
          <Typography.Link onClick={() => onSelect(c.id)} strong={c.id === selectedId}>
            {name(c)}
          </Typography.Link>
          {c.description && (
            <div>
              <Typography.Text
                type="secondary"
                ellipsis={{ tooltip: c.description }}
                style={{ maxWidth: 420 }}
              >
                {c.description}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'multiple',
      title: t('classifiers.columns.multiple'),
      render: (_, c) =>
        c.multiple ? (
          <Tag color="blue">{t('classifiers.multiple')}</Tag>
        ) : (
          <Tag>{t('classifiers.exclusive')}</Tag>
        ),
    },
    {
      key: 'required',
      title: t('classifiers.columns.required'),
      render: (_, c) => (c.required ? t('common.yes') : t('common.no')),
    },
    {
      key: 'nodes',
      title: t('classifiers.columns.nodes'),
      align: 'end',
      render: (_, c) => format.number(c.nodes.length),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, c, index) => (
        <Space size={0}>
          <Button
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={index === 0 || reorder.isPending}
            aria-label={t('classifiers.moveUpOf', { name: name(c) })}
            onClick={(e) => {
              e.stopPropagation()
              reorder.mutate({ c, position: index - 1 })
            }}
          />
          <Button
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={index === (classifiers?.length ?? 0) - 1 || reorder.isPending}
            aria-label={t('classifiers.moveDownOf', { name: name(c) })}
            onClick={(e) => {
              e.stopPropagation()
              reorder.mutate({ c, position: index + 1 })
            }}
          />
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t('classifiers.editOf', { name: name(c) })}
            onClick={(e) => {
              e.stopPropagation()
              onEdit(c)
            }}
          />
          <Popconfirm
            title={t('classifiers.deleteConfirm', { name: name(c) })}
            description={t('classifiers.deleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate(c)}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('classifiers.deleteOf', { name: name(c) })}
              onClick={(e) => e.stopPropagation()}
            />
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <Table<Classifier>
      rowKey="id"
      columns={columns}
      dataSource={classifiers}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowSelection={{
        type: 'radio',
        selectedRowKeys: selectedId === undefined ? [] : [selectedId],
        onChange: (keys) => {
          const id = Number(keys[0])
          if (id) onSelect(id)
        },
        columnTitle: '',
      }}
      onRow={(c) => ({ onClick: () => onSelect(c.id), style: { cursor: 'pointer' } })}
      locale={{ emptyText: t('classifiers.empty') }}
      style={{ marginBottom: 16 }}
    />
  )
}
