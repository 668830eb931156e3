import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  getProductionCalendarYear,
  isWorkingDay,
  nextWorkingDay,
  nthWorkingDayOfMonth,
  RU_PRODUCTION_CALENDAR,
  workingDaysBetween,
} from './production-calendar.ts'

const monthCounts = (year: number) =>
  Array.from({ length: 12 }, (_, i) => {
    const start = `${year}-${String(i + 1).padStart(2, '0')}-01`
    const end = i === 11 ? `${year + 1}-01-01` : `${year}-${String(i + 2).padStart(2, '0')}-01`
    return workingDaysBetween(start, end)
  })

describe('the Russian production calendar', () => {
  it('keeps the 2026 New Year holidays and the decree day off on Jan 9', () => {
    for (let d = 1; d <= 11; d += 1) expect(isWorkingDay(`2026-01-${String(d).padStart(2, '0')}`)).toBe(false)
    expect(isWorkingDay('2026-01-12')).toBe(true)
    expect(isWorkingDay('2025-12-31')).toBe(false)
    expect(isWorkingDay('2026-12-31')).toBe(false)
  })

  it('knows the single holidays and the transfers the Labour Code makes by itself', () => {
    expect(isWorkingDay('2026-11-04')).toBe(false)
    expect(isWorkingDay('2026-11-05')).toBe(true)
    expect(isWorkingDay('2026-02-23')).toBe(false)
    expect(isWorkingDay('2026-03-09')).toBe(false) // Mar 8 is a Sunday
    expect(isWorkingDay('2026-05-11')).toBe(false) // May 9 is a Saturday
    expect(isWorkingDay('2026-06-12')).toBe(false)
  })

  it('works on the decreed Saturdays and rests on the days they moved to', () => {
    expect(isWorkingDay('2025-11-01')).toBe(true)
    expect(isWorkingDay('2025-11-03')).toBe(false)
    for (const saturday of ['2024-04-27', '2024-11-02', '2024-12-28'])
      expect(isWorkingDay(saturday)).toBe(true)
    for (const day of ['2024-04-29', '2024-04-30', '2024-05-10', '2024-12-30', '2024-12-31']) {
      expect(isWorkingDay(day)).toBe(false)
    }
  })

  it('follows the 2025 decree rather than the default rule for Feb 23 and Mar 8', () => {
    expect(isWorkingDay('2025-02-24')).toBe(true)
    expect(isWorkingDay('2025-03-10')).toBe(true)
    expect(isWorkingDay('2025-05-08')).toBe(false)
    expect(isWorkingDay('2025-06-13')).toBe(false)
    expect(isWorkingDay('2025-05-02')).toBe(false)
  })

  it('has the official number of working days per month and per year', () => {
    expect(monthCounts(2024)).toEqual([17, 20, 20, 21, 20, 19, 23, 22, 21, 23, 21, 21])
    expect(monthCounts(2025)).toEqual([17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22])
    expect(monthCounts(2026)).toEqual([15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22])
    expect(workingDaysBetween('2024-01-01', '2025-01-01')).toBe(248)
    expect(workingDaysBetween('2025-01-01', '2026-01-01')).toBe(247)
    expect(workingDaysBetween('2026-01-01', '2027-01-01')).toBe(247)
    for (const year of [2024, 2025, 2026, 2027]) {
      expect(getProductionCalendarYear(year).workingDayCount).toBe(
        workingDaysBetween(`${year}-01-01`, `${year + 1}-01-01`),
      )
    }
  })

  it('marks which years are decree data and derives 2027 from the rules', () => {
    expect(RU_PRODUCTION_CALENDAR.map((y) => [y.year, y.source])).toEqual([
      [2024, 'decree'],
      [2025, 'decree'],
      [2026, 'decree'],
      [2027, 'rules'],
    ])
    const y2027 = getProductionCalendarYear(2027)
    expect(y2027.act).toBeNull()
    expect(y2027.transfers).toEqual([
      { from: '2027-01-02', to: '2027-01-11', basis: 'provisional' },
      { from: '2027-01-03', to: '2027-01-12', basis: 'provisional' },
      { from: '2027-05-01', to: '2027-05-03', basis: 'labour-code' },
      { from: '2027-05-09', to: '2027-05-10', basis: 'labour-code' },
      { from: '2027-06-12', to: '2027-06-14', basis: 'labour-code' },
    ])
    expect(y2027.workingDayCount).toBe(247)
    expect(getProductionCalendarYear(2024).workingWeekendDays).toEqual([
      '2024-04-27',
      '2024-11-02',
      '2024-12-28',
    ])
    expect(getProductionCalendarYear(2025).holidays).toHaveLength(14)
  })

  it('finds the n-th working day of a month from either end', () => {
    const firsts = Array.from({ length: 12 }, (_, i) => nthWorkingDayOfMonth(2026, i + 1, 1))
    expect(firsts).toEqual([
      '2026-01-12',
      '2026-02-02',
      '2026-03-02',
      '2026-04-01',
      '2026-05-04',
      '2026-06-01',
      '2026-07-01',
      '2026-08-03',
      '2026-09-01',
      '2026-10-01',
      '2026-11-02',
      '2026-12-01',
    ])
    expect(nthWorkingDayOfMonth(2026, 12, -1)).toBe('2026-12-30')
    expect(nthWorkingDayOfMonth(2026, 1, -1)).toBe('2026-01-30')
    expect(nthWorkingDayOfMonth(2026, 1, 15)).toBe('2026-01-30')
    expect(nthWorkingDayOfMonth(2026, 1, 16)).toBeNull()
    expect(() => nthWorkingDayOfMonth(2026, 1, 0)).toThrow(RangeError)
    expect(() => nthWorkingDayOfMonth(2026, 13, 1)).toThrow(RangeError)
  })

  it('steps over the New Year break', () => {
    expect(nextWorkingDay('2025-12-30')).toBe('2026-01-12')
    expect(nextWorkingDay('2026-01-12', -1)).toBe('2025-12-30')
    expect(nextWorkingDay('2026-01-03', 0)).toBe('2026-01-12')
    expect(nextWorkingDay('2026-01-12', 0)).toBe('2026-01-12')
    expect(nextWorkingDay('2026-11-03', 2)).toBe('2026-11-06')
    expect(workingDaysBetween('2026-11-09', '2026-11-02')).toBe(-4)
  })

  it('lets an administrator correct single days', () => {
    const overrides = new Map([
      ['2026-01-09', true],
      ['2026-11-05', false],
    ])
    expect(isWorkingDay('2026-01-09', 'RU', overrides)).toBe(true)
    expect(isWorkingDay('2026-11-05', 'RU', overrides)).toBe(false)
    expect(nthWorkingDayOfMonth(2026, 1, 1, { overrides })).toBe('2026-01-09')
    expect(nextWorkingDay('2026-11-03', 1, { overrides })).toBe('2026-11-06')
    expect(workingDaysBetween('2026-01-01', '2027-01-01', { overrides })).toBe(247)
  })

  it('refuses what is not a date or a known country', () => {
    for (const bad of ['2026-02-30', '2026-1-1', '', '2026-13-01']) {
      expect(() => isWorkingDay(bad)).toThrow(RangeError)
    }
    expect(() => isWorkingDay('2026-01-01', 'XX' as 'RU')).toThrow(RangeError)
  })

  const day = fc
    .integer({ min: Date.UTC(2023, 0, 1) / 86_400_000, max: Date.UTC(2028, 11, 31) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10))

  it('counts exactly n working days up to the n-th next one, and steps back to the start', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (a, n) => {
        const b = nextWorkingDay(a, n)
        expect(b > a).toBe(true)
        expect(isWorkingDay(b)).toBe(true)
        expect(workingDaysBetween(a, b)).toBe(n - 1 + (isWorkingDay(a) ? 1 : 0))
        expect(nextWorkingDay(b, -n)).toBe(isWorkingDay(a) ? a : nextWorkingDay(a, -1))
      }),
      { numRuns: 300 },
    )
  })

  it('adds up counts over adjacent ranges', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c))
      }),
      { numRuns: 100 },
    )
  })
})
