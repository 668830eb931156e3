import { useInfiniteQuery } from '@tanstack/react-query'
import { fetchNotes, noteKeys, type Subject } from '../api/notes-api.ts'

/** A record's notes, newest first, a page at a time. */
export function useNotes(subject: Subject) {
  return useInfiniteQuery({
    queryKey: noteKeys.list(subject),
    queryFn: ({ pageParam }) => fetchNotes(subject, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  })
}
