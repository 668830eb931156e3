import type { QueryClient } from '@tanstack/react-query'
import type { ActivityListParams, Subject, TaskListParams } from './activities-api.ts'

/**
 * Query keys of activities, tasks, timelines and the organizer. Each family starts with its own root
 * (`['activities']`, `['tasks']`, `['timeline']`, `['organizer']`): invalidating a root refreshes every
 * list, record and page under it. Activity types live apart (they change only in administration).
 */
export const activityKeys = {
  all: ['activities'] as const,
  list: (params: ActivityListParams) => ['activities', 'list', params] as const,
  one: (id: number) => ['activities', 'one', id] as const,
  types: ['activity-types'] as const,
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (params: TaskListParams) => ['tasks', 'list', params] as const,
  one: (id: number) => ['tasks', 'one', id] as const,
}

export const timelineKeys = {
  all: ['timeline'] as const,
  of: (subject: Subject) => ['timeline', subject.type, subject.id] as const,
}

export const organizerKeys = {
  all: ['organizer'] as const,
  people: ['organizer', 'people'] as const,
  reminderSettings: ['organizer', 'reminder-settings'] as const,
}

/** The client list and dossiers show the next activity and the last contact. */
const CLIENT_KEYS = [
  ['clients', 'list'],
  ['clients', 'one'],
] as const

/**
 * After any change to an activity or a task: everything that shows them (lists, calendars, timelines,
 * "my day", the client list's next activity and last contact) asks the server again.
 */
export function invalidateOrganizer(queryClient: QueryClient): Promise<void> {
  return Promise.all(
    [activityKeys.all, taskKeys.all, timelineKeys.all, organizerKeys.all, ...CLIENT_KEYS].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  ).then(() => undefined)
}
