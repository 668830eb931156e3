import type { ActivitiesChangedEventType, NotificationEventType } from '@mmcrm/server/api-types'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useServerEvent } from '../../../app/events/events-context.ts'
import { RESYNC_EVENT } from '../../../app/events/server-events.ts'
import { ORGANIZER_PREFIXES } from '../api/organizer-api.ts'

const NOTIFICATION_EVENT: NotificationEventType = 'notification'
const ACTIVITIES_CHANGED: ActivitiesChangedEventType = 'activities.changed'

/**
 * Refetches everything the organizer shows (my day, calendars, tasks, timelines); resolves when the
 * shown lists are fresh (a mutation's `onSettled` returning it stays pending until then: no flicker).
 */
export function useOrganizerRefresh(): () => Promise<void> {
  const queryClient = useQueryClient()
  return useCallback(
    () =>
      Promise.all(ORGANIZER_PREFIXES.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(
        () => undefined,
      ),
    [queryClient],
  )
}

/**
 * Keeps an organizer page current while it is open: activities or tasks changed by anyone concerned, a new
 * notification (a reminder, an escalation…) or a resync after missed events refetches what it shows.
 */
export function useOrganizerLive(): void {
  const queryClient = useQueryClient()
  const refresh = useCallback(() => {
    for (const queryKey of [['activities'], ['tasks'], ['organizer'], ['timeline']])
      void queryClient.invalidateQueries({ queryKey })
  }, [queryClient])
  useServerEvent(NOTIFICATION_EVENT, refresh)
  // A colleague (or this employee in another tab) planned, moved or completed something.
  useServerEvent(ACTIVITIES_CHANGED, refresh)
  useServerEvent(RESYNC_EVENT, refresh)
}
