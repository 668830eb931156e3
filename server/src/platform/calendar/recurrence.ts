/**
 * Recurring activities and tasks: RFC 5545 rules (the RRULE body only) expanded in the user's time zone,
 * with the production calendar's working days as an option.
 *
 * Expansion works on "floating" wall-clock times: the local date-time of `startsAt` in `timeZone` is
 * handed to rrule as if it were UTC (that is how rrule works best), and every local occurrence is then
 * converted to a real UTC instant for the zone with `Intl`. So a meeting at 10:00 Moscow stays at 10:00
 * Moscow, and one at 10:00 Berlin stays at 10:00 Berlin across daylight-saving changes. A local time that
 * does not exist (spring-forward gap) moves forward by the gap; an ambiguous one (fall-back) takes the
 * first, earlier instant.
 *
 * Rules repeat at most once a day: sub-daily frequencies and BYHOUR/BYMINUTE/BYSECOND are refused (the
 * time of day comes from `startsAt`), COUNT is 1–1000, and a rule that never yields a date is refused —
 * together this keeps every expansion bounded.
 */
import type { Options as RRuleOptions } from 'rrule'
import rrulePackage from 'rrule'
import {
  type CalendarOptions,
  fromDayNumber,
  isWorkingDay,
  nextWorkingDay,
  nthWorkingDayOfMonth,
  toDayNumber,
} from './production-calendar.ts'

const { RRule, Weekday } = rrulePackage

/**
 * How working days shape a series: `any` ignores them; `skip` drops occurrences on days off;
 * `shift_forward` moves them to the next working day (dropped when that reaches the next occurrence's
 * day); `nthWorkingDay` makes a monthly series on the n-th working day (1 = first, -1 = last) and then
 * takes only FREQ=MONTHLY with INTERVAL, COUNT or UNTIL from the rule.
 */
export type WorkdayPolicy = 'any' | 'shift_forward' | 'skip' | { nthWorkingDay: number }

export type RuleCheck = { ok: true; text?: string } | { ok: false; problem: string }

export interface RuleContext {
  /** With the start, a rule that never occurs for that start (e.g. monthly on the 30th in February) is refused. */
  startsAt?: string
  timeZone?: string
  workdays?: WorkdayPolicy
}

export interface ExpandOccurrencesInput {
  /** RRULE body such as `FREQ=WEEKLY;BYDAY=MO`; a leading `RRULE:` is tolerated. */
  rule: string
  /** UTC ISO instant of the first occurrence; its wall-clock time in `timeZone` is kept for all. */
  startsAt: string
  /** IANA zone, e.g. `Europe/Moscow`. */
  timeZone: string
  /** UTC ISO, inclusive. */
  from: string
  /** UTC ISO, exclusive. */
  to: string
  workdays?: WorkdayPolicy
  /** At most this many occurrences are returned (default 500, at most 10 000). */
  limit?: number
  /** Country and an administrator's corrections for the working-day policies. */
  calendar?: CalendarOptions
}

export interface DescribeOptions {
  /** The zone to show an UNTIL given in UTC in (default Europe/Moscow). */
  timeZone?: string
  workdays?: WorkdayPolicy
}

type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY'

interface ByDay {
  /** 0 = Monday … 6 = Sunday, as in rrule. */
  weekday: number
  n: number | null
}

interface ParsedRule {
  body: string
  freq: Frequency
  interval: number
  count: number | null
  /** `utc`: the value is an instant (…Z); `local`: a floating wall-clock time; `date`: a whole local day. */
  until: { kind: 'utc' | 'local' | 'date'; value: number } | null
  byDay: ByDay[]
  byMonthDay: number[]
  byYearDay: number[]
  byWeekNo: number[]
  byMonth: number[]
  bySetPos: number[]
  wkst: number | null
}

type Parsed = { ok: true; rule: ParsedRule } | { ok: false; problem: string }

const DAY_MS = 86_400_000
const MAX_COUNT = 1000
const MAX_LIMIT = 10_000
const MIN_YEAR = 1900
const MAX_YEAR = 2200
const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
const PART_ORDER = [
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYMONTH',
  'BYWEEKNO',
  'BYYEARDAY',
  'BYMONTHDAY',
  'BYDAY',
  'BYSETPOS',
  'WKST',
  'BYHOUR',
  'BYMINUTE',
  'BYSECOND',
] as const
const FREQUENCIES: Record<string, Frequency> = {
  DAILY: 'DAILY',
  WEEKLY: 'WEEKLY',
  MONTHLY: 'MONTHLY',
  YEARLY: 'YEARLY',
}
const NUMBER_LISTS = {
  BYMONTH: { min: 1, max: 12, signed: false },
  BYWEEKNO: { min: 1, max: 53, signed: true },
  BYYEARDAY: { min: 1, max: 366, signed: true },
  BYMONTHDAY: { min: 1, max: 31, signed: true },
  BYSETPOS: { min: 1, max: 366, signed: true },
} as const

