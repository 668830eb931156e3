import type { NotificationPage } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export type { AppNotification, NotificationPage } from '@mmcrm/server/api-types'

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
