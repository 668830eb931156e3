import type { Dayjs } from 'dayjs'
import { isoFromWall, wallFromIso } from './wall-time.ts'

/** Saturday and Sunday (the production calendar's holidays are the server's to apply). */
export function isWeekend(day: Dayjs): boolean {
  return day.day() === 0 || day.day() === 6
}

/** The first Monday-to-Friday day after `day`. */
export function nextWorkingDay(day: Dayjs): Dayjs {
  let next = day.add(1, 'day')
  while (isWeekend(next)) next = next.add(1, 'day')
  return next
}

/**
 * When to plan the next activity after completing one: the next working day after today (or after the
 * activity's own day, if it was planned ahead), at the same time of day as the activity, in the
 * employee's zone. Returned as the picker's wall-clock value.
 */
export function proposeNextStart(activityStartsAt: string, timeZone: string, now: Date = new Date()): Dayjs {
  const planned = wallFromIso(activityStartsAt, timeZone)
  const today = wallFromIso(now, timeZone).startOf('day')
  const base = planned.startOf('day').isAfter(today) ? planned.startOf('day') : today
  return nextWorkingDay(base).hour(planned.hour()).minute(planned.minute()).second(0).millisecond(0)
}

/** The same proposal as an ISO instant. */
export function proposeNextStartIso(
  activityStartsAt: string,
  timeZone: string,
  now: Date = new Date(),
): string {
  return isoFromWall(proposeNextStart(activityStartsAt, timeZone, now), timeZone)
}
