import type { Task } from '@mmcrm/server/api-types'
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

const PRIORITY_COLORS: Record<Task['priority'], string | undefined> = {
  low: 'default',
  normal: 'blue',
  high: 'red',
}

/** A task's priority as a coloured tag; `hideNormal` shows only the unusual ones. */
export function PriorityTag({ priority, hideNormal }: { priority: Task['priority']; hideNormal?: boolean }) {
  const { t } = useTranslation()
  if (hideNormal && priority === 'normal') return null
  return (
    <Tag color={PRIORITY_COLORS[priority]} style={{ marginInlineEnd: 0 }}>
      {t(`tasks.priority.${priority}`)}
    </Tag>
  )
}
