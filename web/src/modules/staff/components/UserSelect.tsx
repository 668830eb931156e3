import { Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUserList } from '../hooks/use-staff-queries.ts'

interface Props {
  id?: string
  value?: number | null
  onChange?: (value: number | null) => void
  /** The current choice's name, shown before any search runs. */
  selectedName?: string
  placeholder?: string
  disabled?: boolean
}

/** Picks an active employee, searching the register as the user types. */
export function UserSelect({ id, value, onChange, selectedName, placeholder, disabled }: Props) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250)
    return () => clearTimeout(timer)
  }, [search])
  const list = useUserList(
    { page: 1, pageSize: 20, q: q || undefined, isActive: true, sort: 'name' },
    { enabled: !disabled },
  )

  const options = (list.data?.items ?? []).map((u) => ({
    value: u.id,
    label: u.position ? `${u.name} · ${u.position}` : u.name,
  }))
  if (value && selectedName && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: selectedName })
  }

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      allowClear
      placeholder={placeholder}
      disabled={disabled}
      loading={list.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.nothingFound')}
      style={{ width: '100%' }}
    />
  )
}
