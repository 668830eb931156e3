import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import {
  activitySettingsKeys,
  createCalendarFeed,
  fetchCalendarFeed,
  revokeCalendarFeed,
} from '../api/activity-settings-api.ts'
import { FeedLinkPanel } from './FeedLinkPanel.tsx'
import { feedUrls } from './feed-url.ts'

/**
 * My calendar feed: whether it is on, a new secret link (shown once, with how to subscribe in Outlook,
 * Google Calendar and on an iPhone), a replacement link, and turning it off.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation()
  const format = useFormat()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const status = useQuery({ queryKey: activitySettingsKeys.calendarFeed, queryFn: fetchCalendarFeed })
  const [link, setLink] = useState<{ url: string; webcal: string } | null>(null)
  const failed = (error: unknown) =>
    message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
  const refresh = () => queryClient.invalidateQueries({ queryKey: activitySettingsKeys.calendarFeed })

  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: ({ path }) => setLink(feedUrls(window.location.origin, path)),
    onError: failed,
    onSettled: refresh,
  })
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => {
      setLink(null)
      message.success(t('calendarFeed.turnedOff'))
    },
    onError: failed,
    onSettled: refresh,
  })
  const busy = create.isPending || revoke.isPending
  const feed = status.data

  return (
    <Card
      title={t('calendarFeed.title')}
      extra={
        feed && (
          <Tag color={feed.active ? 'green' : 'default'}>
            {t(feed.active ? 'calendarFeed.on' : 'calendarFeed.off')}
          </Tag>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('calendarFeed.intro')}</Typography.Paragraph>
      {status.error && !feed && <ErrorAlert error={status.error} />}
      {!feed && !status.error && <Skeleton active paragraph={{ rows: 2 }} />}
      {feed && (
        <Flex vertical gap={12}>
          {link ? (
            <FeedLinkPanel link={link} onDone={() => setLink(null)} />
          ) : (
            feed.active && (
              <div>
                {feed.createdAt && (
                  <Typography.Text style={{ display: 'block' }}>
                    {t('calendarFeed.createdAt', { date: format.dateTime(feed.createdAt) })}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {feed.lastUsedAt
                    ? t('calendarFeed.lastUsed', { date: format.dateTime(feed.lastUsedAt) })
                    : t('calendarFeed.notUsed')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t('calendarFeed.linkHidden')}
                </Typography.Text>
              </div>
            )
          )}
          <Flex gap={8} wrap>
            {feed.active ? (
              <>
                <Popconfirm
                  title={t('calendarFeed.recreateConfirm')}
                  description={t('calendarFeed.recreateHint')}
                  okText={t('calendarFeed.recreate')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => create.mutateAsync().catch(() => undefined)}
                >
                  <Button icon={<ReloadOutlined />} loading={create.isPending} disabled={busy}>
                    {t('calendarFeed.recreate')}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t('calendarFeed.turnOffConfirm')}
                  description={t('calendarFeed.turnOffHint')}
                  okText={t('calendarFeed.turnOff')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke.mutateAsync().catch(() => undefined)}
                >
                  <Button danger loading={revoke.isPending} disabled={busy}>
                    {t('calendarFeed.turnOff')}
                  </Button>
                </Popconfirm>
              </>
            ) : (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={create.isPending}
                disabled={busy}
                onClick={() => create.mutate()}
              >
                {t('calendarFeed.create')}
              </Button>
            )}
          </Flex>
        </Flex>
      )}
    </Card>
  )
}