const mod = (a: number, b: number): number => ((a % b) + b) % b

// ---------------------------------------------------------------- parsing

function parseNumberList(key: keyof typeof NUMBER_LISTS, value: string): number[] | string {
  const { min, max, signed } = NUMBER_LISTS[key]
  const numbers: number[] = []
  for (const token of value.split(',')) {
    if (!/^[+-]?\d{1,3}$/.test(token)) return `${key} must list whole numbers.`
    const n = Number(token)
    const size = Math.abs(n)
    if (size < min || size > max || (!signed && n < 0)) {
      return `${key} values must be ${signed ? `from ${min} to ${max} or from -${max} to -${min}` : `from ${min} to ${max}`}.`
    }
    if (!numbers.includes(n)) numbers.push(n)
  }
  return numbers
}

function parseByDay(value: string, freq: Frequency, hasWeekNo: boolean): ByDay[] | string {
  const days: ByDay[] = []
  for (const token of value.split(',')) {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(token)
    if (!m) return `BYDAY must list days such as MO, TU or 1MO, -1FR.`
    const n = m[1] === undefined ? null : Number(m[1])
    if (n !== null) {
      const max = freq === 'MONTHLY' ? 5 : 53
      if (freq !== 'MONTHLY' && freq !== 'YEARLY')
        return 'A numbered BYDAY (such as 1MO) needs FREQ=MONTHLY or YEARLY.'
      if (freq === 'YEARLY' && hasWeekNo) return 'A numbered BYDAY cannot be combined with BYWEEKNO.'
      if (n === 0 || Math.abs(n) > max)
        return `A BYDAY number must be from 1 to ${max} or from -${max} to -1.`
    }
    const weekday = WEEKDAY_CODES.indexOf(m[2] as (typeof WEEKDAY_CODES)[number])
    if (!days.some((d) => d.weekday === weekday && d.n === n)) days.push({ weekday, n })
  }
  return days
}

function parseUntil(value: string): ParsedRule['until'] | string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value)
  if (!m) return 'UNTIL must look like 20261231 or 20261231T235959Z.'
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)))
  const ms = Date.UTC(y!, mo! - 1, d!, h, mi, s)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d || h > 23) {
    return 'UNTIL is not a real date.'
  }
  if (m[4] === undefined) return { kind: 'date', value: ms }
  return { kind: m[7] ? 'utc' : 'local', value: ms }
}

