import type { TaskFilter, TaskListParams, TaskSort, TaskStatusFilter } from '../api/activities-api.ts'

export const TASK_FILTERS = ['mine', 'assigned_by_me', 'team', 'all'] as const satisfies readonly TaskFilter[]
export const TASK_STATUS_FILTERS = [
  'open',
  'done',
  'cancelled',
  'any',
] as const satisfies readonly TaskStatusFilter[]
export const TASK_SORTS = [
  'due',
  '-due',
  'priority',
  'created',
  '-created',
] as const satisfies readonly TaskSort[]
export const TASK_PAGE_SIZES = [20, 50, 100] as const

export interface TaskListState {
  filter: TaskFilter
  status: TaskStatusFilter
  overdue: boolean
  clientId?: number
  q: string
  sort: TaskSort
  page: number
  pageSize: number
  /** The task open in the form: an id, `new`, or nothing. */
  open: number | 'new' | null
}

const DEFAULT_PAGE_SIZE = 20

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined
  const n = Number(value)
  return n > 0 ? n : undefined
}

function oneOf<T extends string>(list: readonly T[], value: string | null, fallback: T): T {
  return list.find((x) => x === value) ?? fallback
}

/** The task list's state from its address; anything malformed falls back to the default. */
export function parseTaskListState(params: URLSearchParams): TaskListState {
  const pageSize = positiveInt(params.get('pageSize'))
  const open = params.get('open')
  return {
    filter: oneOf(TASK_FILTERS, params.get('filter'), 'mine'),
    status: oneOf(TASK_STATUS_FILTERS, params.get('status'), 'open'),
    overdue: params.get('overdue') === 'true',
    clientId: positiveInt(params.get('client')),
    q: params.get('q') ?? '',
    sort: oneOf(TASK_SORTS, params.get('sort'), 'due'),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && pageSize <= 500 ? pageSize : DEFAULT_PAGE_SIZE,
    open: open === 'new' ? 'new' : (positiveInt(open) ?? null),
  }
}

/** The address of a task list state: only what differs from the defaults. */
export function serializeTaskListState(state: TaskListState): URLSearchParams {
  const params = new URLSearchParams()
  if (state.filter !== 'mine') params.set('filter', state.filter)
  if (state.status !== 'open') params.set('status', state.status)
  if (state.overdue) params.set('overdue', 'true')
  if (state.clientId) params.set('client', String(state.clientId))
  if (state.q) params.set('q', state.q)
  if (state.sort !== 'due') params.set('sort', state.sort)
  if (state.page > 1) params.set('page', String(state.page))
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize))
  if (state.open !== null) params.set('open', String(state.open))
  return params
}

/** The request for a state. "Overdue" means open and past due, whatever status is chosen. */
export function taskListRequest(state: TaskListState): TaskListParams {
  return {
    filter: state.filter,
    status: state.overdue ? 'open' : state.status,
    overdue: state.overdue || undefined,
    clientId: state.clientId,
    q: state.q || undefined,
    sort: state.sort,
    page: state.page,
    pageSize: state.pageSize,
  }
}
