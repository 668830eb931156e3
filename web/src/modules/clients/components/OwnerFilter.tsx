import { useQueries } from '@tanstack/react-query'
import { Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { staffKeys } from '../../staff/api/staff-keys.ts'
import { fetchUser } from '../../staff/api/users-api.ts'
import { useUserList } from '../../staff/hooks/use-staff-queries.ts'

interface Props {
  value: string[]
  onChange: (value: string[]) => void
  disabled?: boolean
}

/** Owners to filter by: employees (searched as one types) and "no owner". */
export function OwnerFilter({ value, onChange, disabled }: Props) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250)
    return () => clearTimeout(timer)
  }, [search])
  const list = useUserList({ page: 1, pageSize: 20, q: q || undefined, sort: 'name' }, { enabled: !disabled })
  // Names of the chosen employees, whatever the search shows now.
  const chosen = useQueries({
    queries: value
      .filter((v) => v !== 'none')
      .map((id) => ({
        queryKey: staffKeys.user(Number(id)),
        queryFn: () => fetchUser(Number(id)),
        staleTime: 5 * 60_000,
        retry: false,
      })),
  })

  const options = [{ value: 'none', label: t('clients.noOwner') }]
  for (const user of [...chosen.flatMap((c) => (c.data ? [c.data] : [])), ...(list.data?.items ?? [])]) {
    if (!options.some((o) => o.value === String(user.id)))
      options.push({ value: String(user.id), label: user.name })
  }

  return (
    <Select<string[]>
      mode="multiple"
      aria-label={t('clients.filters.owner')}
      placeholder={t('clients.filters.owner')}
      allowClear
      disabled={disabled}
      value={value}
      onChange={onChange}
      options={options}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.nothingFound')}
      maxTagCount="responsive"
      style={{ width: 240 }}
      popupMatchSelectWidth={false}
    />
  )
}
