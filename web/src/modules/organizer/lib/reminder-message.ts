import type { EscalationNotificationPayload, ReminderNotificationPayload } from '@mmcrm/server/api-types'
import { type FormatSettings, intlLocale } from '../../../ui/format.ts'

/** A headline as a catalogue key and its values (the same shape the bell uses). */
export interface ReminderText {
  key: string
  values: Record<string, string | number>
}

type Payload = Readonly<Record<string, unknown>>

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function int(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null
}

function typeName(value: unknown): { ru: string; en: string } | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  return { ru: text(v.ru), en: text(v.en) }
}

/** A `reminder` notification's payload, checked field by field (it is stored JSON); null when unusable. */
export function readReminderPayload(p: Payload): ReminderNotificationPayload | null {
  const reminderId = int(p.reminderId)
  const targetId = int(p.targetId)
  if (reminderId === null || targetId === null || !text(p.at)) return null
  return {
    reminderId,
    targetType: p.targetType === 'task' ? 'task' : 'activity',
    targetId,
    title: text(p.title),
    typeName: typeName(p.typeName),
    clientName: text(p.clientName) || null,
    at: text(p.at),
    offsetMin: int(p.offsetMin) ?? 0,
    late: p.late === true,
  }
}

/** An `escalation` notification's payload, checked field by field; null when unusable. */
export function readEscalationPayload(p: Payload): EscalationNotificationPayload | null {
  const targetId = int(p.targetId)
  if (targetId === null) return null
  const type = typeName(p.typeName)
  return {
    targetType: p.targetType === 'task' ? 'task' : 'activity',
    targetId,
    title: text(p.title),
    ...(type ? { typeName: type } : {}),
    at: text(p.at),
    clientName: text(p.clientName) || null,
    performer: text(p.performer),
  }
}

function localized(name: { ru: string; en: string } | null | undefined, language: string): string {
  if (!name) return ''
  return (language === 'ru' ? name.ru : name.en) || name.ru || name.en
}

/** `27 нояб., 14:30` / `27 Nov, 14:30` in the employee's zone. */
export function shortDateTime(at: string, s: FormatSettings): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return ''
  return new Intl.DateTimeFormat(intlLocale(s.language), {
    timeZone: s.timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d)
}

/**
 * How far off, in words: `через 15 минут`, `через 1 час`, `через 1 день`, `45 минут назад` / `in 15 minutes`…
 * Whole hours and days when the span is one; long spans are rounded.
 */
export function leadTime(minutes: number, language: string): string {
  const f = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'always' })
  const abs = Math.abs(minutes)
  if (abs >= 1440 && minutes % 1440 === 0) return f.format(minutes / 1440, 'day')
  if (abs >= 60 && minutes % 60 === 0) return f.format(minutes / 60, 'hour')
  if (abs < 180) return f.format(minutes, 'minute')
  if (abs < 2880) return f.format(Math.round(minutes / 60), 'hour')
  return f.format(Math.round(minutes / 1440), 'day')
}

/**
 * Minutes from the notification to the time it reminds of. Counted from when it was created rather than
 * from the reminder's offset: a snoozed reminder fires again nearer the time (or after it).
 */
export function minutesUntil(
  p: Pick<ReminderNotificationPayload, 'at' | 'offsetMin'>,
  createdAt?: string,
): number {
  const at = new Date(p.at).getTime()
  const from = createdAt ? new Date(createdAt).getTime() : Number.NaN
  if (Number.isNaN(at) || Number.isNaN(from)) return p.offsetMin
  return Math.round((at - from) / 60_000)
}

/** «Звонок: ООО «Ромашка»»: the activity's type and whom it is with (or what it is about). */
function activityWhat(type: string, clientName: string | null, title: string): string {
  return [type, clientName || title].filter(Boolean).join(': ')
}

/**
 * A reminder's headline in the reader's language: «Звонок: ООО «Ромашка» — через 15 минут», at the time
 * itself «… — сейчас», and, when it fired late (the CRM was down), the time it was for, marked late.
 * `createdAt` is the notification's: how far off the time was when it fired.
 */
export function reminderText(
  p: ReminderNotificationPayload,
  s: FormatSettings,
  createdAt?: string,
): ReminderText {
  const kind = p.targetType
  const what =
    kind === 'task' ? p.title : activityWhat(localized(p.typeName, s.language), p.clientName, p.title)
  if (p.late) {
    return { key: `notifications.reminder.${kind}.late`, values: { what, time: shortDateTime(p.at, s) } }
  }
  const minutes = minutesUntil(p, createdAt)
  if (minutes === 0) return { key: `notifications.reminder.${kind}.now`, values: { what } }
  return { key: `notifications.reminder.${kind}.soon`, values: { what, when: leadTime(minutes, s.language) } }
}

/** What a team head reads when a colleague's activity or task stays overdue. */
export function escalationText(p: EscalationNotificationPayload, s: FormatSettings): ReminderText {
  const what =
    p.targetType === 'task' ? p.title : activityWhat(localized(p.typeName, s.language), p.clientName, p.title)
  return {
    key: `notifications.escalation.${p.targetType}`,
    values: { what, performer: p.performer, time: shortDateTime(p.at, s) },
  }
}

/**
 * The line under the headline: what the headline left out (the activity's title when the client was named,
 * a task's client) and, unless the headline already has it, the time.
 */
export function reminderDetail(
  p: Pick<ReminderNotificationPayload, 'targetType' | 'title' | 'clientName' | 'at'> & { late?: boolean },
  s: FormatSettings,
  withTime: boolean,
): string {
  const extra = p.targetType === 'task' ? p.clientName : p.clientName ? p.title : ''
  return [extra, withTime && !p.late ? shortDateTime(p.at, s) : ''].filter(Boolean).join(' · ')
}

/** Snooze choices of the reminder pop-up, in minutes. */
export const SNOOZE_MINUTES = [10, 60] as const

/** A snooze in the unit its button names: `10 мин`, `1 ч` (catalogue keys `reminders.snooze.<unit>`). */
export function snoozeSpan(minutes: number): { unit: 'minutes' | 'hours'; n: number } {
  return minutes >= 60 && minutes % 60 === 0
    ? { unit: 'hours', n: minutes / 60 }
    : { unit: 'minutes', n: minutes }
}
