import type { ApiTokenCreated } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { accountKeys, createToken } from '../api/account-api.ts'

interface Props {
  open: boolean
  onClose: () => void
}

interface Values {
  name: string
  expiresInDays: number | 'never'
}

const EXPIRY_DAYS = [30, 90, 180, 365] as const

/** Creates a personal API token and shows it once, with a copy button. */
export function TokenCreateModal({ open, onClose }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const [created, setCreated] = useState<ApiTokenCreated | null>(null)
  const [showError, setShowError] = useState(true)
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      createToken({
        name: values.name,
        expiresInDays: values.expiresInDays === 'never' ? null : values.expiresInDays,
      }),
    onMutate: () => setShowError(true),
    onSuccess: (token) => {
      setCreated(token)
      void queryClient.invalidateQueries({ queryKey: accountKeys.tokens })
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  const close = () => {
    setCreated(null)
    mutation.reset()
    form.resetFields()
    onClose()
  }

  return (
    <Modal
      open={open}
      title={created ? t('tokens.createdTitle') : t('tokens.create')}
      onCancel={close}
      destroyOnHidden
      footer={
        created ? (
          <Button type="primary" onClick={close}>
            {t('tokens.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
              {t('tokens.create')}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title={t('tokens.shownOnce')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph
            copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }}
            code
            style={{ wordBreak: 'break-all' }}
          >
            {created.token}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('tokens.usage')}</Typography.Text>
        </>
      ) : (
        <Form<Values>
          form={form}
          name="token"
          layout="vertical"
          initialValues={{ expiresInDays: 90 }}
          disabled={mutation.isPending}
          onFinish={(values) => mutation.mutate(values)}
        >
          {mutation.error && showError && <ErrorAlert error={mutation.error} />}
          <Form.Item
            name="name"
            label={t('tokens.fields.name')}
            extra={t('tokens.nameHint')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.fields.expiresIn')}>
            <Select
              options={[
                ...EXPIRY_DAYS.map((days) => ({ value: days, label: t('tokens.days', { count: days }) })),
                { value: 'never', label: t('tokens.never') },
              ]}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
