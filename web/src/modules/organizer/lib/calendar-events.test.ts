import { describe, expect, it } from 'vitest'
import {
  activityEvent,
  calendarEvents,
  type EventLook,
  eventItem,
  gridHours,
  isInSeries,
  MIN_EVENT_MINUTES,
  personColors,
  reschedulePatch,
  shortPersonName,
  TASK_COLOR,
  taskEvent,
  typeLegend,
} from './calendar-events.ts'
import { buildActivity, buildTask, SERIES } from './fixtures.test-support.ts'

const byType: EventLook = { colorBy: 'type', personColors: new Map(), showPerson: false }
const byPerson: EventLook = { colorBy: 'person', personColors: personColors([3, 4]), showPerson: true }

describe('activities as calendar events', () => {
  it('span their time in UTC, coloured by type, named by type, client and title', () => {
    const e = activityEvent(buildActivity({ title: 'обсудить договор' }), byType)
    expect(e).toMatchObject({
      id: 'activity:1',
      title: 'Звонок: ООО «Ромашка» — обсудить договор',
      start: '2026-11-27T07:00:00.000Z',
      end: '2026-11-27T07:30:00.000Z',
      color: '#1677ff',
      startEditable: true,
      durationEditable: true,
    })
    expect(e.className.split(' ')).toEqual(['crm-event', 'crm-event-activity'])
    expect(eventItem(e.extendedProps)).toEqual({
      kind: 'activity',
      activity: expect.objectContaining({ id: 1 }),
    })
  })

  it('mute done ones and mark overdue ones; only planned ones the employee may change can be moved', () => {
    const done = activityEvent(buildActivity({ status: 'done' }), byType)
    expect(done.className).toContain('crm-event-done')
    expect(done.startEditable).toBe(false)
    const overdue = activityEvent(buildActivity({ overdue: true }), byType)
    expect(overdue.className).toContain('crm-event-overdue')
    expect(overdue.startEditable).toBe(true)
    const foreign = activityEvent(buildActivity({ canEdit: false }), byType)
    expect(foreign.startEditable || foreign.durationEditable).toBe(false)
  })

  it('keep room for an activity without a duration', () => {
    const e = activityEvent(buildActivity({ durationMin: 0, endsAt: '2026-11-27T07:00:00.000Z' }), byType)
    expect((Date.parse(e.end) - Date.parse(e.start)) / 60_000).toBe(MIN_EVENT_MINUTES)
  })

  it('fall back to the record they concern when there is no client', () => {
    const a = buildActivity({ client: null, subject: { type: 'dealer', id: 2, title: 'Дилер Север' } })
    expect(activityEvent(a, byType).title).toBe('Звонок: Дилер Север')
  })

  it('are coloured and labelled by person when several people share one grid', () => {
    const mine = activityEvent(buildActivity(), byPerson)
    const theirs = activityEvent(buildActivity({ id: 2, owner: { id: 4, name: 'Пётр Петров' } }), byPerson)
    expect(mine.color).not.toBe(theirs.color)
    expect(mine.title).toBe('Иван И. · Звонок: ООО «Ромашка»')
    expect(theirs.title.startsWith('Пётр П. · ')).toBe(true)
  })
})

describe('tasks as calendar events', () => {
  it('show as a short event at the due time, in a look of their own, never resized', () => {
    const e = taskEvent(buildTask({ client: { id: 5, name: 'ООО «Ромашка»' } }), byType)
    expect(e).toMatchObject({
      id: 'task:1',
      title: 'Подготовить КП — ООО «Ромашка»',
      start: '2026-11-27T13:00:00.000Z',
      end: '2026-11-27T13:15:00.000Z',
      color: TASK_COLOR,
      contrastColor: TASK_COLOR,
      startEditable: true,
      durationEditable: false,
    })
    expect(e?.className).toContain('crm-event-task')
  })

  it('have no place in the calendar without a due time, or when cancelled', () => {
    expect(taskEvent(buildTask({ dueAt: null }), byType)).toBeNull()
    expect(taskEvent(buildTask({ status: 'cancelled' }), byType)).toBeNull()
    expect(taskEvent(buildTask({ status: 'done' }), byType)?.startEditable).toBe(false)
  })

  it('join the activities in time order, cancelled activities left out', () => {
    const events = calendarEvents(
      [
        buildActivity({ id: 1, startsAt: '2026-11-27T12:00:00.000Z' }),
        buildActivity({ id: 2, startsAt: '2026-11-27T06:00:00.000Z' }),
        buildActivity({ id: 3, status: 'cancelled' }),
      ],
      [buildTask({ id: 7, dueAt: '2026-11-27T08:00:00.000Z' }), buildTask({ id: 8, dueAt: null })],
      byType,
    )
    expect(events.map((e) => e.id)).toEqual(['activity:2', 'task:7', 'activity:1'])
  })
})

