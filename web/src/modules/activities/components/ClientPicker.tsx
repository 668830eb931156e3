import { useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { type CSSProperties, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clientKeys } from '../../clients/api/client-keys.ts'
import { fetchClients } from '../../clients/api/clients-api.ts'

interface Props {
  id?: string
  value?: number | null
  onChange?: (value: number | null) => void
  /** The current choice's name, shown before any search runs. */
  selectedName?: string
  placeholder?: string
  allowClear?: boolean
  style?: CSSProperties
}

/**
 * Picks a client of either kind, searching the register (name, ИНН, phone, e-mail) as the user types.
 * (The clients module's search select is for one kind at a time.)
 */
export function ClientPicker({
  id,
  value,
  onChange,
  selectedName,
  placeholder,
  allowClear = true,
  style,
}: Props) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const [names, setNames] = useState<Map<number, string>>(() => new Map())
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250)
    return () => clearTimeout(timer)
  }, [search])
  const list = useQuery({
    queryKey: clientKeys.search('any', q),
    queryFn: ({ signal }) => fetchClients({ page: 1, pageSize: 20, q: q || undefined, sort: 'name' }, signal),
    staleTime: 10_000,
  })

  const options = (list.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.inn ? `${c.name} · ${t('clients.fields.inn')} ${c.inn}` : c.name,
  }))
  const knownName = value ? (names.get(value) ?? selectedName) : undefined
  if (value && knownName && !options.some((o) => o.value === value))
    options.unshift({ value, label: knownName })

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(next, option) => {
        if (next && option && !Array.isArray(option) && typeof option.label === 'string') {
          const label = option.label
          setNames((m) => new Map(m).set(next, label))
        }
        onChange?.(next ?? null)
      }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('activities.fields.clientPlaceholder')}
      loading={list.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.nothingFound')}
      style={{ width: '100%', ...style }}
    />
  )
}
