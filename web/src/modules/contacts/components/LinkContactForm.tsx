import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Checkbox, Col, Form, Input, Row } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { clientKeys } from '../../clients/api/client-keys.ts'
import { addContact, type ClientContactPerson, contactKeys } from '../api/contacts-api.ts'
import { ContactSearchSelect } from './ContactSearchSelect.tsx'

interface Values {
  contactId?: number
  position?: string
  department?: string
  role?: string
  isPrimary?: boolean
}

interface Props {
  clientId: number
  /** People already at this organization (they cannot be linked twice). */
  linkedIds: number[]
  onSaved: (contact: ClientContactPerson) => void
}

/** Links a person who already works for another organization to this one, with their post here. */
export function LinkContactForm({ clientId, linkedIds, onSaved }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const [showError, setShowError] = useState(true)

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      addContact(clientId, {
        contactId: v.contactId,
        position: v.position?.trim() ?? '',
        department: v.department?.trim() ?? '',
        role: v.role?.trim() ?? '',
        isPrimary: Boolean(v.isPrimary),
      }),
    onMutate: () => setShowError(true),
    onSuccess: onSaved,
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: contactKeys.all })
      void queryClient.invalidateQueries({ queryKey: clientKeys.history(clientId) })
    },
  })

  return (
    <Form<Values>
      form={form}
      name="contactLink"
      layout="vertical"
      initialValues={{ isPrimary: false }}
      disabled={mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} />}
      <Form.Item
        name="contactId"
        label={t('contacts.link.person')}
        extra={t('contacts.link.hint')}
        rules={[{ required: true }]}
      >
        <ContactSearchSelect linkedIds={linkedIds} />
      </Form.Item>
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
      <Form.Item name="role" label={t('contacts.fields.role')} extra={t('contacts.hints.role')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="isPrimary" valuePropName="checked">
        <Checkbox>{t('contacts.fields.isPrimary')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('contacts.link.submit')}
      </Button>
    </Form>
  )
}
