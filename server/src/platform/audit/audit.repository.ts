import type { Db } from '../db/database.ts'
import type { Changes } from './audit.ts'

export interface AuditEntry {
  id: number
  at: string
  actor: { id: number; name: string } | null
  action: string
  entityType: string
  entityId: number
  changes: Changes
  source: string
  requestId: string | null
}

export interface AuditQuery {
  entityType?: string
  entityId?: number
  /** Several records at once (a client and the clients merged into it). */
  entityIds?: number[]
  actorId?: number
  from?: string
  to?: string
  /** Keyset cursor: entries with a smaller id than this. */
  before?: number
  limit: number
}

/** Newest first, keyset-paginated by id (the log only grows, so offsets would drift and slow down). */
export async function findAuditEntries(
  db: Db,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'u.name as actor_name',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.changes',
      'a.source',
      'a.request_id',
    ])
  if (q.entityType) query = query.where('a.entity_type', '=', q.entityType)
  if (q.entityId !== undefined) query = query.where('a.entity_id', '=', q.entityId)
  if (q.entityIds?.length) query = query.where('a.entity_id', 'in', q.entityIds)
  if (q.actorId !== undefined) query = query.where('a.actor_id', '=', q.actorId)
  if (q.from) query = query.where('a.at', '>=', q.from)
  if (q.to) query = query.where('a.at', '<', q.to)
  if (q.before !== undefined) query = query.where('a.id', '<', q.before)
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(q.limit + 1)
    .execute()
  const page = rows.slice(0, q.limit)
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor_id !== null ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      changes: JSON.parse(r.changes) as Changes,
      source: r.source,
      requestId: r.request_id,
    })),
    nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  }
}
