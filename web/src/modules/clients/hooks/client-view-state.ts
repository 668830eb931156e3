import type { SavedViewState } from '@mmcrm/server/api-types'
import { zonedDate } from '../../../ui/format.ts'
import type { ClientListParams } from '../api/clients-api.ts'
import { type ClientListState, listFilter, NO_FILTERS, parseListState } from './use-client-list-state.ts'

/** API filter parameter → the list's address parameter. */
const ADDRESS_KEYS: Record<string, string> = {
  q: 'q',
  kind: 'kind',
  ownerId: 'owner',
  teamId: 'team',
  industry: 'industry',
  source: 'source',
  size: 'size',
  completenessBelow: 'below',
  activity: 'activity',
  custom: 'custom',
  classIn: 'classIn',
  classNotIn: 'classNotIn',
}

/**
 * What a saved view keeps of the list: its filter as the API takes it (so later features can run it
 * as a segment), the sort and the columns.
 */
export function viewStateOf(request: ClientListParams, columns: string[]): SavedViewState {
  const filter = Object.fromEntries(
    Object.entries(listFilter(request)).map(([key, value]) => [key, String(value)]),
  )
  return { filter, sort: request.sort ?? '', columns }
}

/** The list's state for a saved view: every filter replaced, the page back to the first. */
export function listPatchOfView(view: SavedViewState, timeZone: string): Partial<ClientListState> {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(view.filter)) {
    const address = ADDRESS_KEYS[key]
    if (address && value) params.set(address, value)
  }
  // The API takes instants; the list shows calendar days in the employee's zone (`to` is exclusive).
  const from = Date.parse(view.filter.createdFrom ?? '')
  const to = Date.parse(view.filter.createdTo ?? '')
  if (Number.isFinite(from)) params.set('from', zonedDate(from, timeZone))
  if (Number.isFinite(to)) params.set('to', zonedDate(to - 1, timeZone))
  if (view.sort) params.set('sort', view.sort)
  if (view.columns.length) params.set('cols', view.columns.join(','))
  const parsed = parseListState(params)
  return {
    ...NO_FILTERS,
    q: parsed.q,
    kind: parsed.kind,
    owners: parsed.owners,
    teams: parsed.teams,
    industry: parsed.industry,
    source: parsed.source,
    size: parsed.size,
    completenessBelow: parsed.completenessBelow,
    activity: parsed.activity,
    createdFrom: parsed.createdFrom,
    createdTo: parsed.createdTo,
    custom: parsed.custom,
    classIn: parsed.classIn,
    classNotIn: parsed.classNotIn,
    sort: parsed.sort,
    columns: parsed.columns,
    trash: false,
    page: 1,
  }
}
