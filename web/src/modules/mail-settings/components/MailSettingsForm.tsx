import { SendOutlined } from '@ant-design/icons'
import type { MailSettings, MailSettingsUpdate, SmtpSecurity } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../../app/auth/auth-context.ts'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { mailSettingsKey, saveMailSettings, sendTestMail } from '../api/mail-settings-api.ts'
import { DEFAULT_PORTS } from './smtp-ports.ts'

interface Values {
  host: string
  port: number | null
  security: SmtpSecurity
  user: string
  password: string
  removePassword: boolean
  fromAddress: string
  fromName: string
}

const SECURITY: SmtpSecurity[] = ['starttls', 'tls', 'none']

function initialValues(s: MailSettings): Values {
  const { host, port, security, user, fromAddress, fromName } = s
  return { host, port, security, user, password: '', removePassword: false, fromAddress, fromName }
}

/** The password is write-only: sent only when typed (or removed), otherwise the saved one stays. */
function toBody({ password, removePassword, ...rest }: Values): MailSettingsUpdate {
  if (removePassword) return { ...rest, password: null }
  return password ? { ...rest, password } : rest
}

/** The SMTP settings of outgoing mail, and a test message to the administrator's own address. */
export function MailSettingsForm({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const me = useMe()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)
  const security = Form.useWatch('security', form) ?? settings.security
  const user = Form.useWatch('user', form) ?? settings.user

  const save = useMutation({
    mutationFn: (values: Values) => saveMailSettings(toBody(values)),
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      queryClient.setQueryData(mailSettingsKey, saved)
      form.setFieldsValue({ password: '', removePassword: false })
      message.success(t('mailSettings.saved'))
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })
  const test = useMutation({
    mutationFn: sendTestMail,
    onSuccess: (result) => message.success(t('mailSettings.test.sent', { to: result.to })),
    onError: (error) => applyFieldErrors(form, error),
  })

  return (
    <Form<Values>
      form={form}
      name="mail-settings"
      layout="vertical"
      initialValues={initialValues(settings)}
      disabled={save.isPending}
      onFinish={(values) => save.mutate(values)}
      onValuesChange={() => test.reset()}
      style={{ maxWidth: 720 }}
    >
      {save.error && showError && <ErrorAlert error={save.error} />}
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="host" label={t('mailSettings.fields.host')} extra={t('mailSettings.hints.host')}>
            <Input maxLength={253} autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="port" label={t('mailSettings.fields.port')}>
            <InputNumber
              min={1}
              max={65535}
              placeholder={String(DEFAULT_PORTS[security])}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="security"
        label={t('mailSettings.fields.security')}
        extra={t(`mailSettings.securityHints.${security}`)}
      >
        <Radio.Group
          optionType="button"
          options={SECURITY.map((value) => ({ value, label: t(`mailSettings.security.${value}`) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="user" label={t('mailSettings.fields.user')} extra={t('mailSettings.hints.user')}>
            <Input maxLength={320} autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="password"
            label={t('mailSettings.fields.password')}
            extra={
              settings.passwordSet
                ? t('mailSettings.hints.passwordSet')
                : t('mailSettings.hints.passwordNotSet')
            }
          >
            <Input.Password
              maxLength={500}
              autoComplete="new-password"
              disabled={!user}
              placeholder={settings.passwordSet ? t('mailSettings.passwordPlaceholder') : undefined}
            />
          </Form.Item>
          {settings.passwordSet && (
            <Form.Item name="removePassword" valuePropName="checked" style={{ marginTop: -8 }}>
              <Checkbox>{t('mailSettings.removePassword')}</Checkbox>
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="fromAddress" label={t('mailSettings.fields.fromAddress')}>
            <Input maxLength={254} type="email" autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="fromName"
            label={t('mailSettings.fields.fromName')}
            extra={t('mailSettings.hints.fromName')}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      {test.error && <ErrorAlert error={test.error} />}
      <Flex gap={8} wrap align="center">
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button
          icon={<SendOutlined />}
          loading={test.isPending}
          disabled={save.isPending || settings.active === 'none'}
          onClick={() => test.mutate()}
        >
          {t('mailSettings.test.button')}
        </Button>
        <Typography.Text type="secondary">{t('mailSettings.test.hint', { email: me.email })}</Typography.Text>
      </Flex>
    </Form>
  )
}
