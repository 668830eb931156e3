import { describe, expect, it } from 'vitest'
import { buildActivity, buildTask } from './fixtures.test-support.ts'
import { dayActivities, dayProgress, dayTasks, overdueAgenda } from './my-day.ts'

describe('my day', () => {
  it('puts overdue activities and tasks together, the oldest first', () => {
    const agenda = overdueAgenda({
      overdueActivities: [
        buildActivity({ id: 1, startsAt: '2026-11-26T12:00:00.000Z' }),
        buildActivity({ id: 2, startsAt: '2026-11-20T12:00:00.000Z' }),
      ],
      overdueTasks: [buildTask({ id: 3, dueAt: '2026-11-25T12:00:00.000Z' })],
    })
    expect(agenda.map((e) => e.key)).toEqual(['activity:2', 'task:3', 'activity:1'])
  })

  it('lists the day’s activities by time, cancelled ones left out', () => {
    const list = dayActivities({
      activities: [
        buildActivity({ id: 1, startsAt: '2026-11-27T12:00:00.000Z' }),
        buildActivity({ id: 2, startsAt: '2026-11-27T06:00:00.000Z' }),
        buildActivity({ id: 3, status: 'cancelled' }),
      ],
    })
    expect(list.map((a) => a.id)).toEqual([2, 1])
  })

  it('lists open tasks by due time, undated ones after them, done ones last', () => {
    const list = dayTasks({
      tasks: [
        buildTask({ id: 1, dueAt: null }),
        buildTask({ id: 2, dueAt: '2026-11-27T15:00:00.000Z', status: 'done' }),
        buildTask({ id: 3, dueAt: '2026-11-27T16:00:00.000Z' }),
        buildTask({ id: 4, dueAt: '2026-11-27T09:00:00.000Z' }),
      ],
    })
    expect(list.map((t) => t.id)).toEqual([4, 3, 1, 2])
  })

  it('counts what is done of the day (undated open tasks are not the day’s)', () => {
    expect(
      dayProgress({
        activities: [buildActivity({ id: 1, status: 'done' }), buildActivity({ id: 2 })],
        tasks: [buildTask({ id: 3, dueAt: null }), buildTask({ id: 4, status: 'done' })],
      }),
    ).toEqual({ done: 2, total: 3 })
  })
})
