import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Form, Input, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import type { BulkResult } from '../../operations/api/operations-api.ts'
import { useBulkResult } from '../../operations/hooks/use-bulk-result.ts'
import { UserSelect } from '../../staff/components/UserSelect.tsx'
import { useTeams } from '../../staff/hooks/use-staff-queries.ts'
import { clientKeys } from '../api/client-keys.ts'
import { type ClientFilterParams, type ReassignRequest, reassignClients } from '../api/clients-api.ts'

/** Whom to give away: one client (its card), the chosen rows, or every client the list's filter matches. */
export type ReassignTarget =
  | { kind: 'one'; id: number; name: string }
  | { kind: 'ids'; ids: number[] }
  | { kind: 'filter'; filter: ClientFilterParams; total: number }

interface Props {
  target: ReassignTarget | null
  onClose: () => void
  /** After the clients changed hands (at once, or when the background operation ends). */
  onDone?: () => void
}

interface Values {
  ownerId: number
  teamId?: number
  reason: string
}

function requestOf(target: ReassignTarget, values: Values): ReassignRequest {
  const scope =
    target.kind === 'filter'
      ? { filter: target.filter }
      : { ids: target.kind === 'one' ? [target.id] : target.ids }
  return {
    ...scope,
    ownerId: values.ownerId,
    ...(values.teamId ? { teamId: values.teamId } : {}),
    reason: values.reason.trim(),
  }
}

/** Gives clients to another employee (and team) with a reason that stays in each client's history. */
export function ReassignModal({ target, onClose, onDone }: Props) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const handleResult = useBulkResult()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)
  const teams = useTeams({ enabled: target !== null })

  const refresh = () => void queryClient.invalidateQueries({ queryKey: clientKeys.all })
  const changedText = (count: number) =>
    count > 0 ? t('clients.reassign.done', { count }) : t('clients.reassign.nothingChanged')

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      if (!target) throw new Error('no clients to reassign')
      return reassignClients(requestOf(target, values))
    },
    onMutate: () => setShowError(true),
    onSuccess: (result: BulkResult) => {
      handleResult(
        result,
        {
          queued: t('clients.reassign.queued', { count: result.total }),
          progressTitle: t('clients.reassign.progressTitle', { count: result.total }),
          changed: changedText,
        },
        () => {
          refresh()
          onDone?.()
        },
      )
      form.resetFields()
      onClose()
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  let text = ''
  if (target?.kind === 'one') text = t('clients.reassign.textOne', { name: target.name })
  if (target?.kind === 'ids') text = t('clients.reassign.textSelected', { count: target.ids.length })
  if (target?.kind === 'filter') text = t('clients.reassign.textFilter', { count: target.total })

  return (
    <Modal
      open={target !== null}
      title={t('clients.reassign.title')}
      okText={t('clients.reassign.submit')}
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
      <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="reassign"
        layout="vertical"
        disabled={mutation.isPending}
        onFinish={(values) => mutation.mutate(values)}
      >
        {mutation.error && showError && <ErrorAlert error={mutation.error} />}
        <Form.Item
          name="ownerId"
          label={t('clients.reassign.owner')}
          rules={[{ required: true, message: t('clients.reassign.ownerRequired') }]}
        >
          <UserSelect
            placeholder={t('clients.reassign.ownerPlaceholder')}
            onChange={() => form.setFieldValue('teamId', undefined)}
          />
        </Form.Item>
        <Form.Item name="teamId" label={t('clients.fields.team')} extra={t('clients.hints.team')}>
          <Select<number>
            allowClear
            placeholder={t('clients.ownersTeam')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={teams.isPending}
            options={teams.data?.map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('clients.reassign.reason')}
          extra={t('clients.reassign.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('clients.reassign.reasonRequired') },
            { min: 3, message: t('clients.reassign.reasonShort') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
