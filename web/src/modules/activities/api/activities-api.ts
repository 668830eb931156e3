import type {
  Activity,
  ActivityComplete,
  ActivityCompleted,
  ActivityCreate,
  ActivityType,
  ActivityUpdate,
  CalendarPerson,
  ReminderSettings,
  Task,
  TaskCreate,
  TaskPage,
  TaskUpdate,
  Timeline,
} from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export type {
  Activity,
  ActivityCompleted,
  ActivityType,
  CalendarPerson,
  ReminderSettings,
  Task,
  TaskPage,
  Timeline,
}

/** Editing one occurrence of a series, or it and every later one. */
export type EditScope = 'occurrence' | 'series'

export type TaskFilter = 'mine' | 'assigned_by_me' | 'team' | 'all'
export type TaskStatusFilter = 'open' | 'done' | 'cancelled' | 'any'
export type TaskSort = 'due' | '-due' | 'priority' | 'created' | '-created'

/** `GET /api/tasks` as the web app asks it (query values as strings and numbers). */
export interface TaskListParams {
  filter: TaskFilter
  status: TaskStatusFilter
  overdue?: boolean
  clientId?: number
  assigneeId?: number
  q?: string
  sort: TaskSort
  page: number
  pageSize: number
}

/** `GET /api/activities`: a period (at most 100 days) and whose. */
export interface ActivityListParams {
  from: string
  to: string
  /** `me`, `team` or ids `1,2`. */
  ownerId?: string
  clientId?: number
  status?: 'planned' | 'done' | 'cancelled' | 'open'
  typeId?: number
}

/** The record activities and tasks attach to (a client for now). */
export interface Subject {
  type: string
  id: number
}

export async function fetchActivityTypes(): Promise<ActivityType[]> {
  return (await api<{ items: ActivityType[] }>('/api/activity-types')).items
}

export async function fetchActivities(params: ActivityListParams, signal?: AbortSignal): Promise<Activity[]> {
  return (await api<{ items: Activity[] }>('/api/activities', { query: { ...params }, signal })).items
}

export function fetchActivity(id: number): Promise<Activity> {
  return api<Activity>(`/api/activities/${id}`)
}

export function createActivity(body: ActivityCreate): Promise<Activity> {
  return api<Activity>('/api/activities', { method: 'POST', body })
}

export function updateActivity(id: number, version: number, patch: ActivityUpdate): Promise<Activity> {
  return api<Activity>(`/api/activities/${id}`, { method: 'PATCH', body: patch, version })
}

export function completeActivity(
  id: number,
  version: number,
  body: ActivityComplete,
): Promise<ActivityCompleted> {
  return api<ActivityCompleted>(`/api/activities/${id}/complete`, { method: 'POST', body, version })
}

export function cancelActivity(id: number, version: number): Promise<Activity> {
  return api<Activity>(`/api/activities/${id}/cancel`, { method: 'POST', version })
}

export function deleteActivity(id: number, version: number, scope: EditScope = 'occurrence'): Promise<void> {
  return api<void>(`/api/activities/${id}`, { method: 'DELETE', version, query: { scope } })
}

export function fetchTasks(params: TaskListParams, signal?: AbortSignal): Promise<TaskPage> {
  return api<TaskPage>('/api/tasks', { query: { ...params }, signal })
}

export function fetchTask(id: number): Promise<Task> {
  return api<Task>(`/api/tasks/${id}`)
}

export function createTask(body: TaskCreate): Promise<Task> {
  return api<Task>('/api/tasks', { method: 'POST', body })
}

export function updateTask(id: number, version: number, patch: TaskUpdate): Promise<Task> {
  return api<Task>(`/api/tasks/${id}`, { method: 'PATCH', body: patch, version })
}

export function deleteTask(id: number, version: number, scope: EditScope = 'occurrence'): Promise<void> {
  return api<void>(`/api/tasks/${id}`, { method: 'DELETE', version, query: { scope } })
}

/** A record's timeline: upcoming activities and open tasks, then what happened, a page at a time. */
export function fetchTimeline(subject: Subject, before?: string): Promise<Timeline> {
  return api<Timeline>('/api/timeline', {
    query: { subjectType: subject.type, subjectId: subject.id, before, limit: 20 },
  })
}

/** Colleagues the caller may see (and, with `activities.assign`, give activities and tasks to). */
export async function fetchOrganizerPeople(): Promise<CalendarPerson[]> {
  return (await api<{ items: CalendarPerson[] }>('/api/organizer/people')).items
}

export function fetchReminderSettings(): Promise<ReminderSettings> {
  return api<ReminderSettings>('/api/me/reminder-settings')
}