describe('rescheduling from the calendar', () => {
  const start = new Date('2026-11-27T09:00:00.000Z')

  it('moves an activity keeping its own duration, even none', () => {
    const item = { kind: 'activity', activity: buildActivity({ durationMin: 0 }) } as const
    const end = new Date('2026-11-27T09:15:00.000Z')
    expect(reschedulePatch(item, { start, end, resized: false })).toEqual({
      startsAt: '2026-11-27T09:00:00.000Z',
      durationMin: 0,
    })
  })

  it('takes the new length from a resize', () => {
    const item = { kind: 'activity', activity: buildActivity() } as const
    const end = new Date('2026-11-27T10:45:00.000Z')
    expect(reschedulePatch(item, { start, end, resized: true })).toEqual({
      startsAt: '2026-11-27T09:00:00.000Z',
      durationMin: 105,
    })
  })

  it('moves a task’s due time', () => {
    const item = { kind: 'task', task: buildTask() } as const
    expect(reschedulePatch(item, { start, end: null, resized: false })).toEqual({
      dueAt: '2026-11-27T09:00:00.000Z',
    })
  })

  it('asks about the series only for items of a series', () => {
    expect(isInSeries({ kind: 'activity', activity: buildActivity() })).toBe(false)
    expect(isInSeries({ kind: 'activity', activity: buildActivity({ recurrence: SERIES }) })).toBe(true)
    expect(isInSeries({ kind: 'task', task: buildTask({ recurrence: SERIES }) })).toBe(true)
  })
})

describe('the team’s day grid', () => {
  const e = (start: string, end: string) => ({ start, end })

  it('spans the working day when everything fits in it', () => {
    expect(
      gridHours([e('2026-11-27T07:00:00Z', '2026-11-27T08:00:00Z')], 'Europe/Moscow', '2026-11-27'),
    ).toEqual({
      min: '08:00:00',
      max: '20:00:00',
    })
  })

  it('widens to whole hours around early and late events of that day in the zone', () => {
    const events = [
      e('2026-11-27T03:30:00Z', '2026-11-27T04:00:00Z'), // 06:30 in Moscow
      e('2026-11-27T18:00:00Z', '2026-11-27T18:20:00Z'), // 21:00–21:20
      e('2026-11-28T02:00:00Z', '2026-11-28T03:00:00Z'), // the next day: ignored
    ]
    expect(gridHours(events, 'Europe/Moscow', '2026-11-27')).toEqual({ min: '06:00:00', max: '22:00:00' })
  })

  it('runs to midnight for an event going on into the next day', () => {
    const events = [e('2026-11-27T19:00:00Z', '2026-11-27T22:00:00Z')] // 22:00 → 01:00
    expect(gridHours(events, 'Europe/Moscow', '2026-11-27').max).toBe('24:00:00')
    expect(gridHours(events, 'Europe/Moscow', '2026-11-28').min).toBe('00:00:00')
  })
})

describe('the legend and the people', () => {
  it('lists each type on screen once, by name', () => {
    const meeting = { id: 11, code: 'meeting', name: 'Встреча', color: '#52c41a' }
    const legend = typeLegend([
      buildActivity(),
      buildActivity({ id: 2, type: meeting }),
      buildActivity({ id: 3 }),
    ])
    expect(legend.map((l) => l.name)).toEqual(['Встреча', 'Звонок'])
  })

  it('gives each chosen person a colour of their own', () => {
    const colors = personColors([5, 3, 9])
    expect(new Set(colors.values()).size).toBe(3)
    expect(personColors([5, 3]).get(5)).toBe(colors.get(5))
  })

  it('shortens names to tell people apart on crowded events', () => {
    expect(shortPersonName('Иван Иванов')).toBe('Иван И.')
    expect(shortPersonName('Иванов Иван Иванович')).toBe('Иванов И.')
    expect(shortPersonName('Admin')).toBe('Admin')
  })
})
