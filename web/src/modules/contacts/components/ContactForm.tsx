import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Checkbox, Col, DatePicker, Divider, Form, Input, Row } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors, type FieldName } from '../../../ui/apply-field-errors.ts'
import { changedFields } from '../../../ui/changed-fields.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { clientKeys } from '../../clients/api/client-keys.ts'
import { ChannelsList } from '../../clients/components/ChannelsList.tsx'
import { FullNameFields } from '../../clients/components/FullNameFields.tsx'
import {
  addContact,
  type ClientContactPerson,
  type ContactChannelInput,
  type ContactLinkInput,
  type ContactPersonInput,
  contactKeys,
  updateContact,
  updateContactLink,
} from '../api/contacts-api.ts'

const DATE = 'YYYY-MM-DD'

interface Values {
  lastName?: string
  firstName?: string
  middleName?: string
  birthday?: Dayjs | null
  notes?: string
  channels?: ContactChannelInput[]
  position?: string
  department?: string
  role?: string
  isPrimary?: boolean
}

interface Props {
  clientId: number
  contact?: ClientContactPerson
  onSaved: (saved: 'added' | 'updated') => void
}

/** Where a server error path shows: `channels.0.value` under that row's input, other fields by name. */
function fieldOf(path: string): FieldName | null {
  const [head = '', ...rest] = path.split('.')
  if (head === 'channels') {
    const index = Number(rest[0])
    if (!Number.isInteger(index)) return null
    return ['channels', index, rest[1] ?? 'value']
  }
  const shown = ['lastName', 'firstName', 'middleName', 'birthday', 'notes', 'position', 'department', 'role']
  return shown.includes(head) ? head : null
}

function toValues(contact: ClientContactPerson): Values {
  return {
    lastName: contact.lastName,
    firstName: contact.firstName,
    middleName: contact.middleName,
    birthday: contact.birthday ? dayjs(contact.birthday, DATE) : null,
    notes: contact.notes,
    channels: contact.channels.map(({ type, value, label, isPrimary }) => ({
      type,
      value,
      label,
      isPrimary,
    })),
    position: contact.position,
    department: contact.department,
    role: contact.role,
    isPrimary: contact.isPrimary,
  }
}

/** A contact person of an organization: the person (name, birthday, channels, notes) and their post there. */
export function ContactForm({ clientId, contact, onSaved }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const [showError, setShowError] = useState(true)

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<'added' | 'updated'> => {
      const person: ContactPersonInput = {
        lastName: v.lastName?.trim() ?? '',
        firstName: v.firstName?.trim() ?? '',
        middleName: v.middleName?.trim() ?? '',
        birthday: v.birthday ? v.birthday.format(DATE) : null,
        notes: v.notes ?? '',
        channels: (v.channels ?? []).map((c) => ({
          type: c.type,
          value: c.value.trim(),
          label: c.label?.trim() ?? '',
          isPrimary: Boolean(c.isPrimary),
        })),
      }
      const link: ContactLinkInput = {
        position: v.position?.trim() ?? '',
        department: v.department?.trim() ?? '',
        role: v.role?.trim() ?? '',
        isPrimary: Boolean(v.isPrimary),
      }
      if (!contact) {
        await addContact(clientId, { ...person, ...link })
        return 'added'
      }
      const personPatch = changedFields<ContactPersonInput>(
        {
          ...contact,
          channels: contact.channels.map(({ type, value, label, isPrimary }) => ({
            type,
            value,
            label,
            isPrimary,
          })),
        },
        person,
      )
      if (Object.keys(personPatch).length) await updateContact(contact.id, contact.version, personPatch)
      const linkPatch = changedFields<ContactLinkInput>(contact, link)
      if (Object.keys(linkPatch).length) await updateContactLink(clientId, contact.id, linkPatch)
      return 'updated'
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      onSaved(saved)
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error, fieldOf)),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: contactKeys.all })
      void queryClient.invalidateQueries({ queryKey: clientKeys.history(clientId) })
    },
  })

  return (
    <Form<Values>
      form={form}
      name="contact"
      layout="vertical"
      initialValues={contact ? toValues(contact) : { channels: [], isPrimary: false }}
      disabled={mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} />}
      <FullNameFields />
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="position" label={t('contacts.fields.position')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="department" label={t('contacts.fields.department')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="role" label={t('contacts.fields.role')} extra={t('contacts.hints.role')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="birthday" label={t('contacts.fields.birthday')}>
            <DatePicker
              format="DD.MM.YYYY"
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="isPrimary" valuePropName="checked">
        <Checkbox>{t('contacts.fields.isPrimary')}</Checkbox>
      </Form.Item>
      <Divider titlePlacement="start">{t('contacts.fields.channels')}</Divider>
      <ChannelsList />
      <Form.Item name="notes" label={t('contacts.fields.notes')}>
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  )
}
