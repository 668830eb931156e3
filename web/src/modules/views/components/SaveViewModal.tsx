import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Form, Input, Modal, Radio, Tooltip } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth/auth-context.ts'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { createView, type SavedView, type SavedViewState, updateView, viewKeys } from '../api/views-api.ts'

type Scope = SavedView['scope']

interface Values {
  name: string
  scope: Scope
}

interface Props {
  entity: 'clients'
  /** A new view of `state`, or renaming (and re-scoping) an existing one. */
  mode: { kind: 'create'; state: SavedViewState } | { kind: 'rename'; view: SavedView } | null
  onClose: () => void
  onSaved: (view: SavedView) => void
}

const SCOPES: Scope[] = ['private', 'team', 'all']

function initialValues(mode: Props['mode']): Values {
  return mode?.kind === 'rename'
    ? { name: mode.view.name, scope: mode.view.scope }
    : { name: '', scope: 'private' }
}

/** Names a view and chooses who sees it: only me, my team (needs the right to share) or everyone. */
export function SaveViewModal({ entity, mode, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { me, can } = useAuth()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)
  const canShare = can('views.share')
  const hasTeam = (me?.teamId ?? null) !== null

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      if (!mode) throw new Error('nothing to save')
      const body = { name: values.name.trim(), scope: values.scope }
      return mode.kind === 'create'
        ? createView({ entity, ...body, state: mode.state })
        : updateView(mode.view, body)
    },
    onMutate: () => setShowError(true),
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: viewKeys.list(entity) })
      message.success(t('views.saved', { name: view.name }))
      onSaved(view)
      form.resetFields()
      onClose()
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  const disabledScope = (scope: Scope) => scope !== 'private' && (!canShare || (scope === 'team' && !hasTeam))
  const initial = initialValues(mode)
  // Each opening starts from the view being renamed, or from a blank private one.
  useEffect(() => {
    if (mode) form.setFieldsValue(initialValues(mode))
  }, [mode, form])

  return (
    <Modal
      open={mode !== null}
      title={mode?.kind === 'rename' ? t('views.renameTitle') : t('views.saveAsTitle')}
      okText={t('common.save')}
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
      <Form<Values>
        form={form}
        name="view"
        layout="vertical"
        initialValues={initial}
        disabled={mutation.isPending}
        onFinish={(values) => mutation.mutate(values)}
      >
        {mutation.error && showError && <ErrorAlert error={mutation.error} />}
        <Form.Item
          name="name"
          label={t('views.name')}
          rules={[{ required: true, whitespace: true, message: t('views.nameRequired') }]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="scope" label={t('views.scope')} extra={canShare ? undefined : t('views.shareHint')}>
          <Radio.Group>
            {SCOPES.map((scope) => (
              <Tooltip
                key={scope}
                title={scope === 'team' && canShare && !hasTeam ? t('views.noTeam') : undefined}
              >
                <Radio value={scope} disabled={disabledScope(scope)}>
                  {t(`views.scopes.${scope}`)}
                </Radio>
              </Tooltip>
            ))}
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  )
}
