import { useMutation } from '@tanstack/react-query'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { setTaskStatus, type Task } from '../api/organizer-api.ts'
import { useOrganizerErrors } from './use-organizer-errors.ts'
import { useOrganizerRefresh } from './use-organizer-refresh.ts'

/** Ticks a task done (or open again) with its version; every organizer view refreshes after. */
export function useTaskStatus() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const failed = useOrganizerErrors()
  const refresh = useOrganizerRefresh()
  return useMutation({
    mutationFn: ({ task, done }: { task: Pick<Task, 'id' | 'version' | 'title'>; done: boolean }) =>
      setTaskStatus(task, done ? 'done' : 'open'),
    onSuccess: (_, { task, done }) => {
      message.success(t(done ? 'organizer.taskDone' : 'organizer.taskReopened', { title: task.title }))
    },
    onError: failed,
    onSettled: refresh,
  })
}
