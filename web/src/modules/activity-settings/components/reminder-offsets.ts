/** Reminder offsets: minutes before an activity's start or a task's due time (0 = at the time). */

/** What the pickers offer first: at the time, 5, 10, 15, 30 min, 1 h, 2 h, 1 day, 2 days. */
export const OFFSET_PRESETS: readonly number[] = [0, 5, 10, 15, 30, 60, 120, 1440, 2880]
/** The server keeps up to five reminders of up to 30 days each. */
export const MAX_OFFSETS = 5
export const MAX_OFFSET_MIN = 43_200

export const OFFSET_UNITS = ['minutes', 'hours', 'days'] as const
export type OffsetUnit = (typeof OFFSET_UNITS)[number]
export const UNIT_MINUTES: Record<OffsetUnit, number> = { minutes: 1, hours: 60, days: 1440 }

/** The largest unit that measures an offset exactly: 90 → 90 minutes, 120 → 2 hours, 2880 → 2 days. */
export function offsetParts(minutes: number): { count: number; unit: OffsetUnit } {
  if (minutes > 0 && minutes % UNIT_MINUTES.days === 0) return { count: minutes / 1440, unit: 'days' }
  if (minutes > 0 && minutes % UNIT_MINUTES.hours === 0) return { count: minutes / 60, unit: 'hours' }
  return { count: minutes, unit: 'minutes' }
}

/** A custom offset typed as a count of units, in minutes; null when it is not a whole 1 min … 30 days. */
export function toMinutes(count: number | null | undefined, unit: OffsetUnit): number | null {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return null
  const minutes = count * UNIT_MINUTES[unit]
  return minutes <= MAX_OFFSET_MIN ? minutes : null
}

/** Distinct whole offsets within range, soonest-to-the-time last (at the time, 15 min, 1 day…). */
export function normalizeOffsets(values: readonly number[]): number[] {
  const valid = values.filter((v) => Number.isInteger(v) && v >= 0 && v <= MAX_OFFSET_MIN)
  return [...new Set(valid)].sort((a, b) => a - b).slice(0, MAX_OFFSETS)
}

/** The choices a picker lists: the presets plus any custom offsets already chosen, in order. */
export function offsetChoices(selected: readonly number[]): number[] {
  return [...new Set([...OFFSET_PRESETS, ...selected])].sort((a, b) => a - b)
}

type Translate = (key: string, options?: { count: number }) => string

/** `за 15 минут` / `15 minutes before`, or `at the time` for 0. */
export function offsetLabel(minutes: number, t: Translate): string {
  if (minutes === 0) return t('reminderSettings.offsets.atTime')
  const { count, unit } = offsetParts(minutes)
  return t(`reminderSettings.offsets.${unit}`, { count })
}

/** Several offsets in one line, or the words for none. */
export function offsetsText(minutes: readonly number[], t: Translate): string {
  if (minutes.length === 0) return t('reminderSettings.none')
  return normalizeOffsets(minutes)
    .map((m) => offsetLabel(m, t))
    .join(', ')
}
