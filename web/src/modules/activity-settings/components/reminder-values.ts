import type { ActivityType, ReminderSettings } from '@mmcrm/server/api-types'
import { normalizeOffsets } from './reminder-offsets.ts'

export type ReminderChannel = ReminderSettings['channels'][number]
export const REMINDER_CHANNELS: readonly ReminderChannel[] = ['app', 'email']

/** A type's reminders in the form: its own offsets, or (own = false) the general default for activities. */
export interface TypeReminderRow {
  own: boolean
  offsets: number[]
}

export interface ReminderFormValues {
  channels: ReminderChannel[]
  activity: number[]
  task: number[]
  byType: Record<string, TypeReminderRow>
}

/** The types that get a row: the active ones, in their order. */
export function reminderTypes(types: readonly ActivityType[] | undefined): ActivityType[] {
  return (types ?? []).filter((t) => t.isActive)
}

export function reminderFormValues(
  settings: ReminderSettings,
  types: readonly ActivityType[],
): ReminderFormValues {
  const byType: Record<string, TypeReminderRow> = {}
  for (const { code } of types) {
    const own = settings.byType[code]
    byType[code] = own ? { own: true, offsets: normalizeOffsets(own) } : { own: false, offsets: [] }
  }
  return {
    channels: REMINDER_CHANNELS.filter((c) => settings.channels.includes(c)),
    activity: normalizeOffsets(settings.activity),
    task: normalizeOffsets(settings.task),
    byType,
  }
}

/**
 * The settings to save. Types shown in the form take their row (own offsets, possibly none; or the
 * default, which drops the type's entry); types not shown (hidden ones) keep what was saved for them.
 */
export function reminderSettingsOf(
  values: ReminderFormValues,
  saved: ReminderSettings,
  shownCodes: readonly string[],
): ReminderSettings {
  const byType: Record<string, number[]> = {}
  for (const [code, offsets] of Object.entries(saved.byType)) {
    if (!shownCodes.includes(code)) byType[code] = offsets
  }
  for (const code of shownCodes) {
    const row = values.byType?.[code]
    if (row?.own) byType[code] = normalizeOffsets(row.offsets ?? [])
  }
  return {
    channels: REMINDER_CHANNELS.filter((c) => (values.channels ?? []).includes(c)),
    activity: normalizeOffsets(values.activity ?? []),
    task: normalizeOffsets(values.task ?? []),
    byType,
  }
}
