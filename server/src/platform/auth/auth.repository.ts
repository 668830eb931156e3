import type { Db } from '../db/database.ts'
import type { Locale } from '../i18n/messages.ts'
import type { Actor } from '../permissions/actor.ts'
import type { Visibility } from '../permissions/catalogue.ts'
import { randomToken, sha256 } from './tokens.ts'

export interface ResolvedSession {
  actor: Actor
  sessionId: string
  csrfToken: string
}

interface ActorRow {
  user_id: number
  team_id: number | null
  locale: string
  time_zone: string
  role_code: string
  permissions: string
  visibility: string
}

function toActor(row: ActorRow): Actor {
  return {
    kind: 'user',
    userId: row.user_id,
    teamId: row.team_id,
    roleCode: row.role_code,
    permissions: new Set(JSON.parse(row.permissions) as string[]),
    visibility: row.visibility as Visibility,
    locale: row.locale as Locale,
    timeZone: row.time_zone,
  }
}

/** The actor of an employee by id (for jobs and the demo acting on someone's behalf). */
export async function loadActor(db: Db, userId: number): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .select([
      'u.id as user_id',
      'u.team_id',
      'u.locale',
      'u.time_zone',
      'r.code as role_code',
      'r.permissions',
      'r.visibility',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst()
  return row ? toActor(row) : undefined
}

const TOUCH_EVERY_MS = 5 * 60_000

export async function createSession(
  db: Db,
  input: { userId: number; ip: string; userAgent: string; ttlMs: number },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken(32)
  const csrfToken = randomToken(24)
  const now = new Date()
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: input.userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + input.ttlMs).toISOString(),
      ip: input.ip.slice(0, 64),
      user_agent: input.userAgent.slice(0, 512),
    })
    .execute()
  return { token, csrfToken }
}

/** Finds the signed-in employee for a session cookie; slides the expiry at most every few minutes. */
export async function resolveSession(db: Db, token: string, ttlMs: number): Promise<ResolvedSession | null> {
  const id = sha256(token)
  const now = new Date()
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .select([
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.team_id',
      'u.locale',
      'u.time_zone',
      'u.is_active',
      'r.code as role_code',
      'r.permissions',
      'r.visibility',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!row || row.expires_at <= now.toISOString() || row.is_active !== 1) return null
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + ttlMs).toISOString() })
      .where('id', '=', id)
      .execute()
  }
  return { actor: toActor(row), sessionId: id, csrfToken: row.csrf_token }
}

export async function resolveApiToken(db: Db, token: string): Promise<Actor | null> {
  const hash = sha256(token)
  const now = new Date()
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .select([
      't.id as token_id',
      't.expires_at',
      't.revoked_at',
      't.last_used_at',
      'u.id as user_id',
      'u.team_id',
      'u.locale',
      'u.time_zone',
      'u.is_active',
      'r.code as role_code',
      'r.permissions',
      'r.visibility',
    ])
    .where('t.token_hash', '=', hash)
    .executeTakeFirst()
  if (!row || row.revoked_at !== null || row.is_active !== 1) return null
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return null
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.token_id)
      .execute()
  }
  return toActor(row)
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}

export async function deleteUserSessions(db: Db, userId: number, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId)
  await q.execute()
}

export async function purgeExpiredSessions(db: Db): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', new Date().toISOString())
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}
