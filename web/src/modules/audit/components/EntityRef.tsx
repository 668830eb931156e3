import { Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useAuth } from '../../../app/auth/auth-context.ts'
import { UserRef } from '../../staff/components/UserRef.tsx'
import { useRoles, useTeams } from '../../staff/hooks/use-staff-queries.ts'

interface Props {
  type: string
  id: number
}

/** The record an audit entry is about: its kind and name (`#id` when deleted or not visible). */
export function EntityRef({ type, id }: Props) {
  const { t } = useTranslation()
  const { can } = useAuth()
  const canRead = can('users.read')
  const teams = useTeams({ enabled: canRead && type === 'team' })
  const roles = useRoles({ enabled: canRead && type === 'role' })

  let name: ReactNode = `#${id}`
  if (type === 'user' && canRead) name = <UserRef id={id} />
  if (type === 'team') name = teams.data?.find((team) => team.id === id)?.name ?? `#${id}`
  if (type === 'role') name = roles.data?.find((role) => role.id === id)?.name ?? `#${id}`
  if (type === 'client') name = <Link to={`/clients/${id}`}>{`#${id}`}</Link>

  return (
    <div>
      <Typography.Text type="secondary">
        {t(`audit.entities.${type}`, { defaultValue: type })}
      </Typography.Text>
      <div>{name}</div>
    </div>
  )
}
