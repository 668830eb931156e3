import { PlusOutlined, StopOutlined } from '@ant-design/icons'
import type { ClientCard } from '@mmcrm/server/api-types'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import { contactKeys, fetchClientContacts } from '../../contacts/api/contacts-api.ts'
import { clientKeys } from '../api/client-keys.ts'
import { type Consent, fetchConsents, isConsentMethod, withdrawConsent } from '../api/consents-api.ts'
import { ConsentModal } from './ConsentModal.tsx'
import { CONSENT_METHOD_LABELS } from './client-labels.ts'

interface Props {
  client: Pick<ClientCard, 'id' | 'kind'>
  canWrite: boolean
}

/** Consents to personal data processing: who gave which, how and when, and which were withdrawn. */
export function ConsentsPanel({ client, canWrite }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const queryClient = useQueryClient()
  const [adding, setAdding] = useState(false)
  const consents = useQuery({
    queryKey: clientKeys.consents(client.id),
    queryFn: () => fetchConsents(client.id),
  })
  // Names of the contact persons: an organization's people may consent on their own behalf.
  const needContacts =
    client.kind === 'organization' || Boolean(consents.data?.some((c) => c.contactId !== null))
  const contacts = useQuery({
    queryKey: contactKeys.ofClient(client.id),
    queryFn: () => fetchClientContacts(client.id),
    enabled: needContacts,
  })

  const withdraw = useMutation({
    mutationFn: (consent: Consent) => withdrawConsent(client.id, consent.id),
    onSuccess: (_, consent) => {
      message.success(t('clients.consents.withdrawn', { purpose: consent.purpose }))
    },
    onError: (error) => {
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.consents(client.id) })
      void queryClient.invalidateQueries({ queryKey: clientKeys.history(client.id) })
    },
  })

  const none = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
  const contactName = (id: number) =>
    contacts.data?.find((c) => c.id === id)?.name ?? t('clients.consents.contactHidden', { id })

  const columns: TableColumnsType<Consent> = [
    {
      key: 'purpose',
      title: t('clients.consents.fields.purpose'),
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text>{c.purpose}</Typography.Text>
          {c.contactId !== null && (
            <Typography.Text type="secondary">
              {t('clients.consents.byContact', { name: contactName(c.contactId) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'textVersion',
      title: t('clients.consents.fields.textVersion'),
      width: 140,
      render: (_, c) => c.textVersion || none,
    },
    {
      key: 'method',
      title: t('clients.consents.fields.method'),
      width: 170,
      render: (_, c) => (isConsentMethod(c.method) ? t(CONSENT_METHOD_LABELS[c.method]) : c.method),
    },
    {
      key: 'source',
      title: t('clients.consents.fields.source'),
      ellipsis: true,
      render: (_, c) => c.source || none,
    },
    {
      key: 'givenAt',
      title: t('clients.consents.fields.givenAt'),
      width: 160,
      render: (_, c) => format.dateTime(c.givenAt),
    },
    {
      key: 'withdrawnAt',
      title: t('clients.consents.fields.withdrawnAt'),
      width: 160,
      render: (_, c) =>
        c.withdrawnAt ? (
          format.dateTime(c.withdrawnAt)
        ) : (
          <Tag color="green">{t('clients.consents.active')}</Tag>
        ),
    },
  ]
  if (canWrite)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 140,
      render: (_, c) =>
        c.withdrawnAt === null && (
          <Popconfirm
            title={t('clients.consents.withdrawConfirm', { purpose: c.purpose })}
            description={t('clients.consents.withdrawHint')}
            okText={t('clients.consents.withdraw')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => withdraw.mutateAsync(c).catch(() => undefined)}
          >
            <Button
              size="small"
              danger
              icon={<StopOutlined />}
              loading={withdraw.isPending && withdraw.variables?.id === c.id}
            >
              {t('clients.consents.withdraw')}
            </Button>
          </Popconfirm>
        ),
    })

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('clients.consents.title')}
        </Typography.Title>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('clients.consents.record')}
          </Button>
        )}
      </Flex>
      {consents.error && !consents.data ? (
        <ErrorAlert error={consents.error} />
      ) : (
        <Table<Consent>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={consents.data}
          loading={consents.isPending}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('clients.consents.empty') }}
        />
      )}
      {canWrite && (
        <ConsentModal
          client={client}
          open={adding}
          contacts={contacts.data}
          onClose={() => setAdding(false)}
        />
      )}
    </>
  )
}
