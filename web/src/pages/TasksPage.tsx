import { PlusOutlined } from '@ant-design/icons'
import type { Task } from '@mmcrm/server/api-types'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../app/auth/auth-context.ts'
import { TaskFilters } from '../modules/activities/components/TaskFilters.tsx'
import { TasksTable } from '../modules/activities/components/TasksTable.tsx'
import { useTaskListState } from '../modules/activities/hooks/use-task-list-state.ts'
import { fetchTask, fetchTasks, TaskFormModal, taskKeys } from '../modules/activities/index.ts'
import { useOrganizerLive } from '../modules/organizer/hooks/use-organizer-refresh.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

/**
 * Tasks: mine, those I gave to others, my team's or all I may see; by status, overdue, client and text,
 * ticked done in a click. Filters, sort, page and the open task live in the address bar.
 */
export function TasksPage() {
  const { t } = useTranslation()
  useOrganizerLive()
  const { can } = useAuth()
  const canWrite = can('activities.write')
  const { state, update, request } = useTaskListState()
  const list = useQuery({
    queryKey: taskKeys.list(request),
    queryFn: ({ signal }) => fetchTasks(request, signal),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  })
  const openId = typeof state.open === 'number' ? state.open : null
  const inPage = list.data?.items.find((task) => task.id === openId)
  const opened = useQuery({
    queryKey: taskKeys.one(openId ?? 0),
    queryFn: () => fetchTask(openId ?? 0),
    enabled: openId !== null && !inPage,
  })
  const openTask: Task | undefined = inPage ?? opened.data
  const filtered = state.status !== 'open' || state.overdue || state.clientId !== undefined || state.q !== ''

  const empty = filtered ? (
    <Empty description={t('common.nothingFound')} />
  ) : (
    <Empty description={t('tasks.empty')}>
      {canWrite && (
        <Button icon={<PlusOutlined />} onClick={() => update({ open: 'new' })}>
          {t('tasks.actions.create')}
        </Button>
      )}
    </Empty>
  )

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ open: 'new' })}>
              {t('tasks.actions.create')}
            </Button>
          )
        }
      />
      <TaskFilters state={state} onChange={(patch) => update(patch, { resetPage: true })} />
      {list.error && <ErrorAlert error={list.error} />}
      {opened.error && <ErrorAlert error={opened.error} />}
      <TasksTable
        state={state}
        data={list.data}
        loading={list.isPending || list.isPlaceholderData}
        empty={empty}
        onOpen={(task) => update({ open: task.id })}
        onChange={update}
      />
      <TaskFormModal
        open={state.open === 'new' ? canWrite : openTask !== undefined}
        task={state.open === 'new' ? undefined : openTask}
        onClose={() => update({ open: null })}
      />
    </>
  )
}
