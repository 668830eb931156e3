import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth/auth-context.ts'
import { useFormat } from '../../../ui/use-format.ts'
import { useTimeline } from '../hooks/use-timeline.ts'

interface Props {
  clientId: number
  /** `next`: the soonest planned activity (overdue in red); `last`: the latest that took place. */
  show: 'next' | 'last'
}

/**
 * The client's next planned activity or last contact, for the dossier's heading. Read from the client's
 * timeline (the same query as the activities tab, so both stay in step).
 */
export function ClientActivitySummary({ clientId, show }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const { can } = useAuth()
  const timeline = useTimeline({ type: 'client', id: clientId }, can('activities.read'))
  const none = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
  const first = timeline.data?.pages[0]
  if (!first) return none
  if (show === 'next') {
    const next = first.upcoming.find((e) => e.activity)?.activity
    if (!next)
      return <Typography.Text type="secondary">{t('activities.summary.nothingPlanned')}</Typography.Text>
    return (
      <span data-testid="client-next-activity">
        <Typography.Text type={next.overdue ? 'danger' : undefined}>
          {`${format.dateTime(next.startsAt)} · ${next.title || next.type.name}`}
        </Typography.Text>
        {next.overdue && (
          <Tag color="error" style={{ marginInlineStart: 8 }}>
            {t('activities.card.overdue')}
          </Tag>
        )}
      </span>
    )
  }
  const last = first.items.find((e) => e.activity?.status === 'done')?.activity
  if (!last) return none
  return (
    <span data-testid="client-last-contact">
      {`${format.dateTime(last.doneAt ?? last.startsAt)} · ${last.type.name}`}
      {last.outcome && <Typography.Text type="secondary">{` · ${last.outcome.name}`}</Typography.Text>}
    </span>
  )
}
