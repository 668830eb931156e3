import type { RecurrenceInput } from '@mmcrm/server/api-types'
import type { Dayjs } from 'dayjs'

/** The repeat choices the forms offer; `custom` takes an RRULE body as typed. */
export const REPEAT_KINDS = [
  'none',
  'daily',
  'workdays',
  'weekly',
  'monthly',
  'firstWorkingDay',
  'lastWorkingDay',
  'custom',
] as const
export type RepeatKind = (typeof REPEAT_KINDS)[number]

/** RFC 5545 weekday codes, Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** What happens to an occurrence on a day off: kept, moved to the next working day, or dropped. */
export type WorkdayPolicy = 'any' | 'shift_forward' | 'skip'
export type RepeatEnd = 'never' | 'count' | 'until'

export interface RepeatValue {
  kind: RepeatKind
  /** Every n days, weeks or months. */
  interval: number
  /** For `weekly`; empty means the start's weekday. */
  weekdays: Weekday[]
  /** For `custom`: the RRULE body, such as `FREQ=WEEKLY;BYDAY=MO`. */
  rule: string
  workdays: WorkdayPolicy
  end: RepeatEnd
  count?: number | null
  /** The last day (`YYYY-MM-DD`, the employee's calendar day), inclusive. */
  until?: string | null
}

export const NO_REPEAT: RepeatValue = {
  kind: 'none',
  interval: 1,
  weekdays: [],
  rule: '',
  workdays: 'any',
  end: 'never',
}

/** The weekday code of a (wall-clock) day. */
export function weekdayOf(day: Dayjs): Weekday {
  return WEEKDAYS[(day.day() + 6) % 7]!
}

/** Kinds that repeat with a frequency the interval, day-off policy and end apply to. */
export function hasInterval(kind: RepeatKind): boolean {
  return kind === 'daily' || kind === 'weekly' || kind === 'monthly'
}

function endParts(value: RepeatValue): string[] {
  if (value.end === 'count' && value.count && value.count > 0) return [`COUNT=${Math.floor(value.count)}`]
  if (value.end === 'until' && value.until && /^\d{4}-\d{2}-\d{2}$/.test(value.until))
    return [`UNTIL=${value.until.replaceAll('-', '')}`]
  return []
}

function intervalPart(value: RepeatValue): string[] {
  const n = Math.floor(value.interval || 1)
  return n > 1 ? [`INTERVAL=${n}`] : []
}

/**
 * The series the server takes for the choices made, starting at `start` (the first occurrence, as the
 * employee's wall-clock time); undefined for "does not repeat".
 */
export function buildRecurrence(value: RepeatValue, start: Dayjs): RecurrenceInput | undefined {
  const rule = (...parts: string[]) => [...parts, ...endParts(value)].join(';')
  switch (value.kind) {
    case 'none':
      return undefined
    case 'daily':
      return { rule: rule('FREQ=DAILY', ...intervalPart(value)), workdays: value.workdays }
    case 'workdays':
      return { rule: rule('FREQ=DAILY'), workdays: 'skip' }
    case 'weekly': {
      const chosen = value.weekdays.length ? value.weekdays : [weekdayOf(start)]
      const days = WEEKDAYS.filter((d) => chosen.includes(d))
      return {
        rule: rule('FREQ=WEEKLY', ...intervalPart(value), `BYDAY=${days.join(',')}`),
        workdays: value.workdays,
      }
    }
    case 'monthly':
      return {
        rule: rule('FREQ=MONTHLY', ...intervalPart(value), `BYMONTHDAY=${start.date()}`),
        workdays: value.workdays,
      }
    case 'firstWorkingDay':
      return { rule: rule('FREQ=MONTHLY'), workdays: 'any', nthWorkingDay: 1 }
    case 'lastWorkingDay':
      return { rule: rule('FREQ=MONTHLY'), workdays: 'any', nthWorkingDay: -1 }
    case 'custom':
      return {
        rule: value.rule
          .trim()
          .replace(/^RRULE:/i, '')
          .trim(),
        workdays: value.workdays,
      }
  }
}
