import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { classifierKeys, fetchFacets } from '../../classifiers/api/classifiers-api.ts'
import type { ClientListParams } from '../api/clients-api.ts'
import { listFilter } from './use-client-list-state.ts'

/**
 * The number of clients of the filtered list in each classifier node: asked for alongside the list
 * (same filter), the last counts kept on screen while new ones come.
 */
export function useClientFacets(request: ClientListParams, enabled: boolean) {
  const query = { ...listFilter(request), trash: request.trash }
  return useQuery({
    queryKey: classifierKeys.facets(query),
    queryFn: ({ signal }) => fetchFacets(query, signal),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
    enabled,
  })
}
