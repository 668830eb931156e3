import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query'
import {
  type Activity,
  type CalendarPerson,
  fetchCalendarActivities,
  fetchCalendarPeople,
  fetchCalendarTasks,
  organizerKeys,
  type Task,
} from '../api/organizer-api.ts'

/** Colleagues whose calendars the employee may open (a head: the team); just oneself for most. */
export function useCalendarPeople() {
  return useQuery<CalendarPerson[]>({
    queryKey: organizerKeys.people,
    queryFn: fetchCalendarPeople,
    staleTime: 5 * 60_000,
  })
}

export interface CalendarData {
  activities: Activity[]
  tasks: Task[]
  error: unknown
  isPending: boolean
  isFetching: boolean
}

/**
 * The activities and dated tasks of the visible period (UTC instants), of the employee (`people` empty)
 * or of the chosen people: one request for the activities, one per person for the tasks.
 */
export function useCalendarData(
  range: { from: string; to: string },
  people: readonly number[],
  meId: number,
) {
  const owners = people.length ? people.join(',') : 'me'
  const activities = useQuery({
    queryKey: organizerKeys.calendarActivities({ ...range, owners }),
    queryFn: ({ signal }) => fetchCalendarActivities({ ...range, owners }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: 120_000,
  })
  const assignees: Array<number | 'me'> = people.length
    ? people.map((id) => (id === meId ? 'me' : id))
    : ['me']
  const tasks = useQueries({
    queries: assignees.map((assignee) => ({
      queryKey: organizerKeys.calendarTasks({ ...range, assignee }),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchCalendarTasks({ ...range, assignee }, signal),
      placeholderData: keepPreviousData,
      staleTime: 0,
      refetchInterval: 120_000,
    })),
    combine: (results) => ({
      data: results.flatMap((r) => r.data ?? []),
      error: results.find((r) => r.error)?.error ?? null,
      isPending: results.some((r) => r.isPending),
      isFetching: results.some((r) => r.isFetching),
    }),
  })
  return {
    activities: activities.data ?? [],
    tasks: tasks.data,
    error: activities.error ?? tasks.error,
    isPending: activities.isPending || tasks.isPending,
    isFetching: activities.isFetching || tasks.isFetching,
  } satisfies CalendarData
}
