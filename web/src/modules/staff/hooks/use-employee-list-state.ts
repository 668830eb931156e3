import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { UserListParams } from '../api/users-api.ts'

export const EMPLOYEE_SORT_KEYS = ['name', 'email', 'createdAt', 'lastLoginAt'] as const
export type EmployeeSortKey = (typeof EMPLOYEE_SORT_KEYS)[number]
export interface SortEntry {
  key: EmployeeSortKey
  desc: boolean
}

export interface EmployeeListState {
  page: number
  pageSize: number
  q: string
  roleId?: number
  teamId?: number
  isActive?: boolean
  sort: SortEntry[]
  /** The employee open in the drawer: an id, `new`, or nothing. */
  open: number | 'new' | null
}

export const PAGE_SIZES = [10, 20, 50, 100] as const
const DEFAULT_PAGE_SIZE = 20

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined
  const n = Number(value)
  return n > 0 ? n : undefined
}

export function parseSort(value: string | null): SortEntry[] {
  if (!value) return []
  const entries: SortEntry[] = []
  for (const raw of value.split(',')) {
    const desc = raw.startsWith('-')
    const key = EMPLOYEE_SORT_KEYS.find((k) => k === (desc ? raw.slice(1) : raw))
    if (key && !entries.some((e) => e.key === key)) entries.push({ key, desc })
  }
  return entries
}

export function serializeSort(sort: SortEntry[]): string {
  return sort.map((s) => (s.desc ? `-${s.key}` : s.key)).join(',')
}

function parse(params: URLSearchParams): EmployeeListState {
  const pageSize = positiveInt(params.get('pageSize'))
  const active = params.get('active')
  const open = params.get('open')
  return {
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && pageSize <= 200 ? pageSize : DEFAULT_PAGE_SIZE,
    q: params.get('q') ?? '',
    roleId: positiveInt(params.get('role')),
    teamId: positiveInt(params.get('team')),
    isActive: active === 'true' ? true : active === 'false' ? false : undefined,
    sort: parseSort(params.get('sort')),
    open: open === 'new' ? 'new' : (positiveInt(open) ?? null),
  }
}

function serialize(state: EmployeeListState): URLSearchParams {
  const params = new URLSearchParams()
  if (state.q) params.set('q', state.q)
  if (state.roleId) params.set('role', String(state.roleId))
  if (state.teamId) params.set('team', String(state.teamId))
  if (state.isActive !== undefined) params.set('active', String(state.isActive))
  if (state.sort.length) params.set('sort', serializeSort(state.sort))
  if (state.page > 1) params.set('page', String(state.page))
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize))
  if (state.open !== null) params.set('open', String(state.open))
  return params
}

/** The employee list's search, filters, sort, page and open record, all kept in the address bar. */
export function useEmployeeListState() {
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => parse(params), [params])

  const update = useCallback(
    (patch: Partial<EmployeeListState>, options: { resetPage?: boolean } = {}) => {
      // The address bar, not the last render: a navigation may still be rendering (transitions).
      setParams(() => {
        const next = { ...parse(new URLSearchParams(window.location.search)), ...patch }
        if (options.resetPage) next.page = 1
        return serialize(next)
      })
    },
    [setParams],
  )

  const request = useMemo<UserListParams>(
    () => ({
      page: state.page,
      pageSize: state.pageSize,
      q: state.q || undefined,
      roleId: state.roleId,
      teamId: state.teamId,
      isActive: state.isActive,
      sort: state.sort.length ? serializeSort(state.sort) : undefined,
    }),
    [state],
  )

  return { state, update, request }
}
