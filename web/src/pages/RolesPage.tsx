import { PlusOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../app/auth/auth-context.ts'
import { RoleDrawer, type RoleDrawerState } from '../modules/staff/components/RoleDrawer.tsx'
import { RolesTable } from '../modules/staff/components/RolesTable.tsx'
import { useRoles } from '../modules/staff/hooks/use-staff-queries.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

/** Administration → Roles. */
export function RolesPage() {
  const { t } = useTranslation()
  const { can } = useAuth()
  const canManage = can('roles.manage')
  const roles = useRoles({ fresh: true })
  const [drawer, setDrawer] = useState<RoleDrawerState>(null)

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        subtitle={canManage ? t('roles.subtitle') : t('common.readOnly')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ kind: 'new' })}>
              {t('roles.create')}
            </Button>
          )
        }
      />
      {roles.error && <ErrorAlert error={roles.error} />}
      <RolesTable
        roles={roles.data}
        loading={roles.isPending}
        canManage={canManage}
        onOpen={(id) => setDrawer({ kind: 'edit', id })}
        onCopy={(role) => setDrawer({ kind: 'new', copyOf: role })}
      />
      <RoleDrawer
        state={drawer}
        canManage={canManage}
        onClose={() => setDrawer(null)}
        onCopy={(role) => setDrawer({ kind: 'new', copyOf: role })}
      />
    </>
  )
}
