import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isWorkingDay } from './production-calendar.ts'
import {
  describeRule,
  type ExpandOccurrencesInput,
  expandOccurrences,
  instantOfWallClock,
  validateRule,
  type WorkdayPolicy,
  wallClockOf,
} from './recurrence.ts'

const MOSCOW = 'Europe/Moscow'
const BERLIN = 'Europe/Berlin'

/** Wall-clock time straight from Intl, independent of the module's own conversion. */
function localTime(instant: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant))
  return `${text.replace(' ', 'T')}.${instant.slice(20, 23)}`
}

/** Whether a wall-clock time happens at all in the zone that day (false inside a spring-forward gap). */
function wallClockExists(wallClock: string, timeZone: string): boolean {
  const asUtc = Date.parse(`${wallClock}Z`)
  for (let minutes = -12 * 60; minutes <= 14 * 60; minutes += 15) {
    if (localTime(new Date(asUtc - minutes * 60_000).toISOString(), timeZone) === wallClock) return true
  }
  return false
}

const expand = (input: Partial<ExpandOccurrencesInput> & Pick<ExpandOccurrencesInput, 'rule' | 'startsAt'>) =>
  expandOccurrences({
    timeZone: MOSCOW,
    from: '2026-01-01T00:00:00.000Z',
    to: '2027-01-01T00:00:00.000Z',
    ...input,
  })

