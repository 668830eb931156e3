import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { fetchMyDay, organizerKeys } from '../api/organizer-api.ts'

/** The employee's day (`YYYY-MM-DD` in their zone): overdue first, then the day's activities and tasks. */
export function useMyDay(date: string) {
  return useQuery({
    queryKey: organizerKeys.myDay(date),
    queryFn: () => fetchMyDay(date),
    placeholderData: keepPreviousData,
    staleTime: 0,
    // A slow fallback for changes no event announces (a colleague planned something for me).
    refetchInterval: 120_000,
  })
}
