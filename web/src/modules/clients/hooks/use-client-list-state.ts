import type { ClientSize, ClientSortKey, CustomFilter } from '@mmcrm/server/api-types'
import dayjs from 'dayjs'
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { zonedWallTimeToIso } from '../../../ui/format.ts'
import type { ClientFilterParams, ClientListParams } from '../api/clients-api.ts'
import { type ClientKind, isClientKind, isClientSize } from '../components/client-labels.ts'

/** Standard sort keys (a `satisfies` map, so the list follows the server's). */
const SORTABLE = {
  name: true,
  createdAt: true,
  updatedAt: true,
  completeness: true,
  inn: true,
  kind: true,
  industry: true,
  source: true,
  nextActivityAt: true,
  lastContactAt: true,
} as const satisfies Record<ClientSortKey, true>

/** The standard sort keys, in the order the sort builder offers them. */
export const STANDARD_SORT_KEYS = Object.keys(SORTABLE) as ClientSortKey[]

/** A standard key, `custom:<field key>`, or `class:<classifier id>` (the order of its nodes). */
export type ClientSortColumn = ClientSortKey | `custom:${string}` | `class:${number}`

export interface SortEntry {
  key: ClientSortColumn
  desc: boolean
}

export type CustomFilters = Record<string, CustomFilter>

/** By planned activities: none planned (forgotten clients), an overdue one, or one planned. */
export const CLIENT_ACTIVITY_FILTERS = ['none', 'overdue', 'planned'] as const
export type ClientActivityFilter = (typeof CLIENT_ACTIVITY_FILTERS)[number]

function isActivityFilter(value: string | null): value is ClientActivityFilter {
  return CLIENT_ACTIVITY_FILTERS.some((f) => f === value)
}

export interface ClientListState {
  page: number
  pageSize: number
  q: string
  kind?: ClientKind
  /** Employee ids as text, and `none` for clients without an owner. */
  owners: string[]
  teams: number[]
  industry: string
  source: string
  size?: ClientSize
  /** Only clients whose dossier is filled less than this percentage. */
  completenessBelow?: number
  activity?: ClientActivityFilter
  /** Calendar days (`YYYY-MM-DD`) in the employee's time zone, both included. */
  createdFrom?: string
  createdTo?: string
  trash: boolean
  custom: CustomFilters
  /** Classifier nodes: in one of them (OR within a classifier, AND across), descendants included. */
  classIn: number[]
  /** Classifier nodes the client must not be in. */
  classNotIn: number[]
  sort: SortEntry[]
  /** The chosen columns; null: the employee's default. */
  columns: string[] | null
  /** The saved view the list was opened from (it may have been changed since). */
  view?: number
}

export const PAGE_SIZES = [10, 20, 50, 100] as const
const DEFAULT_PAGE_SIZE = 20
const DAY = /^\d{4}-\d{2}-\d{2}$/
const FIELD_KEY = /^[a-z][a-z0-9_]{1,63}$/

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined
  const n = Number(value)
  return n > 0 ? n : undefined
}

function day(value: string | null): string | undefined {
  return value && DAY.test(value) ? value : undefined
}

const CLASS_KEY = /^class:[1-9]\d{0,9}$/

export function isSortColumn(key: string): key is ClientSortColumn {
  return (
    Object.hasOwn(SORTABLE, key) ||
    (key.startsWith('custom:') && FIELD_KEY.test(key.slice(7))) ||
    CLASS_KEY.test(key)
  )
}

/** True for a classifier's node order (`class:<id>`). */
export function isClassSort(key: string): key is `class:${number}` {
  return CLASS_KEY.test(key)
}

/** The classifier a `class:<id>` key sorts by. */
export function classSortId(key: `class:${number}`): number {
  return Number(key.slice(6))
}

/** Classifier keys first (the server requires it), each group keeping its order. */
export function normalizeSort(sort: SortEntry[]): SortEntry[] {
  return [...sort.filter((s) => isClassSort(s.key)), ...sort.filter((s) => !isClassSort(s.key))]
}

