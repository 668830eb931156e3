import { describe, expect, it } from 'vitest'
import { readCalendarState } from './use-calendar-state.ts'

const NOW = new Date('2026-11-27T22:30:00Z')
const read = (query: string) => readCalendarState(new URLSearchParams(query), 'Europe/Moscow', NOW)

describe('the calendar’s address', () => {
  it('opens this week, today in the employee’s zone, by default', () => {
    expect(read('')).toEqual({ view: 'week', date: '2026-11-28', people: [] })
  })

  it('reads the view, the date and the people, ignoring what is not valid', () => {
    expect(read('view=month&date=2026-02-10&people=3,4,3,x,-1')).toEqual({
      view: 'month',
      date: '2026-02-10',
      people: [3, 4],
    })
    expect(read('view=year&date=2026-02-30')).toEqual({ view: 'week', date: '2026-11-28', people: [] })
  })

  it('opens the day of an instant a notification points to, in the employee’s zone', () => {
    expect(read('view=day&at=2026-11-26T21:30:00.000Z&people=3').date).toBe('2026-11-27')
  })
})
