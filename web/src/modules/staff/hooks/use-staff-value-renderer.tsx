import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth/auth-context.ts'
import type { ValueRenderer } from '../../../ui/ChangeList.tsx'
import { UserRef } from '../components/UserRef.tsx'
import { useRoles, useTeams } from './use-staff-queries.ts'

/**
 * Reads the stored values of employees, teams and roles in history entries: ids become names,
 * codes become words in the UI language.
 */
export function useStaffValueRenderer(): ValueRenderer {
  const { t } = useTranslation()
  const { can } = useAuth()
  const canRead = can('users.read')
  const roles = useRoles({ enabled: canRead })
  const teams = useTeams({ enabled: canRead })

  return useCallback<ValueRenderer>(
    (field, value) => {
      const id = typeof value === 'number' ? value : undefined
      switch (field) {
        case 'roleId':
          return id === undefined ? undefined : (roles.data?.find((r) => r.id === id)?.name ?? `#${id}`)
        case 'teamId':
          return id === undefined ? undefined : (teams.data?.find((team) => team.id === id)?.name ?? `#${id}`)
        case 'headId':
        case 'userId':
          return id === undefined ? undefined : canRead ? <UserRef id={id} /> : `#${id}`
        case 'visibility':
          return t(`visibility.${String(value)}.label`, { defaultValue: String(value) })
        case 'locale':
          return t(`languages.${String(value)}`, { defaultValue: String(value) })
        case 'theme':
          return t(`themes.${String(value)}`, { defaultValue: String(value) })
        case 'isActive':
          return value ? t('employees.status.active') : t('employees.status.inactive')
        case 'permissions':
          return Array.isArray(value)
            ? value.map((key) => t(`permissions.${String(key)}`, { defaultValue: String(key) })).join(', ')
            : undefined
        default:
          return undefined
      }
    },
    [t, roles.data, teams.data, canRead],
  )
}
