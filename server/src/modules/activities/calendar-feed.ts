/**
 * The personal iCalendar feed: a secret URL (only its SHA-256 is stored; revocable; one active per
 * employee) that Outlook, Google Calendar or a phone subscribes to. Events are the employee's planned
 * and done activities and their dated tasks, from 30 days back to a year ahead, in UTC, with an alarm
 * per reminder.
 */
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator'
import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import { randomToken, sha256 } from '../../platform/auth/tokens.ts'
import type { Db } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import { translate } from '../../platform/i18n/messages.ts'

export const FEED_PREFIX = 'ical_'

export async function feedStatus(db: Db, userId: number) {
  const row = await db
    .selectFrom('calendar_feeds')
    .select(['id', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return row
    ? { active: true, createdAt: row.created_at, lastUsedAt: row.last_used_at }
    : { active: false, createdAt: null, lastUsedAt: null }
}

/** A new secret for the feed (the previous one stops working). The token is shown once. */
export async function createFeed(db: Db, source: AuditSource): Promise<{ token: string }> {
  const userId = source.actor.userId
  if (userId === null) throw AppError.forbidden()
  const token = `${FEED_PREFIX}${randomToken(24)}`
  await inTransaction(db, async ({ tx }) => {
    const now = new Date().toISOString()
    await tx
      .updateTable('calendar_feeds')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute()
    const row = await tx
      .insertInto('calendar_feeds')
      .values({
        user_id: userId,
        token_hash: sha256(token),
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'calendar_feed',
      entityId: row.id,
      after: { userId },
    })
  })
  return { token }
}

export async function revokeFeed(db: Db, source: AuditSource): Promise<void> {
  const userId = source.actor.userId
  if (userId === null) throw AppError.forbidden()
  await inTransaction(db, async ({ tx }) => {
    const rows = await tx
      .updateTable('calendar_feeds')
      .set({ revoked_at: new Date().toISOString() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute()
    for (const r of rows)
      await recordAudit(tx, source, {
        action: 'delete',
        entityType: 'calendar_feed',
        entityId: r.id,
        before: { userId },
      })
  })
}

/** The feed for a token, or null when the token is unknown or revoked (the route answers 404). */
export async function renderFeed(db: Db, token: string, publicUrl?: string): Promise<string | null> {
  if (!token.startsWith(FEED_PREFIX) || token.length > 100) return null
  const feed = await db
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['f.id', 'f.user_id', 'f.last_used_at', 'u.name', 'u.locale', 'u.is_active'])
    .where('f.token_hash', '=', sha256(token))
    .where('f.revoked_at', 'is', null)
    .executeTakeFirst()
  if (feed?.is_active !== 1) return null
  const locale = feed.locale as Locale
  const now = Date.now()
  const from = new Date(now - 30 * 86_400_000).toISOString()
  const to = new Date(now + 366 * 86_400_000).toISOString()
  const activities = await db
    .selectFrom('activities as a')
    .innerJoin('activity_types as t', 't.id', 'a.type_id')
    .leftJoin('clients as c', 'c.id', 'a.client_id')
    .select([
      'a.id',
      'a.title',
      'a.description',
      'a.location',
      'a.status',
      'a.starts_at',
      'a.ends_at',
      'a.updated_at',
      'a.client_id',
      'c.name as client_name',
      't.name_ru',
      't.name_en',
    ])
    .where('a.owner_id', '=', feed.user_id)
    .where('a.status', '!=', 'cancelled')
    .where('a.starts_at', '>=', from)
    .where('a.starts_at', '<', to)
    .orderBy('a.starts_at')
    .limit(5000)
    .execute()
  const tasks = await db
    .selectFrom('tasks as k')
    .leftJoin('clients as c', 'c.id', 'k.client_id')
    .select([
      'k.id',
      'k.title',
      'k.description',
      'k.status',
      'k.due_at',
      'k.updated_at',
      'k.client_id',
      'c.name as client_name',
    ])
    .where('k.assignee_id', '=', feed.user_id)
    .where('k.status', '!=', 'cancelled')
    .where('k.due_at', 'is not', null)
    .where('k.due_at', '>=', from)
    .where('k.due_at', '<', to)
    .orderBy('k.due_at')
    .limit(5000)
    .execute()
  const reminders = await db
    .selectFrom('reminders')
    .select(['target_type', 'target_id', 'offset_min'])
    .where('user_id', '=', feed.user_id)
    .where('status', 'in', ['pending', 'sent'])
    .execute()
  const offsets = new Map<string, number[]>()
  for (const r of reminders) {
    const k = `${r.target_type}:${r.target_id}`
    offsets.set(k, [...(offsets.get(k) ?? []), r.offset_min])
  }
  const domain = publicUrl ? new URL(publicUrl).hostname : 'mmcrm.local'
  const link = (clientId: number | null) =>
    publicUrl && clientId ? `${publicUrl.replace(/\/$/, '')}/clients/${clientId}` : undefined
  const cal = ical({
    name: translate(locale, 'calendar.feed_name', { name: feed.name }),
    prodId: { company: 'MM CRM', product: 'organizer', language: locale.toUpperCase() },
    ttl: 15 * 60,
  })
  for (const a of activities) {
    const type = locale === 'ru' ? a.name_ru : a.name_en
    const summary = [type, a.title || a.client_name].filter(Boolean).join(': ')
    const event = cal.createEvent({
      id: `activity-${a.id}@${domain}`,
      start: new Date(a.starts_at),
      end: new Date(a.ends_at),
      summary,
      description: [
        a.client_name ? `${translate(locale, 'calendar.client')}: ${a.client_name}` : '',
        a.description,
      ]
        .filter(Boolean)
        .join('\n'),
      location: a.location || null,
      url: link(a.client_id),
      status: a.status === 'done' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      lastModified: new Date(a.updated_at),
      stamp: new Date(a.updated_at),
    })
    if (a.status === 'planned')
      for (const m of offsets.get(`activity:${a.id}`) ?? [])
        event.createAlarm({ type: ICalAlarmType.display, trigger: m * 60, description: summary })
  }
  for (const k of tasks) {
    const at = new Date(k.due_at!)
    const summary = `${translate(locale, 'calendar.task')}: ${k.title}`
    const event = cal.createEvent({
      id: `task-${k.id}@${domain}`,
      start: at,
      end: new Date(at.getTime() + 15 * 60_000),
      summary,
      description: [
        k.client_name ? `${translate(locale, 'calendar.client')}: ${k.client_name}` : '',
        k.description,
      ]
        .filter(Boolean)
        .join('\n'),
      url: link(k.client_id),
      status: k.status === 'done' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      lastModified: new Date(k.updated_at),
      stamp: new Date(k.updated_at),
    })
    if (k.status === 'open')
      for (const m of offsets.get(`task:${k.id}`) ?? [])
        event.createAlarm({ type: ICalAlarmType.display, trigger: m * 60, description: summary })
  }
  // Marked at most once a minute: calendar apps poll often.
  if (!feed.last_used_at || now - new Date(feed.last_used_at).getTime() > 60_000)
    await db
      .updateTable('calendar_feeds')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('id', '=', feed.id)
      .execute()
  return cal.toString()
}
