import { api } from '../../../ui/api.ts'
import type { PersonRef } from '../../notes/api/notes-api.ts'

/*
 * The notifications API's shape. `@mmcrm/server/api-types` does not export it yet
 * (notifications.schemas.ts has notificationSchema), so it is written out here to match.
 */
export interface AppNotification {
  id: number
  /** `mention` now; reminders and escalations later. */
  type: string
  subjectType: string | null
  subjectId: number | null
  actor: PersonRef | null
  /** A mention has noteId, excerpt, subjectTitle and path. */
  payload: Record<string, unknown>
  createdAt: string
  readAt: string | null
}

export interface NotificationPage {
  items: AppNotification[]
  nextBefore: number | null
}

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
}

export async function fetchUnreadCount(): Promise<number> {
  return (await api<{ count: number }>('/api/notifications/unread-count')).count
}

export function fetchNotifications(): Promise<NotificationPage> {
  return api<NotificationPage>('/api/notifications', { query: { limit: 20 } })
}

export function markRead(target: { ids: number[] } | 'all'): Promise<void> {
  return api<void>('/api/notifications/read', {
    method: 'POST',
    body: target === 'all' ? { all: true } : { ids: target.ids },
  })
}
