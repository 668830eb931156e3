import type { Activity, CalendarPerson, MyDay, Task, TaskPage } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export type { Activity, CalendarPerson, MyDay, Task } from '@mmcrm/server/api-types'

/**
 * Query keys. They sit under the prefixes the activities module invalidates after its own changes
 * (`['activities']`, `['tasks']`, `['organizer']`), so a form saved anywhere refreshes these views too.
 */
export const organizerKeys = {
  all: ['organizer'] as const,
  myDay: (date: string) => ['organizer', 'my-day', date] as const,
  people: ['organizer', 'people'] as const,
  calendarActivities: (params: { from: string; to: string; owners: string }) =>
    ['activities', 'calendar', params] as const,
  calendarTasks: (params: { from: string; to: string; assignee: number | 'me' }) =>
    ['tasks', 'calendar', params] as const,
}

/**
 * Every query key prefix an organizer change may touch: lists, calendars, timelines, "my day", and the
 * client list and dossiers (they show the next activity and the last contact).
 */
export const ORGANIZER_PREFIXES = [
  ['activities'],
  ['tasks'],
  ['timeline'],
  ['organizer'],
  ['clients', 'list'],
  ['clients', 'one'],
] as const

export function fetchMyDay(date: string | undefined): Promise<MyDay> {
  return api<MyDay>('/api/organizer/my-day', { query: { date } })
}

export async function fetchCalendarPeople(): Promise<CalendarPerson[]> {
  return (await api<{ items: CalendarPerson[] }>('/api/organizer/people')).items
}

/** Activities of a period (at most 100 days) of `me` or the given people (`1,2,3`). */
export async function fetchCalendarActivities(
  params: { from: string; to: string; owners: string },
  signal?: AbortSignal,
): Promise<Activity[]> {
  const r = await api<{ items: Activity[] }>('/api/activities', {
    query: { from: params.from, to: params.to, ownerId: params.owners, limit: 2000 },
    signal,
  })
  return r.items
}

/** Tasks (open and done) due in a period: mine, or one colleague's. */
export async function fetchCalendarTasks(
  params: { from: string; to: string; assignee: number | 'me' },
  signal?: AbortSignal,
): Promise<Task[]> {
  const r = await api<TaskPage>('/api/tasks', {
    query: {
      filter: params.assignee === 'me' ? 'mine' : 'all',
      assigneeId: params.assignee === 'me' ? undefined : params.assignee,
      status: 'any',
      dueFrom: params.from,
      dueTo: params.to,
      sort: 'due',
      pageSize: 500,
    },
    signal,
  })
  return r.items
}

export type EditScope = 'occurrence' | 'series'

/** Moves an activity (or, with `series`, it and the later ones of its series). */
export function rescheduleActivity(
  activity: Pick<Activity, 'id' | 'version'>,
  body: { startsAt: string; durationMin: number; scope: EditScope },
): Promise<Activity> {
  return api<Activity>(`/api/activities/${activity.id}`, { method: 'PATCH', version: activity.version, body })
}

export function rescheduleTask(
  task: Pick<Task, 'id' | 'version'>,
  body: { dueAt: string; scope: EditScope },
): Promise<Task> {
  return api<Task>(`/api/tasks/${task.id}`, { method: 'PATCH', version: task.version, body })
}

/** Ticks a task done, or open again. */
export function setTaskStatus(task: Pick<Task, 'id' | 'version'>, status: 'open' | 'done'): Promise<Task> {
  return api<Task>(`/api/tasks/${task.id}`, { method: 'PATCH', version: task.version, body: { status } })
}

export function snoozeReminder(reminderId: number, minutes: number): Promise<void> {
  return api<void>(`/api/reminders/${reminderId}/snooze`, { method: 'POST', body: { minutes } })
}

export function dismissReminder(reminderId: number): Promise<void> {
  return api<void>(`/api/reminders/${reminderId}/dismiss`, { method: 'POST' })
}
