import type { User } from '@mmcrm/server/api-types'
import { useMutation } from '@tanstack/react-query'
import { App, Form, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { setUserPassword } from '../api/users-api.ts'

interface Props {
  user: User
  open: boolean
  onClose: () => void
}

interface Values {
  password: string
  confirm: string
}

/** An administrator sets an employee's password: their sessions end and a lock-out is lifted. */
export function SetPasswordModal({ user, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)
  const mutation = useMutation({
    mutationFn: (values: Values) => setUserPassword(user.id, values.password),
    onMutate: () => setShowError(true),
    onSuccess: () => {
      message.success(t('employees.passwordSet', { name: user.name }))
      form.resetFields()
      onClose()
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })
  return (
    <Modal
      open={open}
      title={t('employees.setPassword')}
      okText={t('employees.setPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('employees.setPasswordText', { name: user.name })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="userPassword"
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
      >
        {mutation.error && showError && <ErrorAlert error={mutation.error} />}
        <Form.Item
          name="password"
          label={t('password.new')}
          extra={t('employees.passwordHint')}
          rules={[{ required: true }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.repeat')}
          dependencies={['password']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
