import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { SavedView } from '../../views/api/views-api.ts'
import { defaultView, useViews } from '../../views/hooks/use-views.ts'
import type { ClientListParams } from '../api/clients-api.ts'
import { listPatchOfView, viewStateOf } from './client-view-state.ts'
import type { ClientListState } from './use-client-list-state.ts'

type Update = (patch: Partial<ClientListState>, options?: { resetPage?: boolean; replace?: boolean }) => void

/**
 * Saved views of the client list: what the list shows now as a view state, showing a view, and the
 * employee's default view when the list is opened with nothing in the address. `waiting`: the default
 * is still being looked up, so the list holds its request back.
 */
export function useClientViews(
  request: ClientListParams,
  columns: string[],
  update: Update,
  timeZone: string,
) {
  const views = useViews('clients')
  // Only an address without parameters at the first visit takes the default view.
  const pristine = useRef(window.location.search === '')
  const apply = useCallback(
    (view: SavedView, replace = false) =>
      update({ ...listPatchOfView(view.state, timeZone), view: view.id }, { replace }),
    [update, timeZone],
  )
  useEffect(() => {
    if (!pristine.current || views.isPending) return
    pristine.current = false
    const view = defaultView(views.data)
    if (view) apply(view, true)
  }, [views.isPending, views.data, apply])
  const current = useMemo(() => viewStateOf(request, columns), [request, columns])
  return { current, apply, waiting: pristine.current && views.isPending }
}