function parseRule(text: string): Parsed {
  const fail = (problem: string): Parsed => ({ ok: false, problem })
  let body = text.trim()
  if (/^RRULE:/i.test(body)) body = body.slice(6).trim()
  if (!body) return fail('The rule is empty.')
  if (/[\r\n]/.test(body) || /(^|;)\s*(DTSTART|TZID)\b/i.test(body)) {
    return fail('Give only the RRULE body: the start and the time zone are separate fields.')
  }
  const parts = new Map<string, string>()
  for (const raw of body.split(';')) {
    const part = raw.trim()
    if (!part) continue
    const eq = part.indexOf('=')
    if (eq < 1) return fail(`Cannot read "${part}": expected NAME=value.`)
    const key = part.slice(0, eq).trim().toUpperCase()
    const value = part
      .slice(eq + 1)
      .trim()
      .toUpperCase()
    if (!(PART_ORDER as readonly string[]).includes(key)) return fail(`Unknown rule part ${key}.`)
    if (parts.has(key)) return fail(`${key} is given twice.`)
    if (!value) return fail(`${key} has no value.`)
    parts.set(key, value)
  }
  const freqText = parts.get('FREQ')
  if (!freqText) return fail('FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY).')
  if (['SECONDLY', 'MINUTELY', 'HOURLY'].includes(freqText)) {
    return fail(`FREQ=${freqText} is too frequent: a series repeats at most once a day.`)
  }
  const freq = FREQUENCIES[freqText]
  if (!freq) return fail(`Unknown FREQ=${freqText}.`)
  if (parts.has('BYHOUR') || parts.has('BYMINUTE') || parts.has('BYSECOND')) {
    return fail('The time of day comes from the start: remove BYHOUR, BYMINUTE and BYSECOND.')
  }
  const rule: ParsedRule = {
    body: PART_ORDER.filter((k) => parts.has(k))
      .map((k) => `${k}=${parts.get(k)}`)
      .join(';'),
    freq,
    interval: 1,
    count: null,
    until: null,
    byDay: [],
    byMonthDay: [],
    byYearDay: [],
    byWeekNo: [],
    byMonth: [],
    bySetPos: [],
    wkst: null,
  }
  const interval = parts.get('INTERVAL')
  if (interval !== undefined) {
    if (!/^\d{1,4}$/.test(interval) || Number(interval) < 1 || Number(interval) > 1000) {
      return fail('INTERVAL must be a whole number from 1 to 1000.')
    }
    rule.interval = Number(interval)
  }
  const count = parts.get('COUNT')
  if (count !== undefined) {
    if (!/^\d{1,5}$/.test(count) || Number(count) < 1 || Number(count) > MAX_COUNT) {
      return fail(`COUNT must be a whole number from 1 to ${MAX_COUNT}.`)
    }
    rule.count = Number(count)
  }
  const until = parts.get('UNTIL')
  if (until !== undefined) {
    if (count !== undefined) return fail('Give COUNT or UNTIL, not both.')
    const parsed = parseUntil(until)
    if (typeof parsed === 'string') return fail(parsed)
    rule.until = parsed
  }
  for (const key of Object.keys(NUMBER_LISTS) as (keyof typeof NUMBER_LISTS)[]) {
    const value = parts.get(key)
    if (value === undefined) continue
    const list = parseNumberList(key, value)
    if (typeof list === 'string') return fail(list)
    if (key === 'BYMONTH') rule.byMonth = list
    else if (key === 'BYWEEKNO') rule.byWeekNo = list
    else if (key === 'BYYEARDAY') rule.byYearDay = list
    else if (key === 'BYMONTHDAY') rule.byMonthDay = list
    else rule.bySetPos = list
  }
  const byDay = parts.get('BYDAY')
  if (byDay !== undefined) {
    const days = parseByDay(byDay, freq, rule.byWeekNo.length > 0)
    if (typeof days === 'string') return fail(days)
    rule.byDay = days
  }
  const wkst = parts.get('WKST')
  if (wkst !== undefined) {
    const index = WEEKDAY_CODES.indexOf(wkst as (typeof WEEKDAY_CODES)[number])
    if (index < 0) return fail('WKST must be a day such as MO.')
    rule.wkst = index
  }
  if (freq === 'WEEKLY' && rule.byMonthDay.length) return fail('BYMONTHDAY cannot be used with FREQ=WEEKLY.')
  if (freq !== 'YEARLY' && rule.byYearDay.length) return fail('BYYEARDAY needs FREQ=YEARLY.')
  if (freq !== 'YEARLY' && rule.byWeekNo.length) return fail('BYWEEKNO needs FREQ=YEARLY.')
  if (rule.bySetPos.length) {
    if (freq !== 'MONTHLY' && freq !== 'YEARLY') return fail('BYSETPOS needs FREQ=MONTHLY or YEARLY.')
    const others = rule.byDay.length + rule.byMonthDay.length + rule.byYearDay.length + rule.byWeekNo.length
    if (!others && !rule.byMonth.length) return fail('BYSETPOS needs another BY… part to pick from.')
  }
  return { ok: true, rule }
}

function workdaysProblem(rule: ParsedRule, workdays: WorkdayPolicy): string | null {
  if (typeof workdays === 'string') {
    return ['any', 'skip', 'shift_forward'].includes(workdays)
      ? null
      : `Unknown working-day policy ${workdays}.`
  }
  const n = workdays.nthWorkingDay
  if (!Number.isInteger(n) || n === 0 || Math.abs(n) > 23) {
    return 'The working day of the month must be from 1 to 23 or from -23 to -1.'
  }
  const extra =
    rule.byDay.length +
    rule.byMonthDay.length +
    rule.byYearDay.length +
    rule.byWeekNo.length +
    rule.byMonth.length +
    rule.bySetPos.length
  if (rule.freq !== 'MONTHLY' || extra) {
    return 'A series on the n-th working day takes FREQ=MONTHLY with only INTERVAL, COUNT or UNTIL.'
  }
  return null
}

// ---------------------------------------------------------------- time zones

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The zone's offset from UTC at an instant, in ms (whole seconds). */
function offsetAt(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = Number(part.value)
  const wall = Date.UTC(
    fields.year!,
    fields.month! - 1,
    fields.day!,
    fields.hour! % 24,
    fields.minute!,
    fields.second!,
  )
  return wall - Math.floor(instant / 1000) * 1000
}

function toFloating(instant: number, timeZone: string): number {
  return instant + offsetAt(instant, timeZone)
}

