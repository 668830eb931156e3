import { CopyOutlined, DeleteOutlined } from '@ant-design/icons'
import type { Role } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { useFormat } from '../../../ui/use-format.ts'
import { deleteRole } from '../api/roles-api.ts'
import { staffKeys } from '../api/staff-keys.ts'

interface Props {
  roles: Role[] | undefined
  loading: boolean
  canManage: boolean
  onOpen: (id: number) => void
  onCopy: (role: Role) => void
}

/** Built-in roles first (marked), then the company's own. */
export function RolesTable({ roles, loading, canManage, onOpen, onCopy }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const remove = useMutation({
    mutationFn: (role: Role) => deleteRole(role.id, role.version),
    onSuccess: (_, role) => {
      message.success(t('roles.deleted', { name: role.name }))
    },
    onError: (error) =>
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffKeys.roles }),
  })

  const columns: TableColumnsType<Role> = [
    {
      title: t('roles.fields.name'),
      dataIndex: 'name',
      width: 280,
      render: (_, role) => (
        <div>
          <Typography.Link onClick={() => onOpen(role.id)}>{role.name}</Typography.Link>
          {role.isSystem && (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {t('roles.system')}
            </Tag>
          )}
          {role.description && (
            <div>
              <Typography.Text
                type="secondary"
                ellipsis={{ tooltip: role.description }}
                style={{ maxWidth: 360 }}
              >
                {role.description}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('roles.fields.code'),
      dataIndex: 'code',
      render: (code: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {code}
        </Typography.Text>
      ),
    },
    {
      title: t('roles.fields.visibility'),
      dataIndex: 'visibility',
      render: (v: Role['visibility']) => t(`visibility.${v}.label`),
    },
    {
      title: t('roles.fields.permissions'),
      key: 'permissions',
      render: (_, role) => (
        <Flex gap={4} wrap>
          {role.permissions.map((key) => (
            <Tag key={key}>{t(`permissions.${key}`, { defaultValue: key })}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('roles.fields.userCount'),
      dataIndex: 'userCount',
      align: 'end',
      render: (count: number) => format.number(count),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      align: 'end',
      render: (_, role) => (
        <Flex gap={8} justify="flex-end">
          <Button
            size="small"
            onClick={() => onOpen(role.id)}
            aria-label={`${canManage && !role.isSystem ? t('common.edit') : t('common.view')}: ${role.name}`}
          >
            {canManage && !role.isSystem ? t('common.edit') : t('common.view')}
          </Button>
          {canManage && (
            <Button
              size="small"
              icon={<CopyOutlined />}
              onClick={() => onCopy(role)}
              aria-label={`${t('roles.copy')}: ${role.name}`}
            >
              {t('roles.copy')}
            </Button>
          )}
          {canManage && !role.isSystem && (
            <Popconfirm
              title={t('roles.deleteConfirm', { name: role.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutateAsync(role).catch(() => undefined)}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('common.delete')}: ${role.name}`}
              />
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ]

  return (
    <Table<Role>
      rowKey="id"
      columns={columns}
      dataSource={roles}
      loading={loading}
      pagination={false}
      scroll={{ x: 900 }}
    />
  )
}
