import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { buildRecurrence, NO_REPEAT, type RepeatValue, weekdayOf } from './recurrence.ts'

// Wednesday, 15 April 2026, 10:30 on the employee's clock.
const start = dayjs(new Date(2026, 3, 15, 10, 30))
const repeat = (patch: Partial<RepeatValue>): RepeatValue => ({ ...NO_REPEAT, ...patch })

describe('buildRecurrence', () => {
  it('gives nothing for "does not repeat"', () => {
    expect(buildRecurrence(NO_REPEAT, start)).toBeUndefined()
  })

  it('repeats daily, every n days, with the chosen day-off policy', () => {
    expect(buildRecurrence(repeat({ kind: 'daily' }), start)).toEqual({ rule: 'FREQ=DAILY', workdays: 'any' })
    expect(buildRecurrence(repeat({ kind: 'daily', interval: 2, workdays: 'shift_forward' }), start)).toEqual(
      {
        rule: 'FREQ=DAILY;INTERVAL=2',
        workdays: 'shift_forward',
      },
    )
  })

  it('makes "every working day" a daily series that skips days off', () => {
    expect(buildRecurrence(repeat({ kind: 'workdays', workdays: 'any' }), start)).toEqual({
      rule: 'FREQ=DAILY',
      workdays: 'skip',
    })
  })

  it('repeats weekly on the chosen days in calendar order, or on the start weekday', () => {
    expect(buildRecurrence(repeat({ kind: 'weekly', weekdays: ['FR', 'MO'] }), start)).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=MO,FR',
      workdays: 'any',
    })
    expect(buildRecurrence(repeat({ kind: 'weekly' }), start)?.rule).toBe('FREQ=WEEKLY;BYDAY=WE')
    expect(buildRecurrence(repeat({ kind: 'weekly', interval: 2, weekdays: ['TU'] }), start)?.rule).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    )
  })

  it('repeats monthly on the start day of the month', () => {
    expect(buildRecurrence(repeat({ kind: 'monthly' }), start)).toEqual({
      rule: 'FREQ=MONTHLY;BYMONTHDAY=15',
      workdays: 'any',
    })
  })

  it('uses the n-th working day for the first and last working day of the month', () => {
    expect(buildRecurrence(repeat({ kind: 'firstWorkingDay', workdays: 'skip' }), start)).toEqual({
      rule: 'FREQ=MONTHLY',
      workdays: 'any',
      nthWorkingDay: 1,
    })
    expect(buildRecurrence(repeat({ kind: 'lastWorkingDay' }), start)).toEqual({
      rule: 'FREQ=MONTHLY',
      workdays: 'any',
      nthWorkingDay: -1,
    })
  })

  it('ends after a number of times or on a day', () => {
    expect(buildRecurrence(repeat({ kind: 'daily', end: 'count', count: 10 }), start)?.rule).toBe(
      'FREQ=DAILY;COUNT=10',
    )
    expect(
      buildRecurrence(repeat({ kind: 'weekly', weekdays: ['MO'], end: 'until', until: '2026-12-31' }), start)
        ?.rule,
    ).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231')
    expect(buildRecurrence(repeat({ kind: 'lastWorkingDay', end: 'count', count: 12 }), start)?.rule).toBe(
      'FREQ=MONTHLY;COUNT=12',
    )
    // An end chosen without its value is no end.
    expect(buildRecurrence(repeat({ kind: 'daily', end: 'until', until: null }), start)?.rule).toBe(
      'FREQ=DAILY',
    )
  })

  it('takes a custom rule as typed, without a leading RRULE:', () => {
    expect(
      buildRecurrence(
        repeat({ kind: 'custom', rule: ' RRULE:FREQ=MONTHLY;BYDAY=2TU ', workdays: 'skip' }),
        start,
      ),
    ).toEqual({ rule: 'FREQ=MONTHLY;BYDAY=2TU', workdays: 'skip' })
  })
})

describe('weekdayOf', () => {
  it('gives Monday-first RFC 5545 codes', () => {
    expect(weekdayOf(dayjs(new Date(2026, 3, 13)))).toBe('MO')
    expect(weekdayOf(dayjs(new Date(2026, 3, 19)))).toBe('SU')
  })
})
