import { sql } from 'kysely'
import type { Db, Tx } from '../../platform/db/database.ts'
import { escapeLike } from '../../platform/db/text.ts'
import type { NotificationDto, NotificationListQuery } from './notifications.schemas.ts'

type Executor = Db | Tx

export interface NewNotification {
  userId: number
  type: string
  subjectType?: string | null
  subjectId?: number | null
  actorId?: number | null
  payload?: Record<string, unknown>
  /** At most one notification ever exists per key (`mention:<noteId>:<userId>`); null for none. */
  dedupeKey?: string | null
}

/** Inserts unless a notification with the same dedupe key exists; returns the new id, or undefined. */
export async function insertNotification(tx: Executor, n: NewNotification): Promise<number | undefined> {
  const row = await tx
    .insertInto('notifications')
    .values({
      user_id: n.userId,
      type: n.type,
      subject_type: n.subjectType ?? null,
      subject_id: n.subjectId ?? null,
      actor_id: n.actorId ?? null,
      payload: JSON.stringify(n.payload ?? {}),
      dedupe_key: n.dedupeKey ?? null,
      created_at: new Date().toISOString(),
      read_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

/** Inserts many (multi-row statements); those whose dedupe key exists are skipped. Returns the new ones. */
export async function insertNotifications(
  tx: Executor,
  list: NewNotification[],
): Promise<Array<{ id: number; userId: number }>> {
  const out: Array<{ id: number; userId: number }> = []
  const at = new Date().toISOString()
  for (let i = 0; i < list.length; i += 500) {
    const rows = await tx
      .insertInto('notifications')
      .values(
        list.slice(i, i + 500).map((n) => ({
          user_id: n.userId,
          type: n.type,
          subject_type: n.subjectType ?? null,
          subject_id: n.subjectId ?? null,
          actor_id: n.actorId ?? null,
          payload: JSON.stringify(n.payload ?? {}),
          dedupe_key: n.dedupeKey ?? null,
          created_at: at,
          read_at: null,
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning(['id', 'user_id'])
      .execute()
    for (const r of rows) out.push({ id: Number(r.id), userId: r.user_id })
  }
  return out
}

/** The caller's notifications, newest first, keyset-paginated by id. */
export async function findNotifications(
  db: Executor,
  userId: number,
  q: NotificationListQuery,
): Promise<{ items: NotificationDto[]; nextBefore: number | null }> {
  let query = db
    .selectFrom('notifications as n')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .select([
      'n.id',
      'n.type',
      'n.subject_type',
      'n.subject_id',
      'n.actor_id',
      'a.name as actor_name',
      'n.payload',
      'n.created_at',
      'n.read_at',
    ])
    .where('n.user_id', '=', userId)
  if (q.unread === true) query = query.where('n.read_at', 'is', null)
  if (q.unread === false) query = query.where('n.read_at', 'is not', null)
  if (q.before !== undefined) query = query.where('n.id', '<', q.before)
  const rows = await query
    .orderBy('n.id', 'desc')
    .limit(q.limit + 1)
    .execute()
  const page = rows.slice(0, q.limit)
  return {
    items: page.map((r) => ({
      id: r.id,
      type: r.type,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      actor: r.actor_id !== null && r.actor_name !== null ? { id: r.actor_id, name: r.actor_name } : null,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  }
}

export async function countUnread(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Marks the user's own unread notifications read: the given ids, or all of them. */
export async function markRead(
  tx: Executor,
  userId: number,
  target: { ids: number[] } | 'all',
): Promise<number> {
  let q = tx
    .updateTable('notifications')
    .set({ read_at: new Date().toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (target !== 'all') q = q.where('id', 'in', target.ids)
  const r = await q.executeTakeFirst()
  return Number(r.numUpdatedRows)
}

/** Removes notifications whose dedupe key starts with the prefix (a deleted note's mentions). */
export async function deleteByDedupePrefix(tx: Executor, prefix: string): Promise<number> {
  const r = await tx
    .deleteFrom('notifications')
    .where(sql`dedupe_key`, 'like', sql<string>`${`${escapeLike(prefix)}%`} escape '\\'`)
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}
