import { Button, Descriptions, Drawer, Flex, Skeleton, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import type { ContactPerson } from '../api/contacts-api.ts'
import { useContact } from '../hooks/use-contact-queries.ts'
import { ContactHistory } from './ContactHistory.tsx'
import { ContactOrganizations } from './ContactOrganizations.tsx'

interface Props {
  /** The person shown; null keeps the drawer closed. */
  contactId: number | null
  onClose: () => void
  /** Opens the edit form, when the employee may change the person. */
  onEdit?: () => void
}

function ContactDetails({ contact }: { contact: ContactPerson }) {
  const { t } = useTranslation()
  const format = useFormat()
  const none = t('common.empty')
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={[
        {
          key: 'organizations',
          label: t('contacts.drawer.organizations'),
          children: (
            <ContactOrganizations
              organizations={contact.organizations}
              hidden={contact.hiddenOrganizations}
              detailed
            />
          ),
        },
        {
          key: 'personClient',
          label: t('contacts.drawer.personClient'),
          children: contact.personClient ? (
            <Link to={`/clients/${contact.personClient.id}`}>{contact.personClient.name}</Link>
          ) : (
            none
          ),
        },
        {
          key: 'channels',
          label: t('contacts.fields.channels'),
          children: contact.channels.length ? (
            <Flex vertical>
              {contact.channels.map((channel) => (
                <Typography.Text key={channel.id}>
                  {channel.value}
                  {channel.label && <Typography.Text type="secondary"> {channel.label}</Typography.Text>}
                </Typography.Text>
              ))}
            </Flex>
          ) : (
            none
          ),
        },
        {
          key: 'birthday',
          label: t('contacts.fields.birthday'),
          children: contact.birthday ? format.calendarDate(contact.birthday) : none,
        },
        {
          key: 'notes',
          label: t('contacts.fields.notes'),
          children: contact.notes ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {contact.notes}
            </Typography.Paragraph>
          ) : (
            none
          ),
        },
      ]}
    />
  )
}

/** A contact person's card: every organization they work for, their contacts, and their change history. */
export function ContactDrawer({ contactId, onClose, onEdit }: Props) {
  const { t } = useTranslation()
  const [tab, setTab] = useState('details')
  const contact = useContact(contactId)
  return (
    <Drawer
      open={contactId !== null}
      title={contact.data?.name ?? t('contacts.drawer.title')}
      onClose={onClose}
      size={640}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && setTab('details')}
      extra={onEdit && <Button onClick={onEdit}>{t('common.edit')}</Button>}
    >
      {contact.error && !contact.data ? (
        <ErrorAlert error={contact.error} />
      ) : !contact.data || contactId === null ? (
        <Skeleton active />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'details',
              label: t('common.details'),
              children: <ContactDetails contact={contact.data} />,
            },
            {
              key: 'history',
              label: t('history.title'),
              children: <ContactHistory contactId={contactId} active={tab === 'history'} />,
            },
          ]}
        />
      )}
    </Drawer>
  )
}
