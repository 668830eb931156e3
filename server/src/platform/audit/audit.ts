import type { Tx } from '../db/database.ts'
import type { Actor } from '../permissions/actor.ts'

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'merge' | 'login' | 'password' | string

/** Who acts and through what, carried from the request (or a job) into every audit entry. */
export interface AuditSource {
  actor: Actor
  requestId?: string | null
  /** `api`, `web`, `import`, `job`, `system`… */
  source?: string
}

export type FieldChange = { from?: unknown; to?: unknown }
export type Changes = Record<string, FieldChange>

/** Fields never written to the audit trail; a change to them is noted without the value. */
const SECRET_FIELDS = new Set(['password_hash', 'passwordHash', 'token_hash', 'csrf_token', 'smtpPassword'])

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** The fields that differ between two states of a record (either may be absent: create or delete). */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Changes {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const changes: Changes = {}
  for (const key of keys) {
    if (key === 'version' || key === 'updated_at' || key === 'updatedAt' || key === 'created_at') continue
    const from = before?.[key]
    const to = after?.[key]
    if (before && after && same(from, to)) continue
    if (SECRET_FIELDS.has(key)) {
      changes[key] = { to: '••••' }
      continue
    }
    const change: FieldChange = {}
    if (before) change.from = from ?? null
    if (after) change.to = to ?? null
    changes[key] = change
  }
  return changes
}

/**
 * Writes one audit entry in the caller's transaction, so the change and its record commit together.
 * Returns false (and writes nothing) when an update changed no field.
 */
export async function recordAudit(
  tx: Tx,
  source: AuditSource,
  entry: {
    action: AuditAction
    entityType: string
    entityId: number
    before?: Record<string, unknown> | null
    after?: Record<string, unknown> | null
    changes?: Changes
  },
): Promise<boolean> {
  const changes = entry.changes ?? diff(entry.before ?? null, entry.after ?? null)
  if (entry.action === 'update' && Object.keys(changes).length === 0) return false
  await tx
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      actor_id: source.actor.userId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      changes: JSON.stringify(changes),
      request_id: source.requestId ?? null,
      source: source.source ?? (source.actor.kind === 'system' ? 'system' : 'api'),
    })
    .execute()
  return true
}

/** Writes many entries in multi-row statements (bulk commands such as an import); updates without changes are left out. */
export async function recordAudits(
  tx: Tx,
  source: AuditSource,
  entries: {
    action: AuditAction
    entityType: string
    entityId: number
    before?: Record<string, unknown> | null
    after?: Record<string, unknown> | null
    changes?: Changes
  }[],
): Promise<void> {
  const at = new Date().toISOString()
  const rows = entries.flatMap((entry) => {
    const changes = entry.changes ?? diff(entry.before ?? null, entry.after ?? null)
    if (entry.action === 'update' && Object.keys(changes).length === 0) return []
    return [
      {
        at,
        actor_id: source.actor.userId,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        changes: JSON.stringify(changes),
        request_id: source.requestId ?? null,
        source: source.source ?? (source.actor.kind === 'system' ? 'system' : 'api'),
      },
    ]
  })
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute()
}
