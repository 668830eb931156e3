import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { TaskListParams } from '../api/activities-api.ts'
import {
  parseTaskListState,
  serializeTaskListState,
  type TaskListState,
  taskListRequest,
} from './task-list-state.ts'

/** The task list's filters, sort, page and open task, all kept in the address bar. */
export function useTaskListState() {
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => parseTaskListState(params), [params])
  const update = useCallback(
    (patch: Partial<TaskListState>, options: { resetPage?: boolean } = {}) => {
      // The address bar, not the last render: a navigation may still be rendering.
      setParams(() => {
        const next = { ...parseTaskListState(new URLSearchParams(window.location.search)), ...patch }
        if (options.resetPage) next.page = 1
        return serializeTaskListState(next)
      })
    },
    [setParams],
  )
  const request = useMemo<TaskListParams>(() => taskListRequest(state), [state])
  return { state, update, request }
}
