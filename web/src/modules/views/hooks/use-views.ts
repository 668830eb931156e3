import { useQuery } from '@tanstack/react-query'
import { fetchViews, type SavedView, type SavedViewState, viewKeys } from '../api/views-api.ts'

/** The saved views of a list the employee can use, with their default marked. */
export function useViews(entity: 'clients', enabled = true) {
  return useQuery({
    queryKey: viewKeys.list(entity),
    queryFn: () => fetchViews(entity),
    staleTime: 30_000,
    enabled,
  })
}

function canonical(state: SavedViewState): string {
  const filter = Object.entries(state.filter)
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => a.localeCompare(b))
  return JSON.stringify([filter, state.sort, state.columns])
}

/** True when two view states show the same list (filter keys in any order). */
export function isSameViewState(a: SavedViewState, b: SavedViewState): boolean {
  return canonical(a) === canonical(b)
}

/** The employee's default view, if any. */
export function defaultView(views: SavedView[] | undefined): SavedView | undefined {
  return views?.find((v) => v.isDefault)
}
