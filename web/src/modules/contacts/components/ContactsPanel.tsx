import { DeleteOutlined, EditOutlined, LinkOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Drawer, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { clientKeys } from '../../clients/api/client-keys.ts'
import {
  type ClientContactPerson,
  contactKeys,
  fetchClientContacts,
  removeContact,
  updateContactLink,
} from '../api/contacts-api.ts'
import { ContactDrawer } from './ContactDrawer.tsx'
import { ContactForm } from './ContactForm.tsx'
import { ContactOrganizations } from './ContactOrganizations.tsx'
import { LinkContactForm } from './LinkContactForm.tsx'

interface Props {
  clientId: number
  canWrite: boolean
}

type Editing = { mode: 'add' } | { mode: 'link' } | { mode: 'edit'; contact: ClientContactPerson } | null

/**
 * The people at an organization: a table of contact persons with adding (a new person, or one who works
 * elsewhere too), editing, the primary mark, removal, and each person's card with their history.
 */
export function ContactsPanel({ clientId, canWrite }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState<Editing>(null)
  const [viewing, setViewing] = useState<number | null>(null)
  const contacts = useQuery({
    queryKey: contactKeys.ofClient(clientId),
    queryFn: () => fetchClientContacts(clientId),
  })

  const failed = (error: unknown) => {
    message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
  }
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: contactKeys.all })
    void queryClient.invalidateQueries({ queryKey: clientKeys.history(clientId) })
  }
  const makePrimary = useMutation({
    mutationFn: (contact: ClientContactPerson) =>
      updateContactLink(clientId, contact.id, { isPrimary: true }),
    onSuccess: (_, contact) => {
      message.success(t('contacts.madePrimary', { name: contact.name }))
    },
    onError: failed,
    onSettled: refresh,
  })
  const remove = useMutation({
    mutationFn: (contact: ClientContactPerson) => removeContact(clientId, contact.id),
    onSuccess: (_, contact) => {
      message.success(t('contacts.removed', { name: contact.name }))
    },
    onError: failed,
    onSettled: refresh,
  })

  const columns: ColumnsType<ClientContactPerson> = [
    {
      key: 'name',
      title: t('contacts.columns.name'),
      render: (_, contact) => (
        <Flex vertical>
          <Space size={4} wrap>
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', fontWeight: 600 }}
              onClick={() => setViewing(contact.id)}
            >
              {contact.name}
            </Button>
            {contact.isPrimary && <Tag color="gold">{t('contacts.primary')}</Tag>}
          </Space>
          {contact.role && <Typography.Text type="secondary">{contact.role}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'position',
      title: t('contacts.columns.position'),
      render: (_, contact) => (
        <Flex vertical>
          <Typography.Text>{contact.position || t('common.empty')}</Typography.Text>
          {contact.department && <Typography.Text type="secondary">{contact.department}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'channels',
      title: t('contacts.columns.channels'),
      render: (_, contact) =>
        contact.channels.length === 0 ? (
          t('common.empty')
        ) : (
          <Flex vertical>
            {contact.channels.map((channel) => (
              <Space key={channel.id} size={4}>
                {channel.type === 'phone' ? (
                  <Typography.Link href={`tel:${channel.normalized || channel.value}`}>
                    {channel.value}
                  </Typography.Link>
                ) : channel.type === 'email' ? (
                  <Typography.Link href={`mailto:${channel.value}`}>{channel.value}</Typography.Link>
                ) : (
                  <Typography.Text>{channel.value}</Typography.Text>
                )}
                {channel.label && <Typography.Text type="secondary">{channel.label}</Typography.Text>}
                {channel.isPrimary && contact.channels.filter((c) => c.type === channel.type).length > 1 && (
                  <Tag>{t('clients.primary')}</Tag>
                )}
              </Space>
            ))}
          </Flex>
        ),
    },
    {
      key: 'elsewhere',
      title: t('contacts.columns.elsewhere'),
      render: (_, contact) => (
        <ContactOrganizations
          organizations={contact.organizations.filter((org) => org.clientId !== clientId)}
          hidden={contact.hiddenOrganizations}
        />
      ),
    },
  ]
  if (canWrite)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      render: (_, contact) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button
              type="text"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={() => setEditing({ mode: 'edit', contact })}
            />
          </Tooltip>
          {!contact.isPrimary && (
            <Tooltip title={t('contacts.makePrimary')}>
              <Button
                type="text"
                icon={<StarOutlined />}
                aria-label={t('contacts.makePrimary')}
                loading={makePrimary.isPending && makePrimary.variables?.id === contact.id}
                onClick={() => makePrimary.mutate(contact)}
              />
            </Tooltip>
          )}
          <Popconfirm
            title={t('contacts.removeConfirm', { name: contact.name })}
            description={t('contacts.removeHint')}
            okText={t('contacts.remove')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate(contact)}
          >
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('contacts.remove')} />
          </Popconfirm>
        </Space>
      ),
    })

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('contacts.title')}
        </Typography.Title>
        {canWrite && (
          <Space wrap>
            <Button icon={<LinkOutlined />} onClick={() => setEditing({ mode: 'link' })}>
              {t('contacts.link.action')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'add' })}>
              {t('contacts.add')}
            </Button>
          </Space>
        )}
      </Flex>
      {contacts.error && !contacts.data ? (
        <ErrorAlert error={contacts.error} />
      ) : (
        <Table<ClientContactPerson>
          rowKey="id"
          columns={columns}
          dataSource={contacts.data}
          loading={contacts.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('contacts.empty') }}
        />
      )}
      <Drawer
        open={editing !== null}
        title={
          editing?.mode === 'edit'
            ? t('contacts.editTitle', { name: editing.contact.name })
            : editing?.mode === 'link'
              ? t('contacts.link.title')
              : t('contacts.add')
        }
        onClose={() => setEditing(null)}
        size={640}
        destroyOnHidden
      >
        {editing?.mode === 'link' && (
          <LinkContactForm
            clientId={clientId}
            linkedIds={(contacts.data ?? []).map((c) => c.id)}
            onSaved={(linked) => {
              message.success(t('contacts.link.done', { name: linked.name }))
              setEditing(null)
            }}
          />
        )}
        {(editing?.mode === 'add' || editing?.mode === 'edit') && (
          <ContactForm
            key={editing.mode === 'edit' ? editing.contact.id : 'new'}
            clientId={clientId}
            contact={editing.mode === 'edit' ? editing.contact : undefined}
            onSaved={(saved) => {
              message.success(t(saved === 'added' ? 'contacts.added' : 'contacts.updated'))
              setEditing(null)
            }}
          />
        )}
      </Drawer>
      <ContactDrawer
        contactId={viewing}
        onClose={() => setViewing(null)}
        onEdit={
          canWrite
            ? () => {
                const contact = contacts.data?.find((c) => c.id === viewing)
                setViewing(null)
                if (contact) setEditing({ mode: 'edit', contact })
              }
            : undefined
        }
      />
    </>
  )
}
