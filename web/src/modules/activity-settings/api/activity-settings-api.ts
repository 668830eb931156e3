import type {
  ActivityType,
  ActivityTypeCreate,
  ActivityTypeUpdate,
  CalendarFeedStatus,
  EscalationSettings,
  ReminderSettings,
} from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export const activitySettingsKeys = {
  /** Every cached list of activity types (other modules' included) starts with this. */
  types: ['activity-types'] as const,
  typeList: ['activity-types', 'list'] as const,
  reminders: ['me', 'reminder-settings'] as const,
  calendarFeed: ['me', 'calendar-feed'] as const,
  escalation: ['settings', 'escalation'] as const,
}

/** Every activity type (hidden ones too) with all its outcomes, in display order. */
export async function fetchActivityTypes(): Promise<ActivityType[]> {
  return (await api<{ items: ActivityType[] }>('/api/activity-types')).items
}

export function createActivityType(body: ActivityTypeCreate): Promise<ActivityType> {
  return api<ActivityType>('/api/activity-types', { method: 'POST', body })
}

export function updateActivityType(
  id: number,
  version: number,
  patch: ActivityTypeUpdate,
): Promise<ActivityType> {
  return api<ActivityType>(`/api/activity-types/${id}`, { method: 'PATCH', body: patch, version })
}

export function fetchReminderSettings(): Promise<ReminderSettings> {
  return api<ReminderSettings>('/api/me/reminder-settings')
}

export function saveReminderSettings(body: ReminderSettings): Promise<ReminderSettings> {
  return api<ReminderSettings>('/api/me/reminder-settings', { method: 'PUT', body })
}

export function fetchCalendarFeed(): Promise<CalendarFeedStatus> {
  return api<CalendarFeedStatus>('/api/me/calendar-feed')
}

/** A new secret address (the previous one stops working); `path` is shown once and never again. */
export function createCalendarFeed(): Promise<{ token: string; path: string }> {
  return api<{ token: string; path: string }>('/api/me/calendar-feed', { method: 'POST' })
}

export function revokeCalendarFeed(): Promise<void> {
  return api<void>('/api/me/calendar-feed', { method: 'DELETE' })
}

export function fetchEscalation(): Promise<EscalationSettings> {
  return api<EscalationSettings>('/api/settings/escalation')
}

export function saveEscalation(body: EscalationSettings): Promise<EscalationSettings> {
  return api<EscalationSettings>('/api/settings/escalation', { method: 'PUT', body })
}
