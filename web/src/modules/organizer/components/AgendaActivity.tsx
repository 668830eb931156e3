import { CheckOutlined, EditOutlined, RetweetOutlined } from '@ant-design/icons'
import { Button, Flex, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../../ui/use-format.ts'
import type { Activity } from '../api/organizer-api.ts'
import { formatTimeSpan } from '../lib/time-text.ts'

interface Props {
  activity: Activity
  /** Overdue ones from other days show their date too. */
  withDate?: boolean
  onComplete: (activity: Activity) => void
  onOpen: (activity: Activity) => void
}

/** One activity of the day: when, what, with whom; completed in one click. */
export function AgendaActivity({ activity: a, withDate, onComplete, onOpen }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const done = a.status === 'done'
  const when = withDate ? format.dateTime(a.startsAt) : formatTimeSpan(a.startsAt, a.endsAt, format)
  return (
    <Flex
      gap={12}
      align="center"
      wrap
      className="crm-agenda-row"
      data-testid={`agenda-activity-${a.id}`}
      style={{ opacity: done ? 0.6 : 1 }}
    >
      <Typography.Text
        strong
        type={a.overdue ? 'danger' : undefined}
        style={{ minWidth: withDate ? 150 : 96, fontVariantNumeric: 'tabular-nums' }}
      >
        {when}
      </Typography.Text>
      <Tag color={a.type.color} style={{ marginInlineEnd: 0 }}>
        {a.type.name}
      </Tag>
      <Flex vertical style={{ flex: '1 1 140px', minWidth: 0 }}>
        <span>
          {a.client ? (
            <Link to={`/clients/${a.client.id}`}>{a.client.name}</Link>
          ) : (
            <Typography.Text>{a.subject.title}</Typography.Text>
          )}
          {a.recurrence && (
            <Tooltip title={a.recurrence.text}>
              <RetweetOutlined style={{ marginInlineStart: 6 }} aria-label={a.recurrence.text} />
            </Tooltip>
          )}
        </span>
        {(a.title || a.outcome) && (
          <Typography.Link onClick={() => onOpen(a)} type="secondary" ellipsis>
            {[a.title, a.outcome?.name].filter(Boolean).join(' · ')}
          </Typography.Link>
        )}
      </Flex>
      {a.overdue && <Tag color="error">{t('calendar.legend.overdue')}</Tag>}
      {done ? (
        <Tag icon={<CheckOutlined />} color="success">
          {t('calendar.status.done')}
        </Tag>
      ) : (
        <Flex gap={4}>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => onOpen(a)}
            disabled={!a.canEdit}
            aria-label={t('common.edit')}
            title={t('common.edit')}
          />
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => onComplete(a)}
            disabled={!a.canEdit || a.status !== 'planned'}
          >
            {t('organizer.complete')}
          </Button>
        </Flex>
      )}
    </Flex>
  )
}
