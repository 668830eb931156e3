import type { Activity, MyDay, Task } from '@mmcrm/server/api-types'

export type AgendaEntry =
  | { kind: 'activity'; key: string; at: string; activity: Activity }
  | { kind: 'task'; key: string; at: string | null; task: Task }

const activityEntry = (activity: Activity): AgendaEntry => ({
  kind: 'activity',
  key: `activity:${activity.id}`,
  at: activity.startsAt,
  activity,
})
const taskEntry = (task: Task): AgendaEntry => ({
  kind: 'task',
  key: `task:${task.id}`,
  at: task.dueAt,
  task,
})

/** Earliest first; undated last. */
function byTime(x: AgendaEntry, y: AgendaEntry): number {
  if (x.at === y.at) return x.key.localeCompare(y.key)
  if (x.at === null) return 1
  if (y.at === null) return -1
  return x.at.localeCompare(y.at)
}

/** Everything overdue, activities and tasks together, the oldest first. */
export function overdueAgenda(day: Pick<MyDay, 'overdueActivities' | 'overdueTasks'>): AgendaEntry[] {
  return [...day.overdueActivities.map(activityEntry), ...day.overdueTasks.map(taskEntry)].sort(byTime)
}

/** The day's activities by time (cancelled ones are not shown). */
export function dayActivities(day: Pick<MyDay, 'activities'>): Activity[] {
  return day.activities
    .filter((a) => a.status !== 'cancelled')
    .sort((x, y) => x.startsAt.localeCompare(y.startsAt) || x.id - y.id)
}

/** The day's tasks: open ones by due time (undated after them), then the ones already done. */
export function dayTasks(day: Pick<MyDay, 'tasks'>): Task[] {
  const rank = (t: Task) => (t.status === 'open' ? 0 : 1)
  return day.tasks
    .filter((t) => t.status !== 'cancelled')
    .sort((x, y) => rank(x) - rank(y) || byTime(taskEntry(x), taskEntry(y)))
}

/** How much of the day is done: for the header's progress. */
export function dayProgress(day: Pick<MyDay, 'activities' | 'tasks'>): { done: number; total: number } {
  const items = [
    ...dayActivities(day),
    ...dayTasks(day).filter((t) => t.dueAt !== null || t.status === 'done'),
  ]
  return { done: items.filter((i) => i.status === 'done').length, total: items.length }
}
