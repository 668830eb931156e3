import { CheckOutlined, EditOutlined, ExportOutlined, UndoOutlined } from '@ant-design/icons'
import { Button, Descriptions, type DescriptionsProps, Drawer, Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useFormat } from '../../../ui/use-format.ts'
import type { Activity, Task } from '../api/organizer-api.ts'
import { activityLabel, type CalendarItem } from '../lib/calendar-events.ts'
import { formatWhen } from '../lib/time-text.ts'

interface Props {
  item: CalendarItem | null
  onClose: () => void
  onComplete: (activity: Activity) => void
  onEditActivity: (activity: Activity) => void
  onEditTask: (task: Task) => void
  onTaskDone: (task: Task, done: boolean) => void
  taskBusy?: boolean
}

function text(value: string) {
  return <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{value}</Typography.Paragraph>
}

function ActivityDetails({ a }: { a: Activity }) {
  const { t } = useTranslation()
  const format = useFormat()
  const items: DescriptionsProps['items'] = [
    {
      key: 'type',
      label: t('calendar.details.type'),
      children: (
        <Tag color={a.type.color} style={{ marginInlineEnd: 0 }}>
          {a.type.name}
        </Tag>
      ),
    },
    {
      key: 'status',
      label: t('calendar.details.status'),
      children: (
        <Flex gap={4} wrap>
          <Tag color={a.status === 'done' ? 'success' : a.status === 'cancelled' ? 'default' : 'processing'}>
            {t(`calendar.status.${a.status}`)}
          </Tag>
          {a.overdue && <Tag color="error">{t('calendar.legend.overdue')}</Tag>}
        </Flex>
      ),
    },
    { key: 'when', label: t('calendar.details.when'), children: formatWhen(a.startsAt, a.endsAt, format) },
  ]
  if (a.client)
    items.push({
      key: 'client',
      label: t('calendar.details.client'),
      children: <Link to={`/clients/${a.client.id}`}>{a.client.name}</Link>,
    })
  else items.push({ key: 'subject', label: t('calendar.details.subject'), children: a.subject.title })
  if (a.contact)
    items.push({ key: 'contact', label: t('calendar.details.contact'), children: a.contact.name })
  if (a.owner) items.push({ key: 'owner', label: t('calendar.details.owner'), children: a.owner.name })
  if (a.location) items.push({ key: 'location', label: t('calendar.details.location'), children: a.location })
  if (a.recurrence)
    items.push({ key: 'recurrence', label: t('calendar.details.recurrence'), children: a.recurrence.text })
  if (a.description)
    items.push({
      key: 'description',
      label: t('calendar.details.description'),
      children: text(a.description),
    })
  if (a.outcome)
    items.push({ key: 'outcome', label: t('calendar.details.outcome'), children: a.outcome.name })
  if (a.result) items.push({ key: 'result', label: t('calendar.details.result'), children: text(a.result) })
  return <Descriptions column={1} size="small" items={items} />
}

function TaskDetails({ task }: { task: Task }) {
  const { t } = useTranslation()
  const format = useFormat()
  const checked = task.checklist.filter((c) => c.done).length
  const items: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('calendar.details.status'),
      children: (
        <Flex gap={4} wrap>
          <Tag
            color={
              task.status === 'done' ? 'success' : task.status === 'cancelled' ? 'default' : 'processing'
            }
          >
            {t(`calendar.taskStatus.${task.status}`)}
          </Tag>
          {task.overdue && <Tag color="error">{t('calendar.legend.overdue')}</Tag>}
          {task.priority === 'high' && <Tag color="volcano">{t('organizer.highPriority')}</Tag>}
        </Flex>
      ),
    },
  ]
  if (task.dueAt)
    items.push({
      key: 'due',
      label: t('calendar.details.due'),
      children: formatWhen(task.dueAt, task.dueAt, format),
    })
  if (task.client)
    items.push({
      key: 'client',
      label: t('calendar.details.client'),
      children: <Link to={`/clients/${task.client.id}`}>{task.client.name}</Link>,
    })
  if (task.assignee)
    items.push({ key: 'assignee', label: t('calendar.details.assignee'), children: task.assignee.name })
  if (task.createdBy && task.createdBy.id !== task.assignee?.id)
    items.push({ key: 'createdBy', label: t('calendar.details.createdBy'), children: task.createdBy.name })
  if (task.checklist.length)
    items.push({
      key: 'checklist',
      label: t('calendar.details.checklist'),
      children: t('calendar.details.checklistProgress', { done: checked, total: task.checklist.length }),
    })
  if (task.recurrence)
    items.push({ key: 'recurrence', label: t('calendar.details.recurrence'), children: task.recurrence.text })
  if (task.description)
    items.push({
      key: 'description',
      label: t('calendar.details.description'),
      children: text(task.description),
    })
  return <Descriptions column={1} size="small" items={items} />
}

/** An event's details and what can be done with it: complete, edit, open the client. */
export function CalendarItemDrawer({
  item,
  onClose,
  onComplete,
  onEditActivity,
  onEditTask,
  onTaskDone,
  taskBusy,
}: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const client = item ? (item.kind === 'activity' ? item.activity.client : item.task.client) : null

  let actions = null
  if (item?.kind === 'activity') {
    const a = item.activity
    actions = (
      <>
        {a.canEdit && a.status === 'planned' && (
          <Button type="primary" icon={<CheckOutlined />} onClick={() => onComplete(a)}>
            {t('organizer.complete')}
          </Button>
        )}
        {a.canEdit && (
          <Button icon={<EditOutlined />} onClick={() => onEditActivity(a)}>
            {t('common.edit')}
          </Button>
        )}
      </>
    )
  } else if (item?.kind === 'task') {
    const task = item.task
    actions = (
      <>
        {task.canEdit && task.status === 'open' && (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={taskBusy}
            onClick={() => onTaskDone(task, true)}
          >
            {t('organizer.markDone')}
          </Button>
        )}
        {task.canEdit && task.status === 'done' && (
          <Button icon={<UndoOutlined />} loading={taskBusy} onClick={() => onTaskDone(task, false)}>
            {t('organizer.reopen')}
          </Button>
        )}
        {task.canEdit && (
          <Button icon={<EditOutlined />} onClick={() => onEditTask(task)}>
            {t('common.edit')}
          </Button>
        )}
      </>
    )
  }

  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size={440}
      title={item ? (item.kind === 'activity' ? activityLabel(item.activity) : item.task.title) : ''}
      destroyOnHidden
    >
      {item?.kind === 'activity' && <ActivityDetails a={item.activity} />}
      {item?.kind === 'task' && <TaskDetails task={item.task} />}
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        {actions}
        {client && (
          <Button icon={<ExportOutlined />} onClick={() => navigate(`/clients/${client.id}`)}>
            {t('organizer.openClient')}
          </Button>
        )}
      </Flex>
    </Drawer>
  )
}
