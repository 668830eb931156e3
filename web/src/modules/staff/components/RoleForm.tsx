import type { Permission, Role, RoleCreate, RoleUpdate } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Form, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { changedFields } from '../../../ui/changed-fields.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { createRole, updateRole } from '../api/roles-api.ts'
import { staffKeys } from '../api/staff-keys.ts'
import { PermissionChecklist } from './PermissionChecklist.tsx'
import { type Visibility, VisibilityChoice } from './VisibilityChoice.tsx'

export interface RoleValues {
  code: string
  name: string
  description?: string
  visibility: Visibility
  permissions: string[]
}

/** Permission keys as the API takes them (it rejects unknown ones with a field error). */
function asPermissions(keys: string[]): Permission[] {
  return keys.filter((key): key is Permission => key.includes('.'))
}

interface Props {
  /** The role being changed; none when creating one (possibly as a copy, see `initial`). */
  role?: Role
  initial?: Partial<RoleValues>
  readOnly?: boolean
  onSaved: (role: Role) => void
  onReload?: () => void
}

/** A custom role: name, code, description, visibility and permissions. */
export function RoleForm({ role, initial, readOnly, onSaved, onReload }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<RoleValues>()
  const queryClient = useQueryClient()
  const [showError, setShowError] = useState(true)

  const mutation = useMutation({
    mutationFn: async (values: RoleValues): Promise<Role> => {
      const body: RoleCreate = {
        code: values.code,
        name: values.name,
        description: values.description ?? '',
        visibility: values.visibility,
        permissions: asPermissions(values.permissions ?? []),
      }
      if (!role) return createRole(body)
      const { code: _code, ...editable } = body
      const patch = changedFields<RoleUpdate>(role, editable)
      return Object.keys(patch).length ? updateRole(role.id, role.version, patch) : role
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: staffKeys.roles })
      onSaved(saved)
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  const initialValues: Partial<RoleValues> = role
    ? {
        code: role.code,
        name: role.name,
        description: role.description,
        visibility: role.visibility,
        permissions: role.permissions,
      }
    : { visibility: 'own', permissions: [], ...initial }

  return (
    <Form<RoleValues>
      form={form}
      name="role"
      layout="vertical"
      initialValues={initialValues}
      disabled={readOnly || mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} onReload={onReload} />}
      <Form.Item name="name" label={t('roles.fields.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('roles.fields.code')}
        extra={role ? t('roles.codeFixed') : t('roles.codeHint')}
        rules={[{ required: true }, { pattern: /^[a-z][a-z0-9_]{1,63}$/, message: t('roles.codeInvalid') }]}
      >
        <Input maxLength={64} disabled={Boolean(role)} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="description" label={t('roles.fields.description')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="visibility" label={t('roles.fields.visibility')} rules={[{ required: true }]}>
        <VisibilityChoice />
      </Form.Item>
      <Form.Item name="permissions" label={t('roles.fields.permissions')}>
        <PermissionChecklist />
      </Form.Item>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  )
}