/** Like Temporal's "compatible": an ambiguous time takes the earlier instant, a skipped one moves forward. */
function fromFloating(floating: number, timeZone: string): number {
  const before = offsetAt(floating - DAY_MS, timeZone)
  const after = offsetAt(floating + DAY_MS, timeZone)
  const valid = [before, after]
    .map((offset) => floating - offset)
    .filter((instant) => toFloating(instant, timeZone) === floating)
  if (valid.length) return Math.min(...valid)
  return floating - before
}

function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

function parseInstant(value: string, name: string): number {
  const ms = INSTANT_RE.test(value) ? Date.parse(value) : Number.NaN
  if (!Number.isFinite(ms))
    throw new RangeError(`${name} must be an ISO instant such as 2026-11-02T07:00:00.000Z`)
  const year = new Date(ms).getUTCFullYear()
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`${name} must be between ${MIN_YEAR} and ${MAX_YEAR}`)
  return ms
}

/** The wall-clock time of a UTC instant in a zone, as `YYYY-MM-DDTHH:mm:ss.sss` (no offset). */
export function wallClockOf(instant: string, timeZone: string): string {
  return new Date(toFloating(Date.parse(instant), timeZone)).toISOString().slice(0, 23)
}

/** The UTC instant of a wall-clock time (`YYYY-MM-DDTHH:mm[:ss[.sss]]`) in a zone: gaps forward, overlaps first. */
export function instantOfWallClock(wallClock: string, timeZone: string): string {
  const floating = Date.parse(`${wallClock}Z`)
  if (!Number.isFinite(floating) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(wallClock)) {
    throw new RangeError(`Not a wall-clock time: ${wallClock}`)
  }
  return new Date(fromFloating(floating, timeZone)).toISOString()
}

// ---------------------------------------------------------------- expansion

const RRULE_FREQ = {
  YEARLY: RRule.YEARLY,
  MONTHLY: RRule.MONTHLY,
  WEEKLY: RRule.WEEKLY,
  DAILY: RRule.DAILY,
} as const

function rruleOptions(rule: ParsedRule, dtstart: number, until: number | null): Partial<RRuleOptions> {
  const list = (values: number[]) => (values.length ? values : null)
  return {
    freq: RRULE_FREQ[rule.freq],
    interval: rule.interval,
    count: rule.count,
    until: until === null ? null : new Date(until),
    dtstart: new Date(dtstart),
    tzid: null,
    wkst: rule.wkst,
    byweekday: rule.byDay.length ? rule.byDay.map((d) => new Weekday(d.weekday, d.n ?? undefined)) : null,
    bymonth: list(rule.byMonth),
    byweekno: list(rule.byWeekNo),
    byyearday: list(rule.byYearDay),
    bymonthday: list(rule.byMonthDay),
    bysetpos: list(rule.bySetPos),
  }
}

/**
 * rrule searches up to the year 9999 for a rule that never matches (seconds of CPU for a daily one), so
 * such rules are refused up front. The Gregorian calendar repeats every 400 years (146 097 days, a whole
 * number of weeks): the probe runs the rule from the same date in the last full cycle before 9999, where
 * the search is short, and stops at the first date found.
 */
function neverOccurs(rule: ParsedRule, startFloating: number): boolean {
  const start = new Date(startFloating)
  const narrowing =
    rule.byMonthDay.length +
    rule.byYearDay.length +
    rule.byWeekNo.length +
    rule.bySetPos.length +
    rule.byDay.filter((d) => d.n !== null).length
  if (rule.freq === 'DAILY' && !rule.byMonthDay.length && (rule.interval === 1 || !narrowingDaily(rule))) {
    return false
  }
  if (rule.freq === 'WEEKLY' && !rule.byMonth.length) return false
  if (rule.freq === 'MONTHLY' && !narrowing && !rule.byMonth.length && start.getUTCDate() <= 28) return false
  const probeYear = 9200 + mod(start.getUTCFullYear() - 9200, 400)
  const probeStart = Date.UTC(
    probeYear,
    start.getUTCMonth(),
    start.getUTCDate(),
    start.getUTCHours(),
    start.getUTCMinutes(),
    start.getUTCSeconds(),
  )
  const finds = (freq: Frequency) => {
    let found = false
    new RRule(rruleOptions({ ...rule, freq, count: null, until: null }, probeStart, null)).all(() => {
      found = true
      return false
    })
    return found
  }
  if (rule.freq !== 'DAILY') return !finds(rule.freq)
  // A daily rule filtered by days picks from the same days as a yearly one, which rrule walks 366× faster;
  // only when such days exist can the interval still miss them all (every 7 days on Tuesdays from a Monday).
  if (rule.byMonthDay.length && !finds('YEARLY')) return true
  return rule.interval > 1 && !finds('DAILY')
}

