import { intlLocale } from '../../../ui/format.ts'

/** The offsets offered at once: at the time, 15 minutes, an hour and a day before. */
export const PRESET_REMINDERS = [0, 15, 60, 1440] as const

/** The server takes up to five reminders, each up to 30 days before. */
export const MAX_REMINDERS = 5
export const MAX_REMINDER_MINUTES = 43_200

/** An offset as an amount in the largest whole unit: 1440 → 1 day, 90 → 90 minutes. */
export function reminderAmount(minutes: number): { value: number; unit: 'minute' | 'hour' | 'day' } {
  if (minutes > 0 && minutes % 1440 === 0) return { value: minutes / 1440, unit: 'day' }
  if (minutes > 0 && minutes % 60 === 0) return { value: minutes / 60, unit: 'hour' }
  return { value: minutes, unit: 'minute' }
}

/** `15 минут`, `1 hour`, `2 дня`: the amount worded by Intl in the UI language. */
export function formatReminderAmount(minutes: number, language: string): string {
  const { value, unit } = reminderAmount(minutes)
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit, unitDisplay: 'long' }).format(
    value,
  )
}

/** Valid offsets in order, without repeats. */
export function sortedReminders(values: readonly number[]): number[] {
  return [...new Set(values.filter((v) => Number.isInteger(v) && v >= 0 && v <= MAX_REMINDER_MINUTES))].sort(
    (a, b) => a - b,
  )
}

/** Offsets in order, without repeats, within the server's limits (at most five). */
export function normalizeReminders(values: readonly number[]): number[] {
  return sortedReminders(values).slice(0, MAX_REMINDERS)
}

/** True when two sets of offsets are the same (order aside). */
export function sameReminders(a: readonly number[], b: readonly number[]): boolean {
  const x = normalizeReminders(a)
  const y = normalizeReminders(b)
  return x.length === y.length && x.every((v, i) => v === y[i])
}
