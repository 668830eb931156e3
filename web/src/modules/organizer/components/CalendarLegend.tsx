import { CheckSquareOutlined, ExclamationCircleOutlined } from '@ant-design/icons'
import { Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { TASK_COLOR } from '../lib/calendar-events.ts'

export interface LegendEntry {
  key: string
  name: string
  color: string
}

interface Props {
  /** What the colours mean: activity types, or people when several share one grid. */
  entries: LegendEntry[]
  colorBy: 'type' | 'person'
}

function Swatch({ color, dashed, muted }: { color: string; dashed?: boolean; muted?: boolean }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 14,
        height: 10,
        borderRadius: 3,
        background: dashed ? 'transparent' : color,
        border: `1px ${dashed ? 'dashed' : 'solid'} ${color}`,
        opacity: muted ? 0.55 : 1,
      }}
    />
  )
}

/** What the colours and marks of the calendar mean. */
export function CalendarLegend({ entries, colorBy }: Props) {
  const { t } = useTranslation()
  return (
    <Flex
      gap={16}
      wrap
      align="center"
      style={{ marginTop: 12 }}
      aria-label={t('calendar.legend.title')}
      role="list"
    >
      {entries.map((e) => (
        <Flex key={e.key} gap={6} align="center" role="listitem">
          <Swatch color={e.color} />
          <Typography.Text>{e.name}</Typography.Text>
        </Flex>
      ))}
      <Flex gap={6} align="center" role="listitem">
        <CheckSquareOutlined style={{ color: colorBy === 'type' ? TASK_COLOR : undefined }} />
        <Typography.Text type="secondary">{t('calendar.legend.task')}</Typography.Text>
      </Flex>
      <Flex gap={6} align="center" role="listitem">
        <Swatch color="#8c8c8c" muted />
        <Typography.Text type="secondary">{t('calendar.legend.done')}</Typography.Text>
      </Flex>
      <Flex gap={6} align="center" role="listitem">
        <ExclamationCircleOutlined style={{ color: '#ff4d4f' }} />
        <Typography.Text type="secondary">{t('calendar.legend.overdue')}</Typography.Text>
      </Flex>
    </Flex>
  )
}
