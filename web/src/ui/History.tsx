import type { AuditEntry } from '@mmcrm/server/api-types'
import { Empty, Skeleton, Space, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ChangeList, type ValueRenderer } from './ChangeList.tsx'
import { ErrorAlert } from './ErrorAlert.tsx'
import { useFormat } from './use-format.ts'

interface Props {
  entries: AuditEntry[] | undefined
  loading?: boolean
  error?: unknown
  renderValue?: ValueRenderer
}

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  delete: 'red',
  password: 'gray',
  revoke: 'red',
}

/** The change history of one record, newest first: who, when, what, and each field from → to. */
export function History({ entries, loading, error, renderValue }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  if (error) return <ErrorAlert error={error} />
  if (loading || !entries) return <Skeleton active />
  if (entries.length === 0) return <Empty description={t('history.empty')} />
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: entry.id,
        color: ACTION_COLORS[entry.action] ?? 'blue',
        title: (
          <Space size={4} wrap>
            <Typography.Text strong>
              {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {format.dateTime(entry.at)} · {entry.actor?.name ?? t('audit.system')}
            </Typography.Text>
          </Space>
        ),
        content: <ChangeList entry={entry} renderValue={renderValue} />,
      }))}
    />
  )
}
