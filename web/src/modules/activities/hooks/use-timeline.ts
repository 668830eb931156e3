import { useInfiniteQuery } from '@tanstack/react-query'
import { fetchTimeline, type Subject } from '../api/activities-api.ts'
import { timelineKeys } from '../api/activity-keys.ts'

/** A record's timeline: the upcoming part with the first page, then history a page at a time. */
export function useTimeline(subject: Subject, enabled = true) {
  return useInfiniteQuery({
    queryKey: timelineKeys.of(subject),
    queryFn: ({ pageParam }) => fetchTimeline(subject, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
    enabled,
  })
}