describe('validateRule', () => {
  it('accepts an RRULE body and gives it back normalized', () => {
    expect(validateRule('FREQ=WEEKLY;BYDAY=MO')).toEqual({ ok: true, text: 'FREQ=WEEKLY;BYDAY=MO' })
    expect(validateRule(' RRULE:byday=mo;freq=weekly; ')).toEqual({ ok: true, text: 'FREQ=WEEKLY;BYDAY=MO' })
    expect(validateRule('FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1;COUNT=1000').ok).toBe(true)
    expect(validateRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29').ok).toBe(true)
  })

  it.each([
    ['FREQ=HOURLY', 'too frequent'],
    ['FREQ=MINUTELY;COUNT=5', 'too frequent'],
    ['FREQ=SECONDLY', 'too frequent'],
    ['FREQ=DAILY;BYHOUR=9,12,15', 'time of day'],
    ['FREQ=DAILY;COUNT=1001', 'COUNT'],
    ['FREQ=DAILY;COUNT=0', 'COUNT'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20261231T000000Z', 'not both'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'numbered BYDAY'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY'],
    ['FREQ=WEEKLY;BYMONTHDAY=3', 'FREQ=WEEKLY'],
    ['FREQ=MONTHLY;BYSETPOS=1', 'BYSETPOS'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL'],
    ['FREQ=DAILY;FOO=1', 'Unknown'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'twice'],
    ['DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', 'RRULE body'],
    ['FREQ=DAILY;TZID=Europe/Moscow', 'RRULE body'],
    ['BYDAY=MO', 'FREQ is required'],
    ['', 'empty'],
    ['FREQ=DAILY;UNTIL=20260230', 'real date'],
  ])('refuses %s', (rule, problem) => {
    const result = validateRule(rule)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem).toContain(problem)
  })

  it('refuses, quickly, a rule that never yields a date', () => {
    const started = performance.now()
    for (const rule of [
      'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
      'FREQ=DAILY;INTERVAL=3;BYMONTH=4;BYMONTHDAY=31',
      'FREQ=YEARLY;BYMONTH=1;BYYEARDAY=100',
      'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6',
    ]) {
      expect(validateRule(rule)).toEqual({ ok: false, problem: 'The rule never yields a date.' })
    }
    expect(performance.now() - started).toBeLessThan(3000)
    expect(validateRule('FREQ=WEEKLY;INTERVAL=2;BYMONTH=2;BYDAY=MO').ok).toBe(true)
    // Every 7 days from a Monday never reaches a Tuesday.
    const monday = { startsAt: '2026-11-02T07:00:00.000Z', timeZone: MOSCOW }
    expect(validateRule('FREQ=DAILY;INTERVAL=7;BYDAY=TU', monday).ok).toBe(false)
    expect(validateRule('FREQ=DAILY;INTERVAL=7;BYDAY=MO', monday).ok).toBe(true)
    // The start decides the day of a bare monthly rule: the 30th never comes in February.
    const febOn30th = { startsAt: '2026-01-30T07:00:00.000Z', timeZone: MOSCOW }
    expect(validateRule('FREQ=MONTHLY;BYMONTH=2', febOn30th).ok).toBe(false)
    expect(validateRule('FREQ=MONTHLY;BYMONTH=2').ok).toBe(true)
    expect(expand({ rule: 'FREQ=MONTHLY;BYMONTH=2', startsAt: febOn30th.startsAt })).toEqual([])
  })

  it('checks the working-day policy against the rule', () => {
    expect(validateRule('FREQ=MONTHLY', { workdays: { nthWorkingDay: 1 } }).ok).toBe(true)
    expect(validateRule('FREQ=MONTHLY;INTERVAL=3;COUNT=4', { workdays: { nthWorkingDay: -1 } }).ok).toBe(true)
    expect(validateRule('FREQ=MONTHLY;BYMONTHDAY=1', { workdays: { nthWorkingDay: 1 } }).ok).toBe(false)
    expect(validateRule('FREQ=WEEKLY', { workdays: { nthWorkingDay: 1 } }).ok).toBe(false)
    expect(validateRule('FREQ=MONTHLY', { workdays: { nthWorkingDay: 0 } }).ok).toBe(false)
  })
})

describe('expandOccurrences', () => {
  it('puts every Monday of November 2026 at 10:00 Moscow, 07:00 UTC', () => {
    expect(
      expand({
        rule: 'FREQ=WEEKLY;BYDAY=MO',
        startsAt: '2026-11-02T07:00:00.000Z',
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-12-01T00:00:00.000Z',
      }),
    ).toEqual([
      '2026-11-02T07:00:00.000Z',
      '2026-11-09T07:00:00.000Z',
      '2026-11-16T07:00:00.000Z',
      '2026-11-23T07:00:00.000Z',
      '2026-11-30T07:00:00.000Z',
    ])
  })

  it('finds the last Friday of each month, by BYSETPOS or by a numbered BYDAY', () => {
    const expected = [
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
      '2026-05-29',
      '2026-06-26',
      '2026-07-31',
      '2026-08-28',
      '2026-09-25',
      '2026-10-30',
      '2026-11-27',
      '2026-12-25',
    ].map((d) => `${d}T07:00:00.000Z`)
    const startsAt = '2026-01-01T07:00:00.000Z'
    expect(expand({ rule: 'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1', startsAt })).toEqual(expected)
    expect(expand({ rule: 'RRULE:FREQ=MONTHLY;BYDAY=-1FR', startsAt })).toEqual(expected)
  })

  it('puts a monthly series on the first working day of each month of 2026', () => {
    const got = expand({
      rule: 'FREQ=MONTHLY',
      startsAt: '2026-01-01T06:30:00.000Z',
      workdays: { nthWorkingDay: 1 },
    })
    expect(got).toEqual(
      [
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
      ].map((d) => `${d}T06:30:00.000Z`),
    )
    const last = expand({
      rule: 'FREQ=MONTHLY;INTERVAL=6;COUNT=3',
      startsAt: '2025-06-01T06:30:00.000Z',
      from: '2025-01-01T00:00:00.000Z',
      workdays: { nthWorkingDay: -1 },
    })
    expect(last).toEqual(['2025-06-30T06:30:00.000Z', '2025-12-30T06:30:00.000Z', '2026-06-30T06:30:00.000Z'])
  })

  it('moves a day off forward, or skips it', () => {
    const monthlyOnThe1st = { rule: 'FREQ=MONTHLY;BYMONTHDAY=1', startsAt: '2026-01-01T07:00:00.000Z' }
    expect(expand({ ...monthlyOnThe1st, workdays: 'shift_forward' }).map((i) => i.slice(0, 10))).toEqual([
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
    expect(expand({ ...monthlyOnThe1st, workdays: 'skip' }).map((i) => i.slice(5, 10))).toEqual([
      '04-01',
      '06-01',
      '07-01',
      '09-01',
      '10-01',
      '12-01',
    ])
    const fridaysInMay = {
      rule: 'FREQ=WEEKLY;BYDAY=FR',
      startsAt: '2026-05-01T07:00:00.000Z',
      from: '2026-05-01T00:00:00.000Z',
      to: '2026-06-01T00:00:00.000Z',
    }
    expect(expand({ ...fridaysInMay, workdays: 'skip' }).map((i) => i.slice(8, 10))).toEqual([
      '08',
      '15',
      '22',
      '29',
    ])
    expect(expand({ ...fridaysInMay, workdays: 'shift_forward' }).map((i) => i.slice(8, 10))).toEqual([
      '04',
      '08',
      '15',
      '22',
      '29',
    ])
  })

  it('drops a shifted occurrence that would reach the next one', () => {
    const daily = {
      rule: 'FREQ=DAILY',
      startsAt: '2025-12-29T07:00:00.000Z',
      from: '2025-12-29T00:00:00.000Z',
      to: '2026-01-15T00:00:00.000Z',
    }
    const shifted = expand({ ...daily, workdays: 'shift_forward' })
    expect(shifted).toEqual(expand({ ...daily, workdays: 'skip' }))
    expect(shifted.map((i) => i.slice(0, 10))).toEqual([
      '2025-12-29',
      '2025-12-30',
      '2026-01-12',
      '2026-01-13',
      '2026-01-14',
    ])
    // A shift that starts before the window can land inside it.
    expect(
      expand({
        rule: 'FREQ=WEEKLY;BYDAY=SA',
        startsAt: '2026-01-03T07:00:00.000Z',
        from: '2026-01-05T00:00:00.000Z',
        to: '2026-01-20T00:00:00.000Z',
        workdays: 'shift_forward',
      }),
    ).toEqual(['2026-01-12T07:00:00.000Z', '2026-01-19T07:00:00.000Z'])
  })

  it('keeps 10:00 in Berlin across both daylight-saving changes', () => {
    const weekly = { rule: 'FREQ=WEEKLY;BYDAY=MO', startsAt: '2026-03-16T09:00:00.000Z', timeZone: BERLIN }
    expect(expand({ ...weekly, from: '2026-03-16T00:00:00.000Z', to: '2026-04-07T00:00:00.000Z' })).toEqual([
      '2026-03-16T09:00:00.000Z',
      '2026-03-23T09:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-04-06T08:00:00.000Z',
    ])
    expect(expand({ ...weekly, from: '2026-10-19T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' })).toEqual([
      '2026-10-19T08:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
      '2026-11-02T09:00:00.000Z',
    ])
  })

  it('moves a skipped local time forward and takes the first of a repeated one', () => {
    const nightly = { rule: 'FREQ=DAILY', startsAt: '2026-03-27T01:30:00.000Z', timeZone: BERLIN }
    expect(expand({ ...nightly, from: '2026-03-28T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z' })).toEqual([
      '2026-03-28T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:30:00.000Z', // 02:30 does not exist: 03:30 CEST
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
    ])
    expect(expand({ ...nightly, from: '2026-10-24T00:00:00.000Z', to: '2026-10-27T00:00:00.000Z' })).toEqual([
      '2026-10-24T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T00:30:00.000Z', // 02:30 happens twice: the first
      '2026-10-26T01:30:00.000Z', // 02:30 CET
    ])
    const daily = { rule: 'FREQ=DAILY', startsAt: '2026-03-27T09:00:00.000Z', timeZone: BERLIN }
    expect(expand({ ...daily, from: '2026-03-28T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z' })).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z', // the day of the change itself
      '2026-03-30T08:00:00.000Z',
    ])
    expect(instantOfWallClock('2026-03-29T02:30', BERLIN)).toBe('2026-03-29T01:30:00.000Z')
    expect(wallClockOf('2026-10-25T01:30:00.000Z', BERLIN)).toBe('2026-10-25T02:30:00.000')
  })

  it('honours COUNT, UNTIL in UTC or as a local date, the limit and milliseconds', () => {
    const start = { rule: 'FREQ=DAILY', startsAt: '2026-11-02T07:00:00.250Z' }
    expect(expand({ ...start, rule: 'FREQ=WEEKLY;COUNT=3' })).toEqual([
      '2026-11-02T07:00:00.250Z',
      '2026-11-09T07:00:00.250Z',
      '2026-11-16T07:00:00.250Z',
    ])
    expect(expand({ ...start, rule: 'FREQ=DAILY;UNTIL=20261105T070000Z' })).toHaveLength(3) // 07:00:00.250 > UNTIL
    expect(expand({ ...start, rule: 'FREQ=DAILY;UNTIL=20261105T070001Z' })).toHaveLength(4)
    expect(expand({ ...start, rule: 'FREQ=DAILY;UNTIL=20261105' })).toHaveLength(4)
    expect(expand({ ...start, limit: 2 })).toEqual(['2026-11-02T07:00:00.250Z', '2026-11-03T07:00:00.250Z'])
    // COUNT is counted from the start, not from the window.
    expect(expand({ ...start, rule: 'FREQ=DAILY;COUNT=5', from: '2026-11-05T00:00:00.000Z' })).toHaveLength(2)
  })

  it('refuses bad input loudly', () => {
    const good = { rule: 'FREQ=DAILY', startsAt: '2026-11-02T07:00:00.000Z' }
    expect(() => expand({ ...good, rule: 'FREQ=HOURLY' })).toThrow(RangeError)
    expect(() => expand({ ...good, timeZone: 'Mars/Olympus' })).toThrow(RangeError)
    expect(() => expand({ ...good, startsAt: 'yesterday' })).toThrow(RangeError)
    expect(() => expand({ ...good, limit: 0 })).toThrow(RangeError)
    expect(() => expand({ ...good, workdays: { nthWorkingDay: 1 } })).toThrow(RangeError)
    expect(expand({ ...good, from: '2026-11-05T00:00:00.000Z', to: '2026-11-05T00:00:00.000Z' })).toEqual([])
  })

  it('uses the calendar corrections it is given', () => {
    const overrides = new Map([['2026-01-09', true]])
    expect(
      expand({
        rule: 'FREQ=MONTHLY;COUNT=1',
        startsAt: '2026-01-01T07:00:00.000Z',
        workdays: { nthWorkingDay: 1 },
        calendar: { overrides },
      }),
    ).toEqual(['2026-01-09T07:00:00.000Z'])
  })
})

describe('expandOccurrences, for all inputs', () => {
  const zones = ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']
  const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']
  const rule = fc.oneof(
    fc.integer({ min: 1, max: 3 }).map((i) => `FREQ=DAILY;INTERVAL=${i}`),
    fc
      .tuple(fc.subarray(weekdays, { minLength: 1 }), fc.integer({ min: 1, max: 3 }))
      .map(([days, i]) => `FREQ=WEEKLY;INTERVAL=${i};BYDAY=${days.join(',')}`),
    fc.constantFrom(
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'FREQ=MONTHLY;BYDAY=2TU',
      'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1',
    ),
    fc.integer({ min: 1, max: 28 }).map((d) => `FREQ=MONTHLY;BYMONTHDAY=${d}`),
    fc.constantFrom('FREQ=YEARLY', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'FREQ=DAILY;COUNT=40'),
  )
  const base = Date.UTC(2024, 0, 1)
  interface Case {
    rule: string
    timeZone: string
    startsAt: string
    fromDays: number
    lengthDays: number
  }
  const input: fc.Arbitrary<Case> = fc.record({
    rule,
    timeZone: fc.constantFrom(...zones),
    startsAt: fc
      .integer({ min: 0, max: 4 * 365 * 24 * 60 })
      .map((m) => new Date(base + m * 60_000).toISOString()),
    fromDays: fc.integer({ min: -20, max: 500 }),
    lengthDays: fc.integer({ min: 1, max: 120 }),
  })
  const build = (x: Case, workdays: WorkdayPolicy = 'any'): ExpandOccurrencesInput => {
    const from = Date.parse(x.startsAt) + x.fromDays * 86_400_000
    return {
      rule: x.rule,
      startsAt: x.startsAt,
      timeZone: x.timeZone,
      from: new Date(from).toISOString(),
      to: new Date(from + x.lengthDays * 86_400_000).toISOString(),
      workdays,
    }
  }
  const runs = { numRuns: 150 }

  it('returns sorted, unique instants inside [from, to), all at the start’s wall-clock time', () => {
    fc.assert(
      fc.property(input, (x) => {
        const args = build(x)
        const got = expandOccurrences(args)
        const startTime = localTime(x.startsAt, x.timeZone).slice(11)
        got.forEach((instant, i) => {
          if (i > 0) expect(instant > got[i - 1]!).toBe(true)
          expect(instant >= args.from && instant < args.to && instant >= x.startsAt).toBe(true)
          const local = localTime(instant, x.timeZone)
          const wanted = `${local.slice(0, 10)}T${startTime}`
          // The start's wall-clock time is kept exactly, unless it does not exist that day: then it moves later.
          if (local !== wanted) {
            expect(wallClockExists(wanted, x.timeZone)).toBe(false)
            expect(local > wanted).toBe(true)
          }
        })
      }),
      runs,
    )
  })

  it('gives the same occurrences for a window as for its two halves', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 119 }), (x, cut) => {
        const args = build(x)
        const mid = new Date(Date.parse(args.from) + Math.min(cut, x.lengthDays) * 86_400_000).toISOString()
        const halves = [
          ...expandOccurrences({ ...args, to: mid }),
          ...expandOccurrences({ ...args, from: mid }),
        ]
        expect(halves).toEqual(expandOccurrences(args))
      }),
      runs,
    )
  })

  it('skips only what it would otherwise show, and shifts only onto working days', () => {
    fc.assert(
      fc.property(input, (x) => {
        const all = new Set(expandOccurrences(build(x)))
        const localDay = (instant: string) => localTime(instant, x.timeZone).slice(0, 10)
        for (const instant of expandOccurrences(build(x, 'skip'))) {
          expect(all.has(instant)).toBe(true)
          expect(isWorkingDay(localDay(instant))).toBe(true)
        }
        const shifted = expandOccurrences(build(x, 'shift_forward'))
        for (const instant of shifted) expect(isWorkingDay(localDay(instant))).toBe(true)
        expect(new Set(shifted).size).toBe(shifted.length)
      }),
      runs,
    )
  })

  it('puts an n-th working day series on working days, one per month', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(1, 2, 5, -1, -3), (x, n) => {
        const got = expandOccurrences(build({ ...x, rule: 'FREQ=MONTHLY' }, { nthWorkingDay: n }))
        const days = got.map((instant) => localTime(instant, x.timeZone).slice(0, 10))
        for (const day of days) expect(isWorkingDay(day)).toBe(true)
        expect(new Set(days.map((d) => d.slice(0, 7))).size).toBe(days.length)
      }),
      runs,
    )
  })
})

