import { BellOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Badge, Button, Empty, Flex, List, Popover, Skeleton, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import {
  type AppNotification,
  fetchNotifications,
  fetchUnreadCount,
  notificationKeys,
} from '../api/notifications-api.ts'
import { useLiveNotifications } from '../hooks/use-live-notifications.tsx'
import { useMarkRead, useOpenNotification } from '../hooks/use-open-notification.ts'
import { notificationExcerpt, notificationMessage } from './notification-message.ts'

/** A slow fallback: new notifications arrive as server events (see useLiveNotifications). */
const POLL_MS = 60_000

function NotificationText({ n }: { n: AppNotification }) {
  const { t } = useTranslation()
  const format = useFormat()
  const message = notificationMessage(n, {
    formatNumber: format.number,
    systemName: t('audit.system'),
    settings: format,
  })
  const excerpt = notificationExcerpt(n, format)
  return (
    <>
      <Typography.Text strong={n.readAt === null}>{t(message.key, message.values)}</Typography.Text>
      {excerpt && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {excerpt}
        </Typography.Paragraph>
      )}
    </>
  )
}

/**
 * The bell in the header: unread count (kept current by server events, asked every 60 s as well), the
 * latest notifications, each opening its record; new ones also pop up.
 */
export function NotificationBell() {
  const { t } = useTranslation()
  const format = useFormat()
  const [open, setOpen] = useState(false)
  useLiveNotifications()
  const openNotification = useOpenNotification()
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: fetchUnreadCount,
    refetchInterval: POLL_MS,
    staleTime: 0,
  })
  const list = useQuery({
    queryKey: notificationKeys.list,
    queryFn: fetchNotifications,
    enabled: open,
    staleTime: 0,
  })
  const read = useMarkRead()

  const openOne = (n: AppNotification) => {
    setOpen(false)
    openNotification(n)
  }

  const items = list.data?.items ?? []
  const content = (
    <div style={{ width: 360, maxHeight: 440, overflowY: 'auto' }}>
      {list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List<AppNotification>
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => openOne(n)}
              style={{ cursor: 'pointer', alignItems: 'flex-start' }}
              extra={<Badge status={n.readAt === null ? 'processing' : 'default'} />}
            >
              <div>
                <NotificationText n={n} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format.dateTime(n.createdAt)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  )

  const count = unread.data ?? 0
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <Flex justify="space-between" align="center">
          <span>{t('notifications.title')}</span>
          {count > 0 && (
            <Button size="small" type="link" onClick={() => read.mutate('all')} loading={read.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Flex>
      }
      content={content}
    >
      <Button
        type="text"
        aria-label={t('notifications.unread', { count })}
        title={t('notifications.title')}
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  )
}
