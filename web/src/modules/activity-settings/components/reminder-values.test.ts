import type { ActivityType, ReminderSettings } from '@mmcrm/server/api-types'
import { describe, expect, it } from 'vitest'
import { reminderFormValues, reminderSettingsOf, reminderTypes } from './reminder-values.ts'

const type = (code: string, isActive = true) => ({ code, isActive }) as ActivityType
const saved: ReminderSettings = {
  channels: ['email', 'app'],
  activity: [15],
  byType: { meeting: [60], visit: [1440, 60], archived: [5] },
  task: [0],
}

describe('reminder settings in the form', () => {
  const shown = reminderTypes([type('call'), type('meeting'), type('visit'), type('archived', false)])

  it('lists the active types, with their own offsets or the default', () => {
    expect(shown.map((t) => t.code)).toEqual(['call', 'meeting', 'visit'])
    const values = reminderFormValues(saved, shown)
    expect(values.byType).toEqual({
      call: { own: false, offsets: [] },
      meeting: { own: true, offsets: [60] },
      visit: { own: true, offsets: [60, 1440] },
    })
    expect(values.channels).toEqual(['app', 'email'])
  })

  it('saves back what was loaded, keeping the hidden types’ own offsets', () => {
    const back = reminderSettingsOf(reminderFormValues(saved, shown), saved, ['call', 'meeting', 'visit'])
    expect(back).toEqual({
      channels: ['app', 'email'],
      activity: [15],
      byType: { archived: [5], meeting: [60], visit: [60, 1440] },
      task: [0],
    })
  })

  it('drops a type set back to the default, and keeps "own, none" as no reminders', () => {
    const values = reminderFormValues(saved, shown)
    values.byType.meeting = { own: false, offsets: [60] }
    values.byType.call = { own: true, offsets: [] }
    const back = reminderSettingsOf(values, saved, ['call', 'meeting', 'visit'])
    expect(back.byType).toEqual({ archived: [5], call: [], visit: [60, 1440] })
  })
})
