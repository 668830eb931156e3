import type { SearchItem, SearchResult } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export type { SearchItem, SearchResult }

export const searchKeys = {
  query: (q: string) => ['search', q] as const,
}

export function fetchSearch(q: string, signal?: AbortSignal): Promise<SearchResult> {
  return api<SearchResult>('/api/search', { query: { q, limit: '8' }, signal })
}

/** Where a found record opens: its client card (a contact person opens their organization's card). */
export function searchItemPath(item: SearchItem): string | null {
  return item.clientId === null ? null : `/clients/${item.clientId}`
}
