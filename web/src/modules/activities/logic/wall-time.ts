import dayjs, { type Dayjs } from 'dayjs'
import { zonedWallTimeToIso } from '../../../ui/format.ts'

/**
 * Date pickers work in the browser's zone; the employee works in their own (set in the profile). A
 * picker value here is the employee's wall-clock time carried by a browser-local Dayjs: 10:00 on the
 * picker is 10:00 in the employee's zone, whatever zone the browser is in.
 */

/** The wall-clock parts of an instant in a zone. */
export function wallParts(value: string | number | Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(value instanceof Date ? value : new Date(value))
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
  }
}

/** An instant as the picker shows it: its wall-clock time in `timeZone`. */
export function wallFromIso(value: string | number | Date, timeZone: string): Dayjs {
  const p = wallParts(value, timeZone)
  return dayjs(new Date(p.year, p.month - 1, p.day, p.hour, p.minute))
}

/** The picker's wall-clock time in `timeZone` as an ISO instant (UTC, `…Z`). */
export function isoFromWall(wall: Dayjs, timeZone: string): string {
  return zonedWallTimeToIso(wall.format('YYYY-MM-DD'), timeZone, wall.hour(), wall.minute())
}

/** Now on the employee's clock. */
export function wallNow(timeZone: string, now: Date = new Date()): Dayjs {
  return wallFromIso(now, timeZone)
}

/** The next full quarter of an hour on the employee's clock (a sensible default start). */
export function nextQuarter(timeZone: string, now: Date = new Date()): Dayjs {
  const wall = wallNow(timeZone, now).second(0).millisecond(0)
  const rest = wall.minute() % 15
  return wall.add(15 - rest, 'minute')
}
