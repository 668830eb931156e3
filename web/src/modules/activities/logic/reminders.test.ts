import { describe, expect, it } from 'vitest'
import {
  formatReminderAmount,
  normalizeReminders,
  reminderAmount,
  sameReminders,
  sortedReminders,
} from './reminders.ts'

describe('reminders', () => {
  it('words an offset in its largest whole unit', () => {
    expect(reminderAmount(15)).toEqual({ value: 15, unit: 'minute' })
    expect(reminderAmount(90)).toEqual({ value: 90, unit: 'minute' })
    expect(reminderAmount(120)).toEqual({ value: 2, unit: 'hour' })
    expect(reminderAmount(2880)).toEqual({ value: 2, unit: 'day' })
    expect(formatReminderAmount(60, 'en')).toBe('1 hour')
    expect(formatReminderAmount(2880, 'ru')).toBe('2 дня')
  })

  it('keeps offsets unique, in order and within the server’s limits', () => {
    expect(normalizeReminders([60, 0, 60, -5, 50_000, 15.5, 1440, 15, 30, 45])).toEqual([0, 15, 30, 45, 60])
    expect(sortedReminders([1440, 0, 15, 60, 2, 90])).toEqual([0, 2, 15, 60, 90, 1440])
    expect(sameReminders([60, 15], [15, 60])).toBe(true)
    expect(sameReminders([60], [15, 60])).toBe(false)
  })
})