describe('describeRule', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=MO', 'каждый понедельник', 'every Monday'],
    ['FREQ=WEEKLY;BYDAY=WE', 'каждую среду', 'every Wednesday'],
    ['FREQ=WEEKLY;BYDAY=SU', 'каждое воскресенье', 'every Sunday'],
    [
      'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      'по понедельникам, средам и пятницам',
      'every Monday, Wednesday and Friday',
    ],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'по будним дням', 'every weekday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 'каждые 2 недели по вторникам', 'every 2 weeks on Tuesday'],
    ['FREQ=WEEKLY', 'каждую неделю', 'every week'],
    ['FREQ=DAILY', 'каждый день', 'every day'],
    ['FREQ=DAILY;INTERVAL=2', 'каждые 2 дня', 'every 2 days'],
    ['FREQ=DAILY;INTERVAL=5', 'каждые 5 дней', 'every 5 days'],
    ['FREQ=DAILY;INTERVAL=21', 'каждый 21 день', 'every 21 days'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', 'каждый месяц 15-го числа', 'every month on the 15th'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'каждый месяц 1-го и 15-го числа', 'every month on the 1st and 15th'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'каждый месяц в последний день', 'every month on the last day'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'каждый месяц в последнюю пятницу', 'every month on the last Friday'],
    [
      'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1',
      'каждый месяц в последнюю пятницу',
      'every month on the last Friday',
    ],
    [
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO',
      'каждые 3 месяца в первый понедельник',
      'every 3 months on the first Monday',
    ],
    [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
      'каждый месяц в первый будний день',
      'every month on the first weekday',
    ],
    ['FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=12', 'каждый год 12 июня', 'every year on 12 June'],
    [
      'FREQ=YEARLY;BYMONTH=9;BYDAY=1MO',
      'каждый год в первый понедельник сентября',
      'every year on the first Monday of September',
    ],
    ['FREQ=YEARLY;INTERVAL=5', 'каждые 5 лет', 'every 5 years'],
    ['FREQ=DAILY;COUNT=10', 'каждый день, 10 раз', 'every day, 10 times'],
    ['FREQ=DAILY;COUNT=2', 'каждый день, 2 раза', 'every day, 2 times'],
  ])('describes %s', (rule, ru, en) => {
    expect(describeRule(rule, 'ru')).toBe(ru)
    expect(describeRule(rule, 'en')).toBe(en)
  })

  it('describes the working-day policies and UNTIL in the zone', () => {
    const firstWorkingDay = { workdays: { nthWorkingDay: 1 } }
    expect(describeRule('FREQ=MONTHLY', 'ru', firstWorkingDay)).toBe('каждый месяц в первый рабочий день')
    expect(describeRule('FREQ=MONTHLY', 'en', firstWorkingDay)).toBe('every month on the first working day')
    expect(describeRule('FREQ=MONTHLY', 'ru', { workdays: { nthWorkingDay: -1 } })).toBe(
      'каждый месяц в последний рабочий день',
    )
    expect(describeRule('FREQ=WEEKLY;BYDAY=SA', 'ru', { workdays: 'shift_forward' })).toBe(
      'каждую субботу, с переносом на следующий рабочий день',
    )
    expect(describeRule('FREQ=DAILY', 'ru', { workdays: 'skip' })).toBe('каждый день, кроме нерабочих дней')
    // 21:00 UTC on Dec 31 is already Jan 1 in Moscow.
    expect(describeRule('FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T210000Z', 'ru')).toContain('до 1 января 2027')
    expect(describeRule('FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231', 'en')).toBe(
      'every Monday, until 31 December 2026',
    )
  })

  it('falls back to the rule text for the rare cases', () => {
    expect(describeRule('FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', 'ru')).toBe(
      'RRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    )
    expect(describeRule('FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', 'en')).toMatch(/^every year/)
    expect(describeRule('not a rule', 'ru')).toBe('not a rule')
  })
})