export function parseSort(value: string | null): SortEntry[] {
  if (!value) return []
  const entries: SortEntry[] = []
  for (const raw of value.split(',')) {
    const desc = raw.startsWith('-')
    const key = desc ? raw.slice(1) : raw
    if (isSortColumn(key) && !entries.some((e) => e.key === key)) entries.push({ key, desc })
  }
  return normalizeSort(entries)
}

export function serializeSort(sort: SortEntry[]): string {
  return sort.map((s) => (s.desc ? `-${s.key}` : s.key)).join(',')
}

function parseCustom(value: string | null): CustomFilters {
  if (!value) return {}
  try {
    const parsed: unknown = JSON.parse(value)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    const out: CustomFilters = {}
    for (const [key, filter] of Object.entries(parsed)) {
      if (FIELD_KEY.test(key) && typeof filter === 'object' && filter !== null && 'op' in filter) {
        out[key] = filter as CustomFilter
      }
    }
    return out
  } catch {
    return {}
  }
}

function list(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : []
}

function ids(value: string | null): number[] {
  return [...new Set(list(value).flatMap((id) => positiveInt(id) ?? []))]
}

/** The list's state from its address parameters; anything malformed is left out. */
export function parseListState(params: URLSearchParams): ClientListState {
  const pageSize = positiveInt(params.get('pageSize'))
  const below = positiveInt(params.get('below'))
  const kind = params.get('kind')
  const size = params.get('size')
  const cols = params.get('cols')
  const activity = params.get('activity')
  return {
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && pageSize <= 200 ? pageSize : DEFAULT_PAGE_SIZE,
    q: params.get('q') ?? '',
    kind: isClientKind(kind) ? kind : undefined,
    owners: list(params.get('owner')).filter((o) => o === 'none' || positiveInt(o) !== undefined),
    teams: ids(params.get('team')),
    industry: params.get('industry') ?? '',
    source: params.get('source') ?? '',
    size: isClientSize(size) ? size : undefined,
    completenessBelow: below && below <= 101 ? below : undefined,
    activity: isActivityFilter(activity) ? activity : undefined,
    createdFrom: day(params.get('from')),
    createdTo: day(params.get('to')),
    trash: params.get('trash') === 'true',
    custom: parseCustom(params.get('custom')),
    classIn: ids(params.get('classIn')),
    classNotIn: ids(params.get('classNotIn')),
    sort: parseSort(params.get('sort')),
    columns: cols === null ? null : list(cols),
    view: positiveInt(params.get('view')),
  }
}

function serialize(state: ClientListState): URLSearchParams {
  const params = new URLSearchParams()
  if (state.q) params.set('q', state.q)
  if (state.kind) params.set('kind', state.kind)
  if (state.owners.length) params.set('owner', state.owners.join(','))
  if (state.teams.length) params.set('team', state.teams.join(','))
  if (state.industry) params.set('industry', state.industry)
  if (state.source) params.set('source', state.source)
  if (state.size) params.set('size', state.size)
  if (state.completenessBelow) params.set('below', String(state.completenessBelow))
  if (state.activity) params.set('activity', state.activity)
  if (state.createdFrom) params.set('from', state.createdFrom)
  if (state.createdTo) params.set('to', state.createdTo)
  if (state.trash) params.set('trash', 'true')
  if (Object.keys(state.custom).length) params.set('custom', JSON.stringify(state.custom))
  if (state.classIn.length) params.set('classIn', state.classIn.join(','))
  if (state.classNotIn.length) params.set('classNotIn', state.classNotIn.join(','))
  if (state.sort.length) params.set('sort', serializeSort(normalizeSort(state.sort)))
  if (state.page > 1) params.set('page', String(state.page))
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize))
  if (state.columns) params.set('cols', state.columns.join(','))
  if (state.view) params.set('view', String(state.view))
  return params
}

