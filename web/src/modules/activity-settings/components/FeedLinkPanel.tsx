import { CalendarOutlined } from '@ant-design/icons'
import { Alert, Button, Collapse, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

const APPS = ['outlook', 'google', 'iphone'] as const

interface Props {
  link: { url: string; webcal: string }
  onDone: () => void
}

/** The feed's address, shown once after it is created: copy it, open it in a calendar app, how to subscribe. */
export function FeedLinkPanel({ link, onDone }: Props) {
  const { t } = useTranslation()
  return (
    <Flex vertical gap={8}>
      <Alert
        type="warning"
        showIcon
        title={t('calendarFeed.createdTitle')}
        description={t('calendarFeed.shownOnce')}
      />
      <Typography.Paragraph
        copyable={{ text: link.url, tooltips: [t('common.copy'), t('common.copied')] }}
        code
        style={{ wordBreak: 'break-all', marginBottom: 0 }}
        data-testid="calendar-feed-url"
      >
        {link.url}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button icon={<CalendarOutlined />} href={link.webcal}>
          {t('calendarFeed.openInApp')}
        </Button>
        <Button onClick={onDone}>{t('calendarFeed.done')}</Button>
      </Flex>
      <Typography.Text strong>{t('calendarFeed.howTo')}</Typography.Text>
      <Collapse
        size="small"
        items={APPS.map((app) => ({
          key: app,
          label: t(`calendarFeed.apps.${app}.title`),
          children: (
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t(`calendarFeed.apps.${app}.text`)}
            </Typography.Paragraph>
          ),
        }))}
      />
    </Flex>
  )
}
