import type { Role, Team } from '@mmcrm/server/api-types'
import { Button, Flex, Input, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EmployeeListState } from '../hooks/use-employee-list-state.ts'

interface Props {
  state: EmployeeListState
  roles: Role[] | undefined
  teams: Team[] | undefined
  onChange: (patch: Partial<EmployeeListState>) => void
}

type ActiveFilter = 'active' | 'inactive'

/** Search and filters of the employee list; every change goes to the address bar. */
export function EmployeeFilters({ state, roles, teams, onChange }: Props) {
  const { t } = useTranslation()
  const [q, setQ] = useState(state.q)
  useEffect(() => setQ(state.q), [state.q])
  const active: ActiveFilter | undefined =
    state.isActive === undefined ? undefined : state.isActive ? 'active' : 'inactive'
  const filtered = Boolean(state.q || state.roleId || state.teamId || state.isActive !== undefined)

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label={t('employees.search')}
        placeholder={t('employees.searchPlaceholder')}
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(value) => onChange({ q: value.trim() })}
        style={{ width: 280 }}
      />
      <Select<number>
        aria-label={t('employees.filterRole')}
        placeholder={t('employees.filterRole')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={state.roleId}
        onChange={(roleId) => onChange({ roleId })}
        options={roles?.map((r) => ({ value: r.id, label: r.name }))}
        style={{ width: 220 }}
        popupMatchSelectWidth={false}
      />
      <Select<number>
        aria-label={t('employees.filterTeam')}
        placeholder={t('employees.filterTeam')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={state.teamId}
        onChange={(teamId) => onChange({ teamId })}
        options={teams?.map((team) => ({ value: team.id, label: team.name }))}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
      />
      <Select<ActiveFilter>
        aria-label={t('employees.filterStatus')}
        placeholder={t('employees.filterStatus')}
        allowClear
        value={active}
        onChange={(value) => onChange({ isActive: value === undefined ? undefined : value === 'active' })}
        options={[
          { value: 'active', label: t('employees.status.active') },
          { value: 'inactive', label: t('employees.status.inactive') },
        ]}
        style={{ width: 160 }}
      />
      {filtered && (
        <Button
          onClick={() => onChange({ q: '', roleId: undefined, teamId: undefined, isActive: undefined })}
          type="link"
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </Flex>
  )
}