/** Filters that narrow the list (not the trash switch, sort or columns). */
export function countFilters(state: ClientListState): number {
  return [
    state.q,
    state.kind,
    state.owners.length,
    state.teams.length,
    state.industry,
    state.source,
    state.size,
    state.completenessBelow,
    state.activity,
    state.createdFrom || state.createdTo,
    ...Object.keys(state.custom),
    ...state.classIn,
    ...state.classNotIn,
  ].filter(Boolean).length
}

/**
 * The clients a bulk action over "all matching the filter" touches: the list request without its page,
 * sort and trash switch (bulk actions never reach the trash), and without empty values.
 */
export function listFilter(request: ClientListParams): ClientFilterParams {
  const { page: _page, pageSize: _pageSize, sort: _sort, trash: _trash, ...filter } = request
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''),
  ) as ClientFilterParams
}

export const NO_FILTERS: Partial<ClientListState> = {
  q: '',
  kind: undefined,
  owners: [],
  teams: [],
  industry: '',
  source: '',
  size: undefined,
  completenessBelow: undefined,
  activity: undefined,
  createdFrom: undefined,
  createdTo: undefined,
  custom: {},
  classIn: [],
  classNotIn: [],
}

/** What exists, once loaded: a shared link naming a deleted field or node still opens without it. */
export interface KnownListKeys {
  /** Custom fields of clients. */
  customKeys?: ReadonlySet<string>
  /** Classifier nodes. */
  nodeIds?: ReadonlySet<number>
  /** Classifiers that have nodes to sort by. */
  classifierIds?: ReadonlySet<number>
}

/**
 * The client list's search, filters, sort, page and columns, all kept in the address bar.
 * Filters and sort keys naming something `known` does not have are left out of the request.
 */
export function useClientListState(timeZone: string, known: KnownListKeys = {}) {
  const { customKeys, nodeIds, classifierIds } = known
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => parseListState(params), [params])

  const update = useCallback(
    (patch: Partial<ClientListState>, options: { resetPage?: boolean; replace?: boolean } = {}) => {
      // The address bar, not the last render: a navigation may still be rendering.
      setParams(
        () => {
          const next = { ...parseListState(new URLSearchParams(window.location.search)), ...patch }
          if (options.resetPage) next.page = 1
          return serialize(next)
        },
        { replace: options.replace },
      )
    },
    [setParams],
  )

  const request = useMemo<ClientListParams>(() => {
    const knownField = (key: string) => !customKeys || customKeys.has(key)
    const knownNode = (id: number) => !nodeIds || nodeIds.has(id)
    const sort = state.sort.filter((s) => {
      if (isClassSort(s.key)) return !classifierIds || classifierIds.has(classSortId(s.key))
      return !s.key.startsWith('custom:') || knownField(s.key.slice(7))
    })
    const custom = Object.fromEntries(Object.entries(state.custom).filter(([key]) => knownField(key)))
    const classIn = state.classIn.filter(knownNode)
    const classNotIn = state.classNotIn.filter(knownNode)
    return {
      page: state.page,
      pageSize: state.pageSize,
      q: state.q || undefined,
      kind: state.kind,
      ownerId: state.owners.length ? state.owners.join(',') : undefined,
      teamId: state.teams.length ? state.teams.join(',') : undefined,
      industry: state.industry || undefined,
      source: state.source || undefined,
      size: state.size,
      completenessBelow: state.completenessBelow,
      activity: state.activity,
      createdFrom: state.createdFrom ? zonedWallTimeToIso(state.createdFrom, timeZone) : undefined,
      createdTo: state.createdTo
        ? zonedWallTimeToIso(dayjs(state.createdTo).add(1, 'day').format('YYYY-MM-DD'), timeZone)
        : undefined,
      trash: state.trash || undefined,
      custom: Object.keys(custom).length ? JSON.stringify(custom) : undefined,
      classIn: classIn.length ? classIn.join(',') : undefined,
      classNotIn: classNotIn.length ? classNotIn.join(',') : undefined,
      sort: sort.length ? serializeSort(sort) : undefined,
    }
  }, [state, timeZone, customKeys, nodeIds, classifierIds])

  return { state, update, request }
}
