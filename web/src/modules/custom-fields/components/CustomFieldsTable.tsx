import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import type { CustomField } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { clientKeys } from '../../clients/api/client-keys.ts'
import { completenessKey, customFieldKeys, deleteCustomField } from '../api/custom-fields-api.ts'
import { useCustomFieldLabel } from '../hooks/use-custom-fields.ts'

interface Props {
  fields: CustomField[] | undefined
  loading: boolean
  onOpen: (field: CustomField) => void
}

/** The custom fields of clients: label, key, type, who they apply to, required, shown in the list. */
export function CustomFieldsTable({ fields, loading, onOpen }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const fieldLabel = useCustomFieldLabel()
  const remove = useMutation({
    mutationFn: (field: CustomField) => deleteCustomField(field.id, field.version),
    onSuccess: (_, field) => {
      message.success(t('customFields.admin.deleted', { name: fieldLabel(field) }))
    },
    onError: (error) => {
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: customFieldKeys.all })
      void queryClient.invalidateQueries({ queryKey: completenessKey })
      void queryClient.invalidateQueries({ queryKey: clientKeys.all })
    },
  })
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'))

  const columns: ColumnsType<CustomField> = [
    {
      key: 'label',
      title: t('customFields.admin.columns.label'),
      render: (_, field) => (
        <Typography.Link onClick={() => onOpen(field)}>{fieldLabel(field)}</Typography.Link>
      ),
    },
    {
      key: 'key',
      title: t('customFields.admin.columns.key'),
      render: (_, field) => <Typography.Text code>{field.key}</Typography.Text>,
    },
    {
      key: 'type',
      title: t('customFields.admin.columns.type'),
      render: (_, field) => t(`customFields.admin.types.${field.type}`),
    },
    {
      key: 'appliesTo',
      title: t('customFields.admin.columns.appliesTo'),
      render: (_, field) => <Tag>{t(`clients.kinds.${field.appliesTo}`)}</Tag>,
    },
    {
      key: 'isRequired',
      title: t('customFields.admin.columns.isRequired'),
      render: (_, field) => yesNo(field.isRequired),
    },
    {
      key: 'inList',
      title: t('customFields.admin.columns.inList'),
      render: (_, field) => yesNo(field.inList),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, field) => (
        <Space size={0}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t('common.edit')}
            onClick={() => onOpen(field)}
          />
          <Popconfirm
            title={t('customFields.admin.deleteConfirm', { name: fieldLabel(field) })}
            description={t('customFields.admin.deleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate(field)}
          >
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <Table<CustomField>
      rowKey="id"
      columns={columns}
      dataSource={fields}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('customFields.admin.empty') }}
    />
  )
}
