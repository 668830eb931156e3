import type { AppNotification } from '@mmcrm/server/api-types'
import { DEFAULT_TIME_ZONE, type FormatSettings } from '../../../ui/format.ts'
import {
  escalationText,
  readEscalationPayload,
  readReminderPayload,
  reminderDetail,
  reminderText,
} from '../../organizer/lib/reminder-message.ts'

/** A notification's headline as a catalogue key and its values (numbers already formatted). */
export interface NotificationMessage {
  key: string
  values: Record<string, string | number>
}

/** Bulk operations with their own wording (`notifications.operationDone.<key>`), by operation type. */
const OPERATION_TEXTS: Readonly<Record<string, string>> = {
  'clients.reassign': 'reassign',
  'clients.classify': 'classify',
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

const DEFAULT_SETTINGS: FormatSettings = { language: 'ru', timeZone: DEFAULT_TIME_ZONE }

/**
 * What a notification says. `formatNumber` speaks the employee's locale (`1,203`, `1 203`); `count`
 * is passed as well, so the catalogue picks the plural form. `settings` (language and time zone) word
 * the times of reminders and escalations.
 */
export function notificationMessage(
  n: AppNotification,
  options: { formatNumber: (value: number) => string; systemName: string; settings?: FormatSettings },
): NotificationMessage {
  const actor = n.actor?.name ?? options.systemName
  const subject = text(n.payload.subjectTitle)
  const settings = options.settings ?? DEFAULT_SETTINGS
  if (n.type === 'reminder') {
    const reminder = readReminderPayload(n.payload)
    if (reminder) return reminderText(reminder, settings, n.createdAt)
  }
  if (n.type === 'escalation') {
    const escalation = readEscalationPayload(n.payload)
    if (escalation) return escalationText(escalation, settings)
  }
  if (n.type === 'operation.failed') return { key: 'notifications.operationFailed', values: {} }
  if (n.type === 'operation.done') {
    const rows = count(n.payload.rows)
    if (text(n.payload.operationType) === 'clients.export' && rows !== undefined) {
      return {
        key: 'notifications.operationDone.export',
        values: { count: rows, rows: options.formatNumber(rows) },
      }
    }
    const kind = OPERATION_TEXTS[text(n.payload.operationType)]
    const changed = count(n.payload.changed)
    if (kind && changed !== undefined) {
      return {
        key: `notifications.operationDone.${kind}`,
        values: { count: changed, changed: options.formatNumber(changed) },
      }
    }
    return { key: 'notifications.operationDone.generic', values: {} }
  }
  if (n.type === 'mention') return { key: 'notifications.mention', values: { actor, subject } }
  return { key: 'notifications.other', values: { actor, subject } }
}

/** The line under a notification's headline (plain text): a mention's excerpt, a reminder's details. */
export function notificationExcerpt(n: AppNotification, settings: FormatSettings = DEFAULT_SETTINGS): string {
  if (n.type === 'reminder') {
    const reminder = readReminderPayload(n.payload)
    return reminder ? reminderDetail(reminder, settings, true) : ''
  }
  if (n.type === 'escalation') {
    const escalation = readEscalationPayload(n.payload)
    return escalation ? reminderDetail(escalation, settings, false) : ''
  }
  return text(n.payload.excerpt)
}

/** Where a notification leads: its own path if it is a path of this app, else its record or list. */
export function notificationTarget(n: AppNotification): string | null {
  const path = text(n.payload.path) || null
  if (path?.startsWith('/') && !path.startsWith('//')) {
    return n.type === 'mention' && !path.includes('?') ? `${path}?tab=timeline` : path
  }
  if (n.subjectType === 'client' && n.subjectId) return `/clients/${n.subjectId}`
  // A finished export leads to its file (downloaded, never shown inline).
  if (n.type === 'operation.done' && text(n.payload.operationType) === 'clients.export') {
    const id = count(n.payload.operationId)
    if (id !== undefined) return `/api/exports/${id}/download`
  }
  if (n.type.startsWith('operation.') && text(n.payload.operationType).startsWith('clients.'))
    return '/clients'
  // Without a client: a reminder leads to "my day"; an escalation to the colleague's day in the calendar.
  if (n.type === 'reminder') return '/organizer'
  if (n.type === 'escalation') {
    const query = new URLSearchParams({ view: 'day' })
    const at = text(n.payload.at)
    if (at) query.set('at', at)
    if (n.actor) query.set('people', String(n.actor.id))
    return `/calendar?${query}`
  }
  return null
}
