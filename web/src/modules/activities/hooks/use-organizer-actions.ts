import type { Activity, Task, TaskPage, Timeline, TimelineEntry } from '@mmcrm/server/api-types'
import { type InfiniteData, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import {
  cancelActivity,
  deleteActivity,
  deleteTask,
  type EditScope,
  updateTask,
} from '../api/activities-api.ts'
import { invalidateOrganizer, taskKeys, timelineKeys } from '../api/activity-keys.ts'

/** Refreshes everything that shows activities and tasks (see `invalidateOrganizer`). */
export function useRefreshOrganizer() {
  const queryClient = useQueryClient()
  return useCallback(() => invalidateOrganizer(queryClient), [queryClient])
}

/** Shows a refused or failed call as a message (the server words it in the employee's language). */
export function useFailureMessage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return useCallback(
    (error: unknown) => {
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
    },
    [message, t],
  )
}

/** Cancelling and deleting activities from lists and timelines. */
export function useActivityActions() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const refresh = useRefreshOrganizer()
  const failed = useFailureMessage()
  const cancel = useMutation({
    mutationFn: (a: Activity) => cancelActivity(a.id, a.version),
    onSuccess: () => message.success(t('activities.cancelled')),
    onError: failed,
    onSettled: refresh,
  })
  const remove = useMutation({
    mutationFn: ({ activity, scope }: { activity: Activity; scope: EditScope }) =>
      deleteActivity(activity.id, activity.version, scope),
    onSuccess: () => message.success(t('activities.deleted')),
    onError: failed,
    onSettled: refresh,
  })
  return { cancel, remove }
}

/** Shows a changed task at once in the task lists and timelines on screen, before they are fetched again. */
function showTask(queryClient: QueryClient, task: Task): void {
  queryClient.setQueriesData<TaskPage>({ queryKey: [...taskKeys.all, 'list'] }, (page) =>
    page ? { ...page, items: page.items.map((x) => (x.id === task.id ? task : x)) } : page,
  )
  const entry = (e: TimelineEntry) => (e.task?.id === task.id ? { ...e, task } : e)
  queryClient.setQueriesData<InfiniteData<Timeline>>({ queryKey: timelineKeys.all }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            upcoming: p.upcoming.map(entry),
            items: p.items.map(entry),
          })),
        }
      : data,
  )
}

/** Ticking a task done (or open again) in one click, and deleting tasks. */
export function useTaskActions() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const refresh = useRefreshOrganizer()
  const failed = useFailureMessage()
  const queryClient = useQueryClient()
  const setDone = useMutation({
    mutationFn: ({ task, done }: { task: Task; done: boolean }) =>
      updateTask(task.id, task.version, { status: done ? 'done' : 'open' }),
    onSuccess: (task) => {
      showTask(queryClient, task)
      message.success(t(task.status === 'done' ? 'tasks.completed' : 'tasks.reopened'))
    },
    onError: failed,
    onSettled: refresh,
  })
  const remove = useMutation({
    mutationFn: ({ task, scope }: { task: Task; scope: EditScope }) =>
      deleteTask(task.id, task.version, scope),
    onSuccess: () => message.success(t('tasks.deleted')),
    onError: failed,
    onSettled: refresh,
  })
  return { setDone, remove }
}
