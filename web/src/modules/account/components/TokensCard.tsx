import { PlusOutlined } from '@ant-design/icons'
import type { ApiToken } from '@mmcrm/server/api-types'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import { accountKeys, fetchTokens, revokeToken } from '../api/account-api.ts'
import { TokenCreateModal } from './TokenCreateModal.tsx'

function status(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked'
  if (token.expiresAt && token.expiresAt <= new Date().toISOString()) return 'expired'
  return 'active'
}

/** Personal API tokens for integrations: list, create (shown once), revoke. */
export function TokensCard() {
  const { t } = useTranslation()
  const format = useFormat()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [creating, setCreating] = useState(false)
  const tokens = useQuery({ queryKey: accountKeys.tokens, queryFn: fetchTokens })
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSuccess: (_, token) => {
      message.success(t('tokens.revoked', { name: token.name }))
    },
    onError: (error) =>
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  })
  const when = (value: string | null, empty: string) =>
    value ? format.dateTime(value) : <Typography.Text type="secondary">{empty}</Typography.Text>

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.fields.name'), dataIndex: 'name' },
    {
      title: t('tokens.fields.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{`${prefix}…`}</Typography.Text>,
    },
    {
      title: t('tokens.fields.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => format.dateTime(v),
    },
    {
      title: t('tokens.fields.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => when(v, t('tokens.notUsed')),
    },
    {
      title: t('tokens.fields.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => when(v, t('tokens.never')),
    },
    {
      title: t('tokens.fields.status'),
      key: 'status',
      render: (_, token) => {
        const s = status(token)
        const color = s === 'active' ? 'green' : s === 'revoked' ? 'red' : 'default'
        return (
          <Tag color={color} title={token.revokedAt ? format.dateTime(token.revokedAt) : undefined}>
            {t(`tokens.status.${s}`)}
          </Tag>
        )
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      align: 'end',
      render: (_, token) =>
        !token.revokedAt && (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: token.name })}
            okText={t('tokens.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke.mutateAsync(token).catch(() => undefined)}
          >
            <Button size="small" danger>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ]

  return (
    <Card
      title={t('tokens.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      {tokens.error && <ErrorAlert error={tokens.error} />}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tokens.data}
        loading={tokens.isPending}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('tokens.empty') }}
      />
      <TokenCreateModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  )
}
