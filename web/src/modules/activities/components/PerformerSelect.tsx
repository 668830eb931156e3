import { Select } from 'antd'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth, useMe } from '../../../app/auth/auth-context.ts'
import { useOrganizerPeople } from '../hooks/use-activity-types.ts'

interface Props {
  id?: string
  value?: number | null
  onChange?: (value: number) => void
  /** The current performer's name, when they may be outside the list (someone else's record). */
  selectedName?: string
  style?: CSSProperties
}

/**
 * Who does it: the employee themselves, or (with `activities.assign`) a colleague they can see.
 * Without the right the choice is shown but fixed.
 */
export function PerformerSelect({ id, value, onChange, selectedName, style }: Props) {
  const { t } = useTranslation()
  const { can } = useAuth()
  const me = useMe()
  const canAssign = can('activities.assign')
  const people = useOrganizerPeople(canAssign)
  const options = canAssign
    ? (people.data ?? []).map((p) => ({
        value: p.id,
        label: p.isMe ? t('activities.performer.me', { name: p.name }) : p.name,
      }))
    : [{ value: me.id, label: t('activities.performer.me', { name: me.name }) }]
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: value === me.id ? me.name : (selectedName ?? `#${value}`) })

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next)}
      disabled={!canAssign}
      loading={canAssign && people.isPending}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%', ...style }}
    />
  )
}
