import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { contactKeys, fetchContact, fetchContactHistory, findContacts } from '../api/contacts-api.ts'

/** One contact person with every organization they work for; fetched while `id` is set. */
export function useContact(id: number | null) {
  return useQuery({
    queryKey: contactKeys.one(id ?? 0),
    queryFn: () => fetchContact(id ?? 0),
    enabled: id !== null,
    staleTime: 0,
  })
}

/** The person's change history, newest first, a page at a time ("load more" passes `before`). */
export function useContactHistory(id: number, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: contactKeys.history(id),
    queryFn: ({ pageParam }) => fetchContactHistory(id, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled,
    staleTime: 0,
  })
}

/** Contact persons matching what is being typed, asked for once typing pauses. */
export function useContactSearch(typed: string, delay = 300) {
  const [q, setQ] = useState(typed.trim())
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), delay)
    return () => clearTimeout(timer)
  }, [typed, delay])
  return useQuery({
    queryKey: contactKeys.search(q),
    queryFn: ({ signal }) => findContacts(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  })
}
