import type { ClientDuplicate } from '@mmcrm/server/api-types'
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { clientKeys } from '../api/client-keys.ts'
import {
  type ClientListParams,
  type DuplicateQuery,
  fetchClient,
  fetchClientHistory,
  fetchClients,
  fetchDuplicates,
} from '../api/clients-api.ts'

/**
 * One page of clients; the previous page stays on screen while the next loads. `enabled: false` holds
 * the request back (while the employee's default view is being looked up).
 */
export function useClientList(params: ClientListParams, enabled = true) {
  return useQuery({
    queryKey: clientKeys.list(params),
    queryFn: ({ signal }) => fetchClients(params, signal),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
    enabled,
  })
}

/** One dossier. `editing`: not refetched behind the form's back (a new version would reset it). */
export function useClient(id: number | null, { editing = false }: { editing?: boolean } = {}) {
  return useQuery({
    queryKey: clientKeys.one(id ?? 0),
    queryFn: () => fetchClient(id ?? 0),
    enabled: id !== null,
    staleTime: editing ? Number.POSITIVE_INFINITY : 0,
    refetchOnMount: 'always',
    refetchOnWindowFocus: !editing,
    refetchOnReconnect: !editing,
  })
}

/** The dossier's change history, newest first, a page at a time ("load more" passes `before`). */
export function useClientHistory(id: number, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: clientKeys.history(id),
    queryFn: ({ pageParam }) => fetchClientHistory(id, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled,
    staleTime: 0,
  })
}

function isMeaningful(query: DuplicateQuery): boolean {
  return Boolean(
    (query.name && query.name.trim().length >= 3) ||
      (query.inn && query.inn.replace(/\D/g, '').length >= 10) ||
      (query.phone && query.phone.replace(/\D/g, '').length >= 7) ||
      (query.email?.includes('@') && query.email.includes('.')),
  )
}

/** Likely duplicates of the client being typed, asked for once typing pauses. */
export function useDuplicateCheck(query: DuplicateQuery, delay = 600): ClientDuplicate[] | undefined {
  const [settled, setSettled] = useState(query)
  const json = JSON.stringify(query)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(json) as DuplicateQuery), delay)
    return () => clearTimeout(timer)
  }, [json, delay])
  const enabled = isMeaningful(settled)
  const result = useQuery({
    queryKey: clientKeys.duplicates(settled),
    queryFn: ({ signal }) => fetchDuplicates(settled, signal),
    enabled,
    staleTime: 30_000,
    // The last answer stays while the next is asked, so the warning does not flicker as one types.
    placeholderData: keepPreviousData,
  })
  return enabled ? result.data : undefined
}
