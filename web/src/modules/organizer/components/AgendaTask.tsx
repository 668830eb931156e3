import { RetweetOutlined } from '@ant-design/icons'
import { Checkbox, Flex, Tag, Tooltip, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../../ui/use-format.ts'
import type { Task } from '../api/organizer-api.ts'
import { formatTime } from '../lib/time-text.ts'

interface Props {
  task: Task
  /** Overdue ones from other days show their date too. */
  withDate?: boolean
  onDone: (task: Task, done: boolean) => void
  onOpen: (task: Task) => void
  /** The state being saved, shown at once. */
  saving?: boolean
}

/** One task of the day: ticked done in one click. */
export function AgendaTask({ task, withDate, onDone, onOpen, saving }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const done = task.status === 'done'
  // The tick shows at once; once the save has settled (and the list is fresh) the server's state shows.
  const [ticked, setTicked] = useState<boolean | null>(null)
  useEffect(() => {
    if (saving === undefined) setTicked(null)
  }, [saving])
  let due = t('organizer.noDue')
  if (task.dueAt) due = withDate ? format.dateTime(task.dueAt) : formatTime(task.dueAt, format)
  return (
    <Flex gap={12} align="center" wrap className="crm-agenda-row" data-testid={`agenda-task-${task.id}`}>
      <Checkbox
        checked={ticked ?? saving ?? done}
        disabled={!task.canEdit || saving !== undefined || task.status === 'cancelled'}
        onChange={(e) => {
          setTicked(e.target.checked)
          onDone(task, e.target.checked)
        }}
        aria-label={t(done ? 'organizer.reopen' : 'organizer.markDone')}
      />
      <Typography.Text
        type={task.overdue ? 'danger' : 'secondary'}
        strong={task.overdue}
        style={{ minWidth: withDate ? 150 : 56, fontVariantNumeric: 'tabular-nums' }}
      >
        {due}
      </Typography.Text>
      <Flex vertical style={{ flex: '1 1 140px', minWidth: 0 }}>
        <span>
          <Typography.Link
            onClick={() => onOpen(task)}
            delete={done}
            type={done ? 'secondary' : undefined}
            style={{ color: done ? undefined : 'inherit' }}
          >
            {task.title}
          </Typography.Link>
          {task.recurrence && (
            <Tooltip title={task.recurrence.text}>
              <RetweetOutlined style={{ marginInlineStart: 6 }} aria-label={task.recurrence.text} />
            </Tooltip>
          )}
        </span>
        {task.client && (
          <Link to={`/clients/${task.client.id}`} style={{ fontSize: 12 }}>
            {task.client.name}
          </Link>
        )}
      </Flex>
      {task.priority === 'high' && <Tag color="volcano">{t('organizer.highPriority')}</Tag>}
      {task.overdue && <Tag color="error">{t('calendar.legend.overdue')}</Tag>}
    </Flex>
  )
}
