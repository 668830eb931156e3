import type { PasswordChange } from '@mmcrm/server/api-types'
import { useMutation } from '@tanstack/react-query'
import { App, Button, Form, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { changePassword } from '../api/account-api.ts'

interface Values extends PasswordChange {
  repeat: string
}

/** Changing one's own password; the employee's other sessions end. */
export function PasswordForm() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)
  const mutation = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      changePassword({ currentPassword, newPassword }),
    onMutate: () => setShowError(true),
    onSuccess: () => {
      form.resetFields()
      message.success(t('password.changed'))
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  return (
    <Form<Values>
      form={form}
      name="password"
      layout="vertical"
      disabled={mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
      style={{ maxWidth: 420 }}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} />}
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('employees.passwordHint')}
        rules={[{ required: true }]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="repeat"
        label={t('password.repeat')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('password.submit')}
      </Button>
    </Form>
  )
}
