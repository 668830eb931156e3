import { zonedDate, zonedWallTimeToIso } from '../../../ui/format.ts'

/** The calendar's views; the URL and the toolbar speak these names. */
export const CALENDAR_VIEWS = ['day', 'week', 'month'] as const
export type CalendarView = (typeof CALENDAR_VIEWS)[number]

/** FullCalendar's name of each view. */
export const FULLCALENDAR_VIEW: Readonly<Record<CalendarView, string>> = {
  day: 'timeGridDay',
  week: 'timeGridWeek',
  month: 'dayGridMonth',
}

export function isCalendarView(value: unknown): value is CalendarView {
  return typeof value === 'string' && (CALENDAR_VIEWS as readonly string[]).includes(value)
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** A `YYYY-MM-DD` that is a real date. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

/** `date` moved by whole days (calendar days: no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = parse(date)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The Monday of the week `date` falls in (weeks start on Monday here). */
export function startOfWeek(date: string): string {
  const weekday = (parse(date).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return addDays(date, -weekday)
}

/** The days a view shows around `date`, as `[start, end)`: a month shows six whole weeks, as the calendar does. */
export function visibleDays(view: CalendarView, date: string): { start: string; end: string } {
  if (view === 'day') return { start: date, end: addDays(date, 1) }
  if (view === 'week') {
    const start = startOfWeek(date)
    return { start, end: addDays(start, 7) }
  }
  const start = startOfWeek(`${date.slice(0, 8)}01`)
  return { start, end: addDays(start, 42) }
}

/** The date one step before or after in a view: a day, a week, or the first of the next or previous month. */
export function stepDate(view: CalendarView, date: string, step: 1 | -1): string {
  if (view === 'day') return addDays(date, step)
  if (view === 'week') return addDays(date, 7 * step)
  const d = parse(`${date.slice(0, 8)}01`)
  d.setUTCMonth(d.getUTCMonth() + step)
  return d.toISOString().slice(0, 10)
}

/** The instants (UTC ISO) a range of days covers in the employee's time zone: what the API is asked for. */
export function instantRange(
  days: { start: string; end: string },
  timeZone: string,
): { from: string; to: string } {
  return { from: zonedWallTimeToIso(days.start, timeZone), to: zonedWallTimeToIso(days.end, timeZone) }
}

/** Today in the employee's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return zonedDate(now, timeZone)
}

/** What the toolbar says: `пятница, 27 ноября 2026 г.`, `23–29 нояб. 2026 г.`, `ноябрь 2026 г.`. */
export function periodTitle(view: CalendarView, date: string, language: string): string {
  const locale = language === 'ru' ? 'ru-RU' : 'en-GB'
  // Dates without a time of day: read and written in UTC so no zone moves them.
  if (view === 'day') {
    return new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(parse(date))
  }
  if (view === 'week') {
    const start = startOfWeek(date)
    return new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).formatRange(parse(start), parse(addDays(start, 6)))
  }
  const month = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    parse(date),
  )
  return month.charAt(0).toLocaleUpperCase(locale) + month.slice(1)
}