function narrowingDaily(rule: ParsedRule): boolean {
  return rule.byDay.length > 0 || rule.byMonth.length > 0
}

const NEUTRAL_START = Date.UTC(2000, 0, 1)

function startFloatingOf(context: RuleContext): number {
  if (context.startsAt === undefined) return NEUTRAL_START
  const timeZone = context.timeZone ?? 'Europe/Moscow'
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone ${timeZone}`)
  const local = toFloating(parseInstant(context.startsAt, 'startsAt'), timeZone)
  return local - mod(local, 1000)
}

/**
 * Checks an RRULE body (`FREQ=WEEKLY;BYDAY=MO`, a leading `RRULE:` tolerated). On success `text` is the
 * rule normalized for storage: no prefix, upper case, parts in a fixed order.
 */
export function validateRule(rule: string, context: RuleContext = {}): RuleCheck {
  const parsed = parseRule(rule)
  if (!parsed.ok) return parsed
  const workdays = context.workdays ?? 'any'
  const problem = workdaysProblem(parsed.rule, workdays)
  if (problem) return { ok: false, problem }
  if (typeof workdays === 'string' && neverOccurs(parsed.rule, startFloatingOf(context))) {
    return { ok: false, problem: 'The rule never yields a date.' }
  }
  return { ok: true, text: parsed.rule.body }
}

type RawSource = (accept: (floating: number) => boolean) => void

function rruleSource(rule: ParsedRule, startFloating: number, until: number | null): RawSource {
  const rrule = new RRule(rruleOptions(rule, startFloating, until))
  return (accept) => {
    rrule.all((date) => accept(date.getTime()))
  }
}

function nthWorkingDaySource(
  rule: ParsedRule,
  n: number,
  startFloating: number,
  until: number | null,
  horizon: number,
  calendar: CalendarOptions,
): RawSource {
  return (accept) => {
    const start = new Date(startFloating)
    const timeOfDay = mod(startFloating, DAY_MS)
    let monthIndex = start.getUTCFullYear() * 12 + start.getUTCMonth()
    let produced = 0
    for (;;) {
      const year = Math.floor(monthIndex / 12)
      const month = (monthIndex % 12) + 1
      if (Date.UTC(year, month - 1, 1) > horizon) return
      const date = nthWorkingDayOfMonth(year, month, n, calendar)
      const floating = date === null ? null : toDayNumber(date) * DAY_MS + timeOfDay
      if (floating !== null && floating >= startFloating) {
        if (until !== null && floating > until) return
        if (!accept(floating)) return
        produced += 1
        if (rule.count !== null && produced >= rule.count) return
      }
      monthIndex += rule.interval
    }
  }
}

/**
 * Occurrences of a series within [from, to), as UTC ISO strings in order. COUNT counts the rule's own
 * dates (before `skip` or `shift_forward`); an occurrence shifted past UNTIL is kept.
 * Throws a RangeError for an invalid rule, zone or instant — check user input with `validateRule` first.
 */
export function expandOccurrences(input: ExpandOccurrencesInput): string[] {
  const { rule, timeZone, workdays = 'any', limit = 500, calendar = {} } = input
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be from 1 to ${MAX_LIMIT}`)
  }
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone ${timeZone}`)
  const startMs = parseInstant(input.startsAt, 'startsAt')
  const fromMs = parseInstant(input.from, 'from')
  const toMs = parseInstant(input.to, 'to')
  const parsed = parseRule(rule)
  if (!parsed.ok) throw new RangeError(parsed.problem)
  const problem = workdaysProblem(parsed.rule, workdays)
  if (problem) throw new RangeError(problem)
  if (toMs <= fromMs) return []

  // rrule works in whole seconds: the milliseconds of the start are put back on each occurrence.
  const startLocal = toFloating(startMs, timeZone)
  const extraMs = mod(startLocal, 1000)
  const startFloating = startLocal - extraMs
  if (typeof workdays === 'string' && neverOccurs(parsed.rule, startFloating)) return []
  // UNTIL bounds the real occurrence, milliseconds included.
  const untilRule = untilFloating(parsed.rule, timeZone)
  const until = untilRule === null ? null : untilRule - extraMs
  // Zone offsets are under a day, so a day's margin on each side holds every candidate.
  const windowStart = toFloating(fromMs, timeZone) - DAY_MS
  const windowEnd = toFloating(toMs, timeZone) + DAY_MS
  const source =
    typeof workdays === 'string'
      ? rruleSource(parsed.rule, startFloating, until)
      : nthWorkingDaySource(parsed.rule, workdays.nthWorkingDay, startFloating, until, windowEnd, calendar)
  const isWorking = (floating: number) =>
    isWorkingDay(fromDayNumber(Math.floor(floating / DAY_MS)), calendar.country ?? 'RU', calendar.overrides)

  const settle = (raw: number, next: number | null): number | null => {
    if (workdays === 'skip') return isWorking(raw) ? raw : null
    if (workdays !== 'shift_forward' || isWorking(raw)) return raw
    const day = Math.floor(raw / DAY_MS)
    const target = toDayNumber(nextWorkingDay(fromDayNumber(day), 0, calendar))
    if (next !== null && target >= Math.floor(next / DAY_MS)) return null
    return raw + (target - day) * DAY_MS
  }

  const result: string[] = []
  const emit = (floating: number | null): boolean => {
    if (floating === null || floating < windowStart || floating > windowEnd) return true
    const instant = fromFloating(floating + extraMs, timeZone)
    if (instant >= fromMs && instant < toMs) result.push(new Date(instant).toISOString())
    return result.length < limit
  }

  let pending: number | null = null
  let open = true
  source((raw) => {
    if (pending !== null) {
      // An occurrence only ever moves forward, and never onto the next one's day: with the next one
      // before the window, this one cannot land in it.
      if (raw >= windowStart) open = emit(settle(pending, raw))
      pending = null
      if (!open) return false
    }
    if (raw > windowEnd) return false
    pending = raw
    return true
  })
  if (open && pending !== null) emit(settle(pending, null))
  return result
}

function untilFloating(rule: ParsedRule, timeZone: string): number | null {
  if (!rule.until) return null
  if (rule.until.kind === 'utc') return toFloating(rule.until.value, timeZone)
  if (rule.until.kind === 'date') return rule.until.value + DAY_MS - 1
  return rule.until.value
}

// ---------------------------------------------------------------- describing

type Locale = 'ru' | 'en'
type Gender = 0 | 1 | 2 // masculine, feminine, neuter (Russian accusative forms)

const WEEKDAY_TEXT: readonly { en: string; ru: string; ruPlural: string; gender: Gender }[] = [
  { en: 'Monday', ru: 'понедельник', ruPlural: 'понедельникам', gender: 0 },
  { en: 'Tuesday', ru: 'вторник', ruPlural: 'вторникам', gender: 0 },
  { en: 'Wednesday', ru: 'среду', ruPlural: 'средам', gender: 1 },
  { en: 'Thursday', ru: 'четверг', ruPlural: 'четвергам', gender: 0 },
  { en: 'Friday', ru: 'пятницу', ruPlural: 'пятницам', gender: 1 },
  { en: 'Saturday', ru: 'субботу', ruPlural: 'субботам', gender: 1 },
  { en: 'Sunday', ru: 'воскресенье', ruPlural: 'воскресеньям', gender: 2 },
]
const MONTHS_EN = 'January February March April May June July August September October November December'
const MONTHS_RU_GENITIVE = 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'
const MONTHS_RU_PREPOSITIONAL =
  'январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре'
const RU_EACH = ['каждый', 'каждую', 'каждое'] as const
const RU_ORDINALS: Record<number, readonly [string, string, string]> = {
  1: ['первый', 'первую', 'первое'],
  2: ['второй', 'вторую', 'второе'],
  3: ['третий', 'третью', 'третье'],
  4: ['четвёртый', 'четвёртую', 'четвёртое'],
  5: ['пятый', 'пятую', 'пятое'],
  [-1]: ['последний', 'последнюю', 'последнее'],
  [-2]: ['предпоследний', 'предпоследнюю', 'предпоследнее'],
}
const EN_ORDINALS: Record<number, string> = {
  1: 'first',
  2: 'second',
  3: 'third',
  4: 'fourth',
  5: 'fifth',
  [-1]: 'last',
  [-2]: 'second to last',
}
const UNITS = {
  day: { ru: ['день', 'дня', 'дней'], gender: 0 },
  week: { ru: ['неделю', 'недели', 'недель'], gender: 1 },
  month: { ru: ['месяц', 'месяца', 'месяцев'], gender: 0 },
  year: { ru: ['год', 'года', 'лет'], gender: 0 },
} as const

const word = (list: string, index: number) => list.split(' ')[index] ?? ''
const joinList = (locale: Locale, items: string[]) =>
  new Intl.ListFormat(locale === 'ru' ? 'ru' : 'en-GB', { style: 'long', type: 'conjunction' }).format(items)

function ruForm(n: number, forms: readonly [string, string, string] | readonly string[]): string {
  const category = new Intl.PluralRules('ru').select(n)
  return forms[category === 'one' ? 0 : category === 'few' ? 1 : 2] ?? ''
}

function enNumberOrdinal(n: number): string {
  const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th', zero: 'th', many: 'th' }
  return `${n}${suffix[new Intl.PluralRules('en', { type: 'ordinal' }).select(n)]}`
}

function ordinal(locale: Locale, n: number, gender: Gender = 0): string {
  if (locale === 'ru') {
    const known = RU_ORDINALS[n]
    if (known) return known[gender]
    const ending = ['й', 'ю', 'е'][gender]
    return n > 0 ? `${n}-${ending}` : `${-n}-${ending} с конца`
  }
  return EN_ORDINALS[n] ?? (n > 0 ? enNumberOrdinal(n) : `${enNumberOrdinal(-n)} to last`)
}

function every(locale: Locale, unit: keyof typeof UNITS, interval: number): string {
  if (locale === 'en') return interval === 1 ? `every ${unit}` : `every ${interval} ${unit}s`
  const { ru, gender } = UNITS[unit]
  if (interval === 1) return `${RU_EACH[gender]} ${ru[0]}`
  const form = ruForm(interval, ru)
  return form === ru[0] ? `${RU_EACH[gender]} ${interval} ${form}` : `каждые ${interval} ${form}`
}

const isWorkweek = (days: ByDay[]) =>
  days.length === 5 &&
  days.every((d) => d.n === null && d.weekday < 5) &&
  new Set(days.map((d) => d.weekday)).size === 5

function weekdaysPhrase(locale: Locale, days: ByDay[], interval: number): string {
  const sorted = [...days].sort((a, b) => a.weekday - b.weekday)
  const text = sorted.map((d) => WEEKDAY_TEXT[d.weekday]!)
  if (locale === 'en') {
    if (interval === 1)
      return isWorkweek(days)
        ? 'every weekday'
        : `every ${joinList(
            'en',
            text.map((t) => t.en),
          )}`
    return `${every('en', 'week', interval)} on ${
      isWorkweek(days)
        ? 'weekdays'
        : joinList(
            'en',
            text.map((t) => t.en),
          )
    }`
  }
  const onDays = isWorkweek(days)
    ? 'по будним дням'
    : `по ${joinList(
        'ru',
        text.map((t) => t.ruPlural),
      )}`
  if (interval > 1) return `${every('ru', 'week', interval)} ${onDays}`
  if (text.length === 1) return `${RU_EACH[text[0]!.gender]} ${text[0]!.ru}`
  return onDays
}

/** "the first Monday" / "первый понедельник", or the n-th weekday (Mon–Fri) when `days` is the work week. */
function nthDayPhrase(locale: Locale, days: ByDay[], setPos: number[]): string | null {
  if (setPos.length > 1) return null
  if (setPos.length === 1 && isWorkweek(days)) {
    return locale === 'ru'
      ? `${ordinal('ru', setPos[0]!)} будний день`
      : `${ordinal('en', setPos[0]!)} weekday`
  }
  if (days.length !== 1) return null
  const day = days[0]!
  const n = setPos.length === 1 ? (day.n === null ? setPos[0]! : null) : day.n
  if (n === null) return null
  const text = WEEKDAY_TEXT[day.weekday]!
  return locale === 'ru' ? `${ordinal('ru', n, text.gender)} ${text.ru}` : `${ordinal('en', n)} ${text.en}`
}

function monthlyPhrase(locale: Locale, rule: ParsedRule): string | null {
  const base = every(locale, 'month', rule.interval)
  if (rule.byMonth.length || rule.byYearDay.length || rule.byWeekNo.length) return null
  if (rule.byMonthDay.length && (rule.byDay.length || rule.bySetPos.length)) return null
  if (rule.byMonthDay.length) {
    const days = [...rule.byMonthDay].sort((a, b) => a - b)
    if (days.length === 1 && days[0]! < 0) {
      return locale === 'ru'
        ? `${base} в ${ordinal('ru', days[0]!)} день`
        : `${base} on the ${ordinal('en', days[0]!)} day`
    }
    if (days.some((d) => d < 0)) return null
    return locale === 'ru'
      ? `${base} ${joinList(
          'ru',
          days.map((d) => `${d}-го`),
        )} числа`
      : `${base} on the ${joinList('en', days.map(enNumberOrdinal))}`
  }
  if (!rule.byDay.length) return rule.bySetPos.length ? null : base
  const nth = nthDayPhrase(locale, rule.byDay, rule.bySetPos)
  if (nth === null) return null
  return locale === 'ru' ? `${base} в ${nth}` : `${base} on the ${nth}`
}

function yearlyPhrase(locale: Locale, rule: ParsedRule): string | null {
  const base = every(locale, 'year', rule.interval)
  if (rule.byYearDay.length || rule.byWeekNo.length || rule.byMonth.length > 1) return null
  const month = rule.byMonth[0]
  if (month === undefined) {
    return rule.byDay.length || rule.byMonthDay.length || rule.bySetPos.length ? null : base
  }
  if (rule.byMonthDay.length) {
    const day = rule.byMonthDay[0]!
    if (rule.byMonthDay.length > 1 || day < 0 || rule.byDay.length || rule.bySetPos.length) return null
    return locale === 'ru'
      ? `${base} ${day} ${word(MONTHS_RU_GENITIVE, month - 1)}`
      : `${base} on ${day} ${word(MONTHS_EN, month - 1)}`
  }
  if (rule.byDay.length) {
    const nth = nthDayPhrase(locale, rule.byDay, rule.bySetPos)
    if (nth === null) return null
    return locale === 'ru'
      ? `${base} в ${nth} ${word(MONTHS_RU_GENITIVE, month - 1)}`
      : `${base} on the ${nth} of ${word(MONTHS_EN, month - 1)}`
  }
  if (rule.bySetPos.length) return null
  return locale === 'ru'
    ? `${base} в ${word(MONTHS_RU_PREPOSITIONAL, month - 1)}`
    : `${base} in ${word(MONTHS_EN, month - 1)}`
}

function frequencyPhrase(locale: Locale, rule: ParsedRule, workdays: WorkdayPolicy): string | null {
  if (typeof workdays !== 'string') {
    const n = workdays.nthWorkingDay
    const base = every(locale, 'month', rule.interval)
    return locale === 'ru'
      ? `${base} в ${ordinal('ru', n)} рабочий день`
      : `${base} on the ${ordinal('en', n)} working day`
  }
  const others =
    rule.byMonthDay.length +
    rule.byYearDay.length +
    rule.byWeekNo.length +
    rule.byMonth.length +
    rule.bySetPos.length
  switch (rule.freq) {
    case 'DAILY':
      if (others) return null
      if (!rule.byDay.length) return every(locale, 'day', rule.interval)
      return rule.interval === 1 ? weekdaysPhrase(locale, rule.byDay, 1) : null
    case 'WEEKLY':
      if (others) return null
      return rule.byDay.length
        ? weekdaysPhrase(locale, rule.byDay, rule.interval)
        : every(locale, 'week', rule.interval)
    case 'MONTHLY':
      return monthlyPhrase(locale, rule)
    case 'YEARLY':
      return yearlyPhrase(locale, rule)
  }
}

function untilPhrase(locale: Locale, rule: ParsedRule, timeZone: string): string | null {
  const until = untilFloating(rule, timeZone)
  if (until === null) return null
  const date = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(until)
  return locale === 'ru' ? `до ${date}` : `until ${date}`
}

/**
 * A human text for a rule: "каждый понедельник", "every Monday", "каждый месяц в первый рабочий день".
 * Rules outside the common cases come back as their RRULE text (or rrule's English text).
 */
export function describeRule(rule: string, locale: Locale, options: DescribeOptions = {}): string {
  const parsed = parseRule(rule)
  if (!parsed.ok) return rule.trim()
  const r = parsed.rule
  const workdays = options.workdays ?? 'any'
  const timeZone = options.timeZone ?? 'Europe/Moscow'
  const phrase = workdaysProblem(r, workdays) === null ? frequencyPhrase(locale, r, workdays) : null
  if (phrase === null) {
    if (locale === 'en' && r.until === null && typeof workdays === 'string') {
      const fallback = new RRule(rruleOptions(r, NEUTRAL_START, null))
      if (fallback.isFullyConvertibleToText()) return fallback.toText()
    }
    return `RRULE:${r.body}`
  }
  const parts = [phrase]
  if (workdays === 'shift_forward') {
    parts.push(
      locale === 'ru'
        ? 'с переносом на следующий рабочий день'
        : 'moved to the next working day when it falls on a day off',
    )
  }
  if (workdays === 'skip') parts.push(locale === 'ru' ? 'кроме нерабочих дней' : 'except days off')
  if (r.count !== null) {
    parts.push(
      locale === 'ru'
        ? `${r.count} ${ruForm(r.count, ['раз', 'раза', 'раз'])}`
        : r.count === 1
          ? 'once'
          : `${r.count} times`,
    )
  }
  const until = untilPhrase(locale, r, timeZone)
  if (until) parts.push(until)
  return parts.join(', ')
}
