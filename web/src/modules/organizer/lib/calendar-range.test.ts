import { describe, expect, it } from 'vitest'
import {
  addDays,
  instantRange,
  isIsoDate,
  periodTitle,
  startOfWeek,
  stepDate,
  todayIn,
  visibleDays,
} from './calendar-range.ts'

describe('the calendar’s periods', () => {
  it('start weeks on Monday, Sunday included in the week before it', () => {
    expect(startOfWeek('2026-11-27')).toBe('2026-11-23') // a Friday
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23')
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23') // a Sunday
    expect(startOfWeek('2026-03-01')).toBe('2026-02-23') // across a month
  })

  it('show a day, a week from Monday, or six whole weeks around a month, as FullCalendar draws them', () => {
    expect(visibleDays('day', '2026-11-27')).toEqual({ start: '2026-11-27', end: '2026-11-28' })
    expect(visibleDays('week', '2026-11-27')).toEqual({ start: '2026-11-23', end: '2026-11-30' })
    expect(visibleDays('month', '2026-11-27')).toEqual({ start: '2026-10-26', end: '2026-12-07' })
    // A month starting on Monday begins with its own first day.
    expect(visibleDays('month', '2027-02-10')).toEqual({ start: '2027-02-01', end: '2027-03-15' })
  })

  it('step a day, a week, or to the first of the neighbouring month (never skipping a short month)', () => {
    expect(stepDate('day', '2026-12-31', 1)).toBe('2027-01-01')
    expect(stepDate('week', '2026-11-27', -1)).toBe('2026-11-20')
    expect(stepDate('month', '2027-01-31', 1)).toBe('2027-02-01')
    expect(stepDate('month', '2027-03-31', -1)).toBe('2027-02-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })

  it('ask the API for the period in the employee’s zone, in UTC', () => {
    expect(instantRange({ start: '2026-11-23', end: '2026-11-30' }, 'Europe/Moscow')).toEqual({
      from: '2026-11-22T21:00:00.000Z',
      to: '2026-11-29T21:00:00.000Z',
    })
    // Across a change of daylight saving time, each end keeps its own offset.
    expect(instantRange({ start: '2026-03-23', end: '2026-03-30' }, 'Europe/Berlin')).toEqual({
      from: '2026-03-22T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    })
  })

  it('take today in the employee’s zone, not the browser’s', () => {
    const lateEvening = new Date('2026-11-27T22:30:00Z')
    expect(todayIn('Europe/Moscow', lateEvening)).toBe('2026-11-28')
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-11-27')
  })

  it('accept only real dates from the address', () => {
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('27.11.2026')).toBe(false)
    expect(isIsoDate(null)).toBe(false)
  })

  it('name the period in the UI language', () => {
    expect(periodTitle('day', '2026-11-27', 'ru')).toBe('пятница, 27 ноября 2026 г.')
    expect(periodTitle('week', '2026-11-27', 'en')).toMatch(/^23\s?–\s?29 Nov 2026$/)
    expect(periodTitle('month', '2026-11-27', 'ru')).toBe('Ноябрь 2026 г.')
    expect(periodTitle('month', '2026-11-27', 'en')).toBe('November 2026')
  })
})
