import type { ClientCard } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { contactKeys } from '../../contacts/api/contacts-api.ts'
import { clientKeys } from '../api/client-keys.ts'
import { eraseClient } from '../api/clients-api.ts'

interface Props {
  client: ClientCard
  open: boolean
  onClose: () => void
}

interface Values {
  reason: string
  confirmName: string
}

/**
 * Erases an individual's personal data at their request: a reason, and the name typed out again, since
 * nothing brings the data back. The record itself stays, anonymized.
 */
export function EraseModal({ client, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)
  const typed = Form.useWatch('confirmName', form)
  const confirmed = (typed ?? '').trim() === client.name.trim()

  const mutation = useMutation({
    mutationFn: (values: Values) => eraseClient(client.id, values.reason.trim()),
    onMutate: () => setShowError(true),
    onSuccess: (card) => {
      queryClient.setQueryData(clientKeys.one(card.id), card)
      void queryClient.invalidateQueries({ queryKey: clientKeys.all })
      void queryClient.invalidateQueries({ queryKey: contactKeys.all })
      void queryClient.invalidateQueries({ queryKey: ['notes'] })
      message.success(t('clients.privacy.erased'))
      form.resetFields()
      onClose()
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  return (
    <Modal
      open={open}
      title={t('clients.privacy.eraseTitle', { name: client.name })}
      okText={t('clients.privacy.erase')}
      okButtonProps={{ danger: true, disabled: !confirmed }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        mutation.reset()
        form.resetFields()
        onClose()
      }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('clients.privacy.eraseWarning')}
        description={t('clients.privacy.eraseWarningText')}
      />
      <Form<Values>
        form={form}
        name="erase"
        layout="vertical"
        disabled={mutation.isPending}
        onFinish={(values) => mutation.mutate(values)}
      >
        {mutation.error && showError && <ErrorAlert error={mutation.error} />}
        <Form.Item
          name="reason"
          label={t('clients.privacy.reason')}
          extra={t('clients.privacy.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('clients.privacy.reasonRequired') },
            { min: 3, message: t('clients.privacy.reasonShort') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="confirmName"
          label={t('clients.privacy.confirmName', { name: client.name })}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                (value ?? '').trim() === client.name.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('clients.privacy.confirmMismatch'))),
            },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
