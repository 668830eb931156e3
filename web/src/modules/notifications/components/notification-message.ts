import type { AppNotification } from '@mmcrm/server/api-types'

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

/**
 * What a notification says. `formatNumber` speaks the employee's locale (`1,203`, `1 203`); `count`
 * is passed as well, so the catalogue picks the plural form.
 */
export function notificationMessage(
  n: AppNotification,
  options: { formatNumber: (value: number) => string; systemName: string },
): NotificationMessage {
  const actor = n.actor?.name ?? options.systemName
  const subject = text(n.payload.subjectTitle)
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
  return null
}
