import type {
  NotificationEventData,
  NotificationEventType,
  NotificationsReadEventType,
} from '@mmcrm/server/api-types'
import { useQueryClient } from '@tanstack/react-query'
import { App, Typography } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useServerEvent } from '../../../app/events/events-context.ts'
import { RESYNC_EVENT } from '../../../app/events/server-events.ts'
import { useFormat } from '../../../ui/use-format.ts'
import { ReminderActions } from '../../organizer/components/ReminderActions.tsx'
import { readReminderPayload } from '../../organizer/lib/reminder-message.ts'
import { fetchNotifications, notificationKeys } from '../api/notifications-api.ts'
import {
  notificationExcerpt,
  notificationMessage,
  notificationTarget,
} from '../components/notification-message.ts'
import { useMarkRead, useOpenNotification } from './use-open-notification.ts'

const NOTIFICATION_EVENT: NotificationEventType = 'notification'
const NOTIFICATIONS_READ_EVENT: NotificationsReadEventType = 'notifications.read'

function notificationId(data: unknown): number | null {
  const id = (data as Partial<NotificationEventData> | null)?.id
  return typeof id === 'number' ? id : null
}

/**
 * Keeps the bell current as events arrive (a new notification, some read on another page, a resync),
 * and shows each new notification in a pop-up that opens it when clicked. Mount once per page.
 */
export function useLiveNotifications(): void {
  const queryClient = useQueryClient()
  const { notification } = App.useApp()
  const { t } = useTranslation()
  const format = useFormat()
  const openNotification = useOpenNotification()
  const { mutate: markRead } = useMarkRead()

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all })
  }, [queryClient])

  const popUp = useCallback(
    async (id: number) => {
      const page = await queryClient.fetchQuery({
        queryKey: notificationKeys.list,
        queryFn: fetchNotifications,
        staleTime: 0,
      })
      const n = page.items.find((item) => item.id === id)
      if (!n || n.readAt !== null) return
      const message = notificationMessage(n, {
        formatNumber: format.number,
        systemName: t('audit.system'),
        settings: format,
      })
      const excerpt = notificationExcerpt(n, format)
      const key = `notification-${n.id}`
      const leads = notificationTarget(n) !== null
      const reminder = n.type === 'reminder' ? readReminderPayload(n.payload) : null
      // Texts go in as strings (React renders them as text), never as HTML.
      notification.open({
        key,
        title: t(message.key, message.values),
        // A reminder stays until it is snoozed, dismissed, opened or closed.
        duration: reminder ? 0 : undefined,
        actions: reminder ? (
          <ReminderActions
            reminderId={reminder.reminderId}
            onHandled={() => {
              notification.destroy(key)
              markRead({ ids: [n.id] })
            }}
            onOpen={() => {
              notification.destroy(key)
              openNotification(n)
            }}
          />
        ) : undefined,
        description: excerpt ? (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ margin: 0 }}>
            {excerpt}
          </Typography.Paragraph>
        ) : undefined,
        style: leads ? { cursor: 'pointer' } : undefined,
        onClick: leads
          ? () => {
              notification.destroy(key)
              openNotification(n)
            }
          : undefined,
      })
    },
    [queryClient, notification, t, format, openNotification, markRead],
  )

  useServerEvent(NOTIFICATION_EVENT, (data) => {
    refresh()
    const id = notificationId(data)
    if (id !== null) popUp(id).catch(() => undefined)
  })
  useServerEvent(NOTIFICATIONS_READ_EVENT, refresh)
  useServerEvent(RESYNC_EVENT, refresh)
}
