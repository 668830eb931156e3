import type { CustomField } from '@mmcrm/server/api-types'
import { useCallback, useMemo } from 'react'
import type { ClientListState } from './use-client-list-state.ts'

/** The list's standard columns, in the order they appear. */
export const STANDARD_COLUMNS = [
  'name',
  'kind',
  'inn',
  'kpp',
  'ogrn',
  'phone',
  'email',
  'industry',
  'size',
  'source',
  'owner',
  'team',
  'completeness',
  'nextActivityAt',
  'lastContactAt',
  'createdAt',
  'updatedAt',
] as const
export type StandardColumn = (typeof STANDARD_COLUMNS)[number]

const DEFAULT_COLUMNS: StandardColumn[] = [
  'name',
  'kind',
  'inn',
  'phone',
  'email',
  'owner',
  'nextActivityAt',
  'completeness',
  'updatedAt',
]
const STORAGE_KEY = 'mmcrm.clients.columns'

export function customColumn(key: string): string {
  return `custom:${key}`
}

/** A column showing the client's nodes of one classifier. */
export function classifierColumn(classifierId: number): string {
  return `class:${classifierId}`
}

function storedColumns(): string[] | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value ? value.split(',').filter(Boolean) : null
  } catch {
    return null
  }
}

function storeColumns(columns: string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, columns.join(','))
  } catch {
    // Private mode or storage full: the choice lives in the address only.
  }
}

/**
 * The columns shown: those in the address (`cols=`), else the employee's last choice on this browser,
 * else the standard set with the custom fields marked "show in lists". The name is always first.
 */
export function useClientColumns(
  state: ClientListState,
  update: (patch: Partial<ClientListState>) => void,
  defs: CustomField[] | undefined,
) {
  const columns = useMemo(() => {
    const known = new Set<string>([...STANDARD_COLUMNS, ...(defs ?? []).map((d) => customColumn(d.key))])
    const chosen = state.columns ??
      storedColumns() ?? [
        ...DEFAULT_COLUMNS,
        ...(defs ?? []).filter((d) => d.inList).map((d) => customColumn(d.key)),
      ]
    // Until the definitions arrive, custom columns from the address are kept rather than dropped.
    const kept = chosen.filter(
      (c) => known.has(c) || (!defs && c.startsWith('custom:')) || /^class:\d+$/.test(c),
    )
    return ['name', ...kept.filter((c) => c !== 'name')]
  }, [state.columns, defs])

  const setColumns = useCallback(
    (next: string[]) => {
      const ordered = ['name', ...next.filter((c) => c !== 'name')]
      storeColumns(ordered)
      update({ columns: ordered })
    },
    [update],
  )

  return { columns, setColumns }
}
