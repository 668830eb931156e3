import { useMutation } from '@tanstack/react-query'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { type EditScope, rescheduleActivity, rescheduleTask } from '../api/organizer-api.ts'
import {
  type CalendarItem,
  isInSeries,
  type ReschedulePatch,
  reschedulePatch,
} from '../lib/calendar-events.ts'
import { useOrganizerErrors } from './use-organizer-errors.ts'
import { useOrganizerRefresh } from './use-organizer-refresh.ts'

/** A drag or resize the calendar has already drawn; `revert` puts the event back. */
export interface CalendarChange {
  item: CalendarItem
  start: Date
  end: Date | null
  resized: boolean
  revert: () => void
}

async function send(item: CalendarItem, patch: ReschedulePatch, scope: EditScope): Promise<void> {
  if (item.kind === 'activity' && 'startsAt' in patch)
    await rescheduleActivity(item.activity, { ...patch, scope })
  else if (item.kind === 'task' && 'dueAt' in patch) await rescheduleTask(item.task, { ...patch, scope })
  else throw new Error('patch does not fit the item')
}

/**
 * Saves a drag or a resize with the item's version (If-Match). An occurrence of a series first asks
 * "only this one / the series from here"; closing the question, a conflict (412) or any error puts the
 * event back where it was and says why.
 */
export function useReschedule(askScope: () => Promise<EditScope | null>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const failed = useOrganizerErrors()
  const refresh = useOrganizerRefresh()
  const mutation = useMutation({
    mutationFn: ({ item, patch, scope }: { item: CalendarItem; patch: ReschedulePatch; scope: EditScope }) =>
      send(item, patch, scope),
    onSuccess: () => {
      message.success(t('calendar.moved'))
    },
  })

  return async (change: CalendarChange): Promise<void> => {
    const scope = isInSeries(change.item) ? await askScope() : 'occurrence'
    if (!scope) {
      change.revert()
      return
    }
    const patch = reschedulePatch(change.item, change)
    try {
      await mutation.mutateAsync({ item: change.item, patch, scope })
    } catch (error) {
      // Put the event back first: the refetch below then draws whatever the server now holds.
      change.revert()
      failed(error)
    }
    await refresh()
  }
}
