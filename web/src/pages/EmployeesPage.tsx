import { PlusOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../app/auth/auth-context.ts'
import { EmployeeDrawer } from '../modules/staff/components/EmployeeDrawer.tsx'
import { EmployeeFilters } from '../modules/staff/components/EmployeeFilters.tsx'
import { EmployeesTable } from '../modules/staff/components/EmployeesTable.tsx'
import { useEmployeeListState } from '../modules/staff/hooks/use-employee-list-state.ts'
import { useRoles, useTeams, useUserList } from '../modules/staff/hooks/use-staff-queries.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

/** Administration → Employees: the register, searchable and sortable, with everything in the address bar. */
export function EmployeesPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { can } = useAuth()
  const canManage = can('users.manage')
  const { state, update, request } = useEmployeeListState()
  const list = useUserList(request, { fresh: true })
  const roles = useRoles()
  const teams = useTeams()

  return (
    <>
      <PageHeader
        title={t('employees.title')}
        subtitle={canManage ? undefined : t('common.readOnly')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ open: 'new' })}>
              {t('employees.create')}
            </Button>
          )
        }
      />
      <EmployeeFilters
        state={state}
        roles={roles.data}
        teams={teams.data}
        onChange={(patch) => update(patch, { resetPage: true })}
      />
      {list.error && <ErrorAlert error={list.error} />}
      <EmployeesTable
        state={state}
        data={list.data}
        loading={list.isPending || list.isPlaceholderData}
        canManage={canManage}
        onChange={update}
        onOpen={(id) => update({ open: id })}
      />
      <EmployeeDrawer
        open={state.open}
        canManage={canManage}
        onClose={() => update({ open: null })}
        onCreated={() => {
          message.success(t('employees.created'))
          update({ open: null })
        }}
      />
    </>
  )
}
