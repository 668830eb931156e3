import { CheckSquareOutlined, RetweetOutlined } from '@ant-design/icons'
import type { Task } from '@mmcrm/server/api-types'
import { Button, Card, Checkbox, Flex, Tag, Tooltip, Typography, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../ui/use-format.ts'
import { useTaskActions } from '../hooks/use-organizer-actions.ts'
import { PriorityTag } from './PriorityTag.tsx'

interface Props {
  task: Task
  /** Opens the task form. */
  onOpen?: (t: Task) => void
}

/** One task on a timeline: tick it done in a click, open it by its title; overdue ones stand out. */
export function TaskCard({ task, onOpen }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const { token } = theme.useToken()
  const { setDone } = useTaskActions()
  const closed = task.status !== 'open'
  const ticked = task.checklist.filter((i) => i.done).length
  const details = [
    task.status === 'open'
      ? task.dueAt
        ? t('tasks.card.due', { when: format.dateTime(task.dueAt) })
        : t('tasks.card.noDue')
      : task.doneAt
        ? format.dateTime(task.doneAt)
        : null,
    task.assignee?.name,
  ].filter(Boolean)

  return (
    <Card
      size="small"
      data-testid="task-card"
      style={task.overdue ? { borderInlineStart: `3px solid ${token.colorError}` } : undefined}
    >
      <Flex gap={10} align="flex-start">
        <Checkbox
          checked={task.status === 'done'}
          disabled={!task.canEdit || task.status === 'cancelled' || setDone.isPending}
          onChange={(e) => setDone.mutate({ task, done: e.target.checked })}
          aria-label={t('tasks.card.tick', { title: task.title })}
          style={{ marginTop: 2 }}
        />
        <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={8} align="center" wrap>
            <Tag icon={<CheckSquareOutlined />} style={{ marginInlineEnd: 0 }}>
              {t('tasks.card.kind')}
            </Tag>
            {onOpen ? (
              <Button
                type="link"
                style={{
                  padding: 0,
                  height: 'auto',
                  fontWeight: 600,
                  whiteSpace: 'normal',
                  textAlign: 'start',
                }}
                onClick={() => onOpen(task)}
              >
                <Typography.Text delete={closed} style={{ color: 'inherit' }}>
                  {task.title}
                </Typography.Text>
              </Button>
            ) : (
              <Typography.Text strong delete={closed}>
                {task.title}
              </Typography.Text>
            )}
            <PriorityTag priority={task.priority} hideNormal />
            {task.overdue && <Tag color="error">{t('activities.card.overdue')}</Tag>}
            {task.status === 'cancelled' && <Tag>{t('tasks.status.cancelled')}</Tag>}
            {task.recurrence && (
              <Tooltip title={task.recurrence.text}>
                <RetweetOutlined aria-label={task.recurrence.text} />
              </Tooltip>
            )}
          </Flex>
          <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>
            {details.join(' · ')}
            {task.checklist.length > 0 &&
              ` · ${t('tasks.card.checklist', { done: ticked, total: task.checklist.length })}`}
          </Typography.Text>
          {task.description && (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2, expandable: 'collapsible' }}
              style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
            >
              {task.description}
            </Typography.Paragraph>
          )}
        </Flex>
      </Flex>
    </Card>
  )
}
