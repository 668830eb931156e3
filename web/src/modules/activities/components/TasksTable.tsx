import { CheckOutlined, RetweetOutlined } from '@ant-design/icons'
import type { Task, TaskPage } from '@mmcrm/server/api-types'
import {
  Button,
  Checkbox,
  Progress,
  Table,
  type TableColumnsType,
  type TableProps,
  Tooltip,
  Typography,
} from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../../ui/use-format.ts'
import type { TaskSort } from '../api/activities-api.ts'
import { TASK_PAGE_SIZES, type TaskListState } from '../hooks/task-list-state.ts'
import { useTaskActions } from '../hooks/use-organizer-actions.ts'
import { PriorityTag } from './PriorityTag.tsx'

interface Props {
  state: TaskListState
  data: TaskPage | undefined
  loading: boolean
  empty: ReactNode
  onOpen: (task: Task) => void
  onChange: (patch: Partial<TaskListState>) => void
}

type Sorter = Parameters<NonNullable<TableProps<Task>['onChange']>>[2]

/** The column a sort key belongs to, and its direction. */
function sortOrderOf(sort: TaskSort, column: 'due' | 'priority' | 'created') {
  if (column === 'priority') return sort === 'priority' ? 'descend' : null
  if (sort === column) return 'ascend'
  if (sort === `-${column}`) return 'descend'
  return null
}

function sortOf(sorter: Sorter): TaskSort {
  const s = Array.isArray(sorter) ? sorter[0] : sorter
  if (!s?.order) return 'due'
  if (s.columnKey === 'priority') return 'priority'
  if (s.columnKey === 'created') return s.order === 'descend' ? '-created' : 'created'
  return s.order === 'descend' ? '-due' : 'due'
}

/** Tasks with one-click completion, due time (overdue in red), priority, people, client and checklist. */
export function TasksTable({ state, data, loading, empty, onOpen, onChange }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const { setDone } = useTaskActions()
  const none = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>

  const columns: TableColumnsType<Task> = [
    {
      key: 'done',
      width: 48,
      align: 'center',
      title: (
        <Tooltip title={t('tasks.columns.done')}>
          <CheckOutlined aria-label={t('tasks.columns.done')} />
        </Tooltip>
      ),
      render: (_, task) => (
        <Checkbox
          checked={task.status === 'done'}
          disabled={!task.canEdit || task.status === 'cancelled'}
          onChange={(e) => setDone.mutate({ task, done: e.target.checked })}
          aria-label={t('tasks.card.tick', { title: task.title })}
        />
      ),
    },
    {
      key: 'title',
      title: t('tasks.fields.title'),
      width: 320,
      render: (_, task) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onOpen(task)}
        >
          <Typography.Text delete={task.status !== 'open'} style={{ color: 'inherit' }}>
            {task.title}
          </Typography.Text>
          {task.recurrence && (
            <Tooltip title={task.recurrence.text}>
              <RetweetOutlined style={{ marginInlineStart: 6 }} aria-label={task.recurrence.text} />
            </Tooltip>
          )}
        </Button>
      ),
    },
    {
      key: 'due',
      title: t('tasks.fields.dueAt'),
      width: 180,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'due'),
      render: (_, task) =>
        task.dueAt ? (
          <Typography.Text type={task.overdue ? 'danger' : undefined}>
            {format.dateTime(task.dueAt)}
          </Typography.Text>
        ) : (
          none
        ),
    },
    {
      key: 'priority',
      title: t('tasks.fields.priority'),
      width: 130,
      sorter: true,
      sortDirections: ['descend'],
      sortOrder: sortOrderOf(state.sort, 'priority'),
      render: (_, task) => <PriorityTag priority={task.priority} />,
    },
    {
      key: 'assignee',
      title: t('tasks.fields.assignee'),
      width: 180,
      render: (_, task) => task.assignee?.name ?? none,
    },
    {
      key: 'client',
      title: t('tasks.fields.client'),
      width: 200,
      ellipsis: true,
      render: (_, task) =>
        task.client ? (
          <Link to={`/clients/${task.client.id}`}>{task.client.name}</Link>
        ) : (
          (task.subject?.title ?? none)
        ),
    },
    {
      key: 'checklist',
      title: t('tasks.fields.checklist'),
      width: 140,
      render: (_, task) => {
        const total = task.checklist.length
        if (!total) return none
        const done = task.checklist.filter((i) => i.done).length
        return (
          <Progress
            percent={Math.round((done / total) * 100)}
            size="small"
            format={() => `${done}/${total}`}
            aria-label={t('tasks.card.checklist', { done, total })}
          />
        )
      },
    },
    {
      key: 'created',
      title: t('tasks.fields.createdAt'),
      width: 150,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'created'),
      render: (_, task) => format.date(task.createdAt),
    },
  ]

  return (
    <Table<Task>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: 1400 }}
      locale={{ emptyText: empty }}
      showSorterTooltip={{ target: 'sorter-icon' }}
      pagination={{
        current: state.page,
        pageSize: state.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: TASK_PAGE_SIZES.map(String),
        showTotal: (total) => t('tasks.total', { count: total }),
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') onChange({ sort: sortOf(sorter), page: 1 })
        if (extra.action === 'paginate') {
          const pageSize = pagination.pageSize ?? state.pageSize
          onChange({ page: pageSize !== state.pageSize ? 1 : (pagination.current ?? 1), pageSize })
        }
      }}
    />
  )
}
