import type { ClientCard } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { zonedWallTimeToIso, zoneOffsetMinutes } from '../../../ui/format.ts'
import { useFormat } from '../../../ui/use-format.ts'
import type { ClientContactPerson } from '../../contacts/api/contacts-api.ts'
import { clientKeys } from '../api/client-keys.ts'
import { addConsent, CONSENT_METHODS, type ConsentMethod } from '../api/consents-api.ts'
import { CONSENT_METHOD_LABELS } from './client-labels.ts'

interface Props {
  client: Pick<ClientCard, 'id' | 'kind'>
  open: boolean
  /** An organization's contact persons, who may give a consent of their own. */
  contacts: ClientContactPerson[] | undefined
  onClose: () => void
}

interface Values {
  purpose: string
  textVersion?: string
  method: ConsentMethod
  source?: string
  givenAt: Dayjs
  contactId?: number
}

const WALL = 'DD.MM.YYYY HH:mm'

/** Now on the employee's clock (their time zone, not the browser's), for the picker. */
function wallNow(timeZone: string): Dayjs {
  const now = new Date()
  return dayjs(now).add(zoneOffsetMinutes(timeZone, now) + now.getTimezoneOffset(), 'minute')
}

/** Records a consent to personal data processing: what for, which text, how and when it was given. */
export function ConsentModal({ client, open, contacts, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { timeZone } = useFormat()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      addConsent(client.id, {
        purpose: values.purpose.trim(),
        textVersion: values.textVersion?.trim() ?? '',
        method: values.method,
        source: values.source?.trim() ?? '',
        givenAt: zonedWallTimeToIso(
          values.givenAt.format('YYYY-MM-DD'),
          timeZone,
          values.givenAt.hour(),
          values.givenAt.minute(),
        ),
        contactId: values.contactId ?? null,
      }),
    onMutate: () => setShowError(true),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.consents(client.id) })
      void queryClient.invalidateQueries({ queryKey: clientKeys.history(client.id) })
      message.success(t('clients.consents.recorded'))
      form.resetFields()
      onClose()
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  return (
    <Modal
      open={open}
      title={t('clients.consents.recordTitle')}
      okText={t('clients.consents.record')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        mutation.reset()
        form.resetFields()
        onClose()
      }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={620}
    >
      <Form<Values>
        form={form}
        name="consent"
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={{ givenAt: wallNow(timeZone) }}
        onFinish={(values) => mutation.mutate(values)}
      >
        {mutation.error && showError && <ErrorAlert error={mutation.error} />}
        <Form.Item
          name="purpose"
          label={t('clients.consents.fields.purpose')}
          extra={t('clients.consents.hints.purpose')}
          rules={[{ required: true, whitespace: true, message: t('clients.consents.purposeRequired') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="method"
              label={t('clients.consents.fields.method')}
              rules={[{ required: true, message: t('clients.consents.methodRequired') }]}
            >
              <Select<ConsentMethod>
                options={CONSENT_METHODS.map((m) => ({ value: m, label: t(CONSENT_METHOD_LABELS[m]) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="givenAt"
              label={t('clients.consents.fields.givenAt')}
              rules={[{ required: true, message: t('clients.consents.givenAtRequired') }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format={WALL} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="textVersion"
              label={t('clients.consents.fields.textVersion')}
              extra={t('clients.consents.hints.textVersion')}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="source"
              label={t('clients.consents.fields.source')}
              extra={t('clients.consents.hints.source')}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        {client.kind === 'organization' && (
          <Form.Item
            name="contactId"
            label={t('clients.consents.fields.contact')}
            extra={t('clients.consents.hints.contact')}
          >
            <Select<number>
              allowClear
              placeholder={t('clients.consents.contactNone')}
              showSearch={{ optionFilterProp: 'label' }}
              loading={contacts === undefined}
              options={contacts?.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
