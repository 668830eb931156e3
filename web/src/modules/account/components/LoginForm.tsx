import { LockOutlined, MailOutlined } from '@ant-design/icons'
import type { LoginRequest, Me } from '@mmcrm/server/api-types'
import { useMutation } from '@tanstack/react-query'
import { Button, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { login } from '../api/account-api.ts'

interface Props {
  onSignedIn: (me: Me) => void
}

/** E-mail and password. Wrong passwords and locked accounts are explained in the server's words. */
export function LoginForm({ onSignedIn }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<LoginRequest>()
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: onSignedIn,
    onError: (error) => applyFieldErrors(form, error),
  })
  return (
    <Form
      form={form}
      name="login"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => mutation.mutate(values)}
      disabled={mutation.isPending}
    >
      {mutation.error && <ErrorAlert error={mutation.error} />}
      <Form.Item name="email" label={t('login.email')} rules={[{ required: true }]}>
        <Input prefix={<MailOutlined />} autoComplete="username" autoFocus inputMode="email" />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  )
}
