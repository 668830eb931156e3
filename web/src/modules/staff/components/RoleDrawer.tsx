import { CopyOutlined } from '@ant-design/icons'
import type { Role } from '@mmcrm/server/api-types'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { RecordDrawer } from '../../../ui/RecordDrawer.tsx'
import { fetchRole, fetchRoleHistory } from '../api/roles-api.ts'
import { staffKeys } from '../api/staff-keys.ts'
import { useStaffValueRenderer } from '../hooks/use-staff-value-renderer.tsx'
import { RoleForm, type RoleValues } from './RoleForm.tsx'

export type RoleDrawerState = { kind: 'edit'; id: number } | { kind: 'new'; copyOf?: Role } | null

interface Props {
  state: RoleDrawerState
  canManage: boolean
  onClose: () => void
  onCopy: (role: Role) => void
}

/** What a copy of a role starts with: everything but the code, which must be new. */
function copyValues(role: Role, name: string): Partial<RoleValues> {
  return {
    name,
    code: `${role.code}_copy`.slice(0, 64),
    description: role.description,
    visibility: role.visibility,
    permissions: role.permissions,
  }
}

/** One role: built-in ones are read-only (copy them instead); custom ones editable with roles.manage. */
export function RoleDrawer({ state, canManage, onClose, onCopy }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const id = state?.kind === 'edit' ? state.id : null
  const role = useQuery({
    queryKey: staffKeys.role(id ?? 0),
    queryFn: () => fetchRole(id ?? 0),
    enabled: id !== null,
    staleTime: 0,
  })
  const renderValue = useStaffValueRenderer()
  const copyOf = state?.kind === 'new' ? state.copyOf : undefined

  let title = role.data?.name ?? t('roles.role')
  if (state?.kind === 'new') title = copyOf ? t('roles.copyTitle', { name: copyOf.name }) : t('roles.create')

  return (
    <RecordDrawer
      open={state !== null}
      title={title}
      onClose={onClose}
      size={620}
      record={id !== null ? role : null}
      history={
        id !== null
          ? { queryKey: staffKeys.roleHistory(id), fetch: () => fetchRoleHistory(id), renderValue }
          : undefined
      }
      extra={
        role.data &&
        id !== null &&
        canManage && (
          <Button icon={<CopyOutlined />} onClick={() => role.data && onCopy(role.data)}>
            {t('roles.copy')}
          </Button>
        )
      }
    >
      {(record) =>
        record ? (
          <>
            {record.isSystem && (
              <Alert type="info" showIcon title={t('roles.systemReadOnly')} style={{ marginBottom: 16 }} />
            )}
            <RoleForm
              key={`${record.id}:${record.version}`}
              role={record}
              readOnly={!canManage || record.isSystem}
              onSaved={(saved) => {
                queryClient.setQueryData(staffKeys.role(saved.id), saved)
                message.success(t('common.saved'))
              }}
              onReload={() => void role.refetch()}
            />
          </>
        ) : (
          <RoleForm
            key={copyOf ? `copy:${copyOf.id}` : 'new'}
            initial={copyOf ? copyValues(copyOf, t('roles.copyName', { name: copyOf.name })) : undefined}
            onSaved={() => {
              message.success(t('roles.created'))
              onClose()
            }}
          />
        )
      }
    </RecordDrawer>
  )
}
