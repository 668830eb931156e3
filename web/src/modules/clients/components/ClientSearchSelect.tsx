import { useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clientKeys } from '../api/client-keys.ts'
import { fetchClients } from '../api/clients-api.ts'
import type { ClientKind } from './client-labels.ts'

interface Props {
  id?: string
  kind: ClientKind
  /** A client not to offer (the one being merged into). */
  excludeId?: number
  value?: number
  onChange?: (value: number | undefined) => void
  /** The current choice's name, shown before any search runs. */
  selectedName?: string
  placeholder?: string
}

/** Picks a client of one kind, searching the register (name, ИНН, phone, e-mail) as the user types. */
export function ClientSearchSelect({
  id,
  kind,
  excludeId,
  value,
  onChange,
  selectedName,
  placeholder,
}: Props) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250)
    return () => clearTimeout(timer)
  }, [search])
  const list = useQuery({
    queryKey: clientKeys.search(kind, q),
    queryFn: ({ signal }) =>
      fetchClients({ page: 1, pageSize: 20, q: q || undefined, kind, sort: 'name' }, signal),
    staleTime: 10_000,
  })

  const options = (list.data?.items ?? [])
    .filter((c) => c.id !== excludeId)
    .map((c) => ({
      value: c.id,
      label: c.inn ? `${c.name} · ${t('clients.fields.inn')} ${c.inn}` : c.name,
    }))
  if (value && selectedName && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: selectedName })
  }

  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      allowClear
      placeholder={placeholder}
      loading={list.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.nothingFound')}
      style={{ width: '100%' }}
    />
  )
}
