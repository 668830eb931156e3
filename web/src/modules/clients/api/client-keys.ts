import type { ClientListParams, DuplicateQuery } from './clients-api.ts'

/** Query keys of the client register; invalidating a prefix refreshes everything under it. */
export const clientKeys = {
  all: ['clients'] as const,
  list: (params: ClientListParams) => ['clients', 'list', params] as const,
  one: (id: number) => ['clients', 'one', id] as const,
  history: (id: number) => ['clients', 'history', id] as const,
  duplicates: (query: DuplicateQuery) => ['clients', 'duplicates', query] as const,
  consents: (id: number) => ['clients', 'consents', id] as const,
  search: (kind: string, q: string) => ['clients', 'search', kind, q] as const,
}
