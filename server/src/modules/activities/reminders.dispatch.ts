/**
 * Fires due reminders. Each batch is one transaction: due reminders are claimed (`FOR UPDATE SKIP LOCKED`
 * on PostgreSQL, so instances never take the same rows; SQLite has one writer), their in-app
 * notifications are inserted under a unique dedupe key `reminder:<id>:<firing>`, e-mails are queued as
 * jobs, and the reminders are marked sent — all or nothing. A crash before the commit leaves the
 * reminders pending to be fired again; after it, they are never fired twice. Pages hear of the new
 * notifications through the events bus when the transaction commits.
 */
import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import type { DatabaseHandle, Tx } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import { translate } from '../../platform/i18n/messages.ts'
import type { JobQueue } from '../../platform/jobs/job-queue.ts'
import { enqueueMail, mailMessageId, messageIdDomain } from '../../platform/mail/index.ts'
import { notifyMany } from '../notifications/index.ts'
import './activities.messages.ts'

export const REMINDERS_DISPATCH_JOB = 'reminders.dispatch'
/** Checked this often (a reminder fires at most this late, plus the worker's poll). */
export const REMINDERS_TICK_MS = 5000
/**
 * A reminder fired more than this after its time is marked late (the server was down, say). Counted from
 * when it was armed if that came later: a reminder set for a time already past (a call planned in five
 * minutes with a 15-minute reminder) fires at once and is not late.
 */
export const LATE_AFTER_MS = 60_000
/** Reminders fired per transaction. */
export const DEFAULT_DISPATCH_BATCH = 1000
/**
 * The lease a dispatch job holds while it works, renewed four times a second — far shorter than the
 * worker's minute. Were the server killed mid-dispatch, its job would keep the recurring tick's place
 * (one copy across instances) until the lease ran out: with a minute, the missed reminders waited a
 * minute after the restart; with this, the restarted worker takes the job back as it starts (its first
 * look for expired leases; later looks come every 15 s). Two dispatchers never harm each other (claims
 * skip locked rows), so a lease that lapses under a slow batch costs nothing but a second dispatcher.
 */
export const DISPATCH_LEASE_MS = 1000
const LEASE_RENEW_MS = 250
const DISPATCH_JOBS = [REMINDERS_DISPATCH_JOB, `${REMINDERS_DISPATCH_JOB}.tick`]

export interface DispatchDeps {
  database: DatabaseHandle
  jobs: JobQueue
  config: Pick<Config, 'smtp' | 'publicUrl'>
  /** Reminders per transaction (default DEFAULT_DISPATCH_BATCH). */
  batch?: number
}

interface Due {
  id: number
  target_type: 'activity' | 'task'
  target_id: number
  user_id: number
  offset_min: number
  fire_at: string
  /** When it was last armed (created, re-armed, snoozed): pending reminders change only then. */
  updated_at: string
  channels: string
  fire_count: number
}

interface TargetInfo {
  title: string
  at: string
  active: boolean
  clientId: number | null
  clientName: string | null
  typeName: Record<Locale, string> | null
}

async function claim(tx: Tx, kind: DatabaseHandle['kind'], now: string, limit: number): Promise<Due[]> {
  const lock = kind === 'postgres' ? sql`for update skip locked` : sql``
  const r =
    await sql<Due>`select id, target_type, target_id, user_id, offset_min, fire_at, updated_at, channels,
    fire_count from reminders where status = 'pending' and fire_at <= ${now}
    order by fire_at, id limit ${limit} ${lock}`.execute(tx)
  const iso = (v: string | Date) => (typeof v === 'string' ? v : new Date(v).toISOString())
  return r.rows.map((x) => ({
    ...x,
    id: Number(x.id),
    fire_at: iso(x.fire_at),
    updated_at: iso(x.updated_at),
  }))
}

async function targets(tx: Tx, due: Due[]): Promise<Map<string, TargetInfo>> {
  const out = new Map<string, TargetInfo>()
  const activityIds = [...new Set(due.filter((d) => d.target_type === 'activity').map((d) => d.target_id))]
  const taskIds = [...new Set(due.filter((d) => d.target_type === 'task').map((d) => d.target_id))]
  for (let i = 0; i < activityIds.length; i += 500) {
    const rows = await tx
      .selectFrom('activities as a')
      .innerJoin('activity_types as t', 't.id', 'a.type_id')
      .leftJoin('clients as c', 'c.id', 'a.client_id')
      .select([
        'a.id',
        'a.title',
        'a.starts_at',
        'a.status',
        'a.client_id',
        'c.name as client_name',
        'c.deleted_at as client_deleted_at',
        't.name_ru',
        't.name_en',
      ])
      .where('a.id', 'in', activityIds.slice(i, i + 500))
      .execute()
    for (const r of rows)
      out.set(`activity:${r.id}`, {
        title: r.title,
        at: r.starts_at,
        // A client in the trash: reminders coming due meanwhile are dropped.
        active: r.status === 'planned' && r.client_deleted_at === null,
        clientId: r.client_id,
        clientName: r.client_name,
        typeName: { ru: r.name_ru, en: r.name_en },
      })
  }
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await tx
      .selectFrom('tasks as t')
      .leftJoin('clients as c', 'c.id', 't.client_id')
      .select([
        't.id',
        't.title',
        't.due_at',
        't.status',
        't.client_id',
        'c.name as client_name',
        'c.deleted_at as client_deleted_at',
      ])
      .where('t.id', 'in', taskIds.slice(i, i + 500))
      .execute()
    for (const r of rows)
      out.set(`task:${r.id}`, {
        title: r.title,
        at: r.due_at ?? '',
        active: r.status === 'open' && r.due_at !== null && r.client_deleted_at === null,
        clientId: r.client_id,
        clientName: r.client_name,
        typeName: null,
      })
  }
  return out
}

function localTime(at: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at))
}

/** The reminder's words in the employee's language and time zone (the e-mail; the app renders its own). */
export function reminderText(
  t: TargetInfo,
  kind: 'activity' | 'task',
  user: { locale: Locale; time_zone: string },
  late: boolean,
): { subject: string; text: string } {
  const what = kind === 'activity' ? [t.typeName?.[user.locale], t.title].filter(Boolean).join(': ') : t.title
  const when = localTime(t.at, user.time_zone, user.locale)
  const client = t.clientName ? translate(user.locale, 'reminders.mail_client', { client: t.clientName }) : ''
  const subject = translate(user.locale, 'reminders.mail_subject', { what, when })
  const text = [
    translate(user.locale, kind === 'activity' ? 'reminders.mail_activity' : 'reminders.mail_task', {
      what,
      when,
    }),
    client,
    late ? translate(user.locale, 'reminders.mail_late') : '',
  ]
    .filter(Boolean)
    .join('\n\n')
  return { subject, text }
}

/** One batch; returns how many reminders it handled (0: nothing due). */
export async function dispatchBatch(
  deps: DispatchDeps,
  limit = deps.batch ?? DEFAULT_DISPATCH_BATCH,
): Promise<number> {
  const { database, jobs } = deps
  return inTransaction(database.db, async (uow) => {
    const { tx } = uow
    const now = new Date()
    const nowIso = now.toISOString()
    const due = await claim(tx, database.kind, nowIso, limit)
    if (!due.length) return 0
    const info = await targets(tx, due)
    const userIds = [...new Set(due.map((d) => d.user_id))]
    const users = new Map<
      number,
      { id: number; email: string; locale: Locale; time_zone: string; is_active: number }
    >()
    for (let i = 0; i < userIds.length; i += 500) {
      const rows = await tx
        .selectFrom('users')
        .select(['id', 'email', 'locale', 'time_zone', 'is_active'])
        .where('id', 'in', userIds.slice(i, i + 500))
        .execute()
      for (const u of rows) users.set(u.id, { ...u, locale: u.locale as Locale })
    }
    const fired: Due[] = []
    const cancelled: number[] = []
    const notifications: Parameters<typeof notifyMany>[1] = []
    let domain: string | null = null
    for (const d of due) {
      const t = info.get(`${d.target_type}:${d.target_id}`)
      const user = users.get(d.user_id)
      if (!t?.active || !user || user.is_active !== 1) {
        cancelled.push(d.id)
        continue
      }
      const firing = d.fire_count + 1
      const dueAt = Math.max(new Date(d.fire_at).getTime(), new Date(d.updated_at).getTime())
      const late = now.getTime() - dueAt > LATE_AFTER_MS
      fired.push(d)
      const channels = JSON.parse(d.channels) as string[]
      if (channels.includes('app') || !channels.length)
        notifications.push({
          userId: d.user_id,
          type: 'reminder',
          subjectType: t.clientId !== null ? 'client' : null,
          subjectId: t.clientId,
          payload: {
            reminderId: d.id,
            targetType: d.target_type,
            targetId: d.target_id,
            title: t.title,
            typeName: t.typeName,
            clientName: t.clientName,
            at: t.at,
            offsetMin: d.offset_min,
            late,
          },
          dedupeKey: `reminder:${d.id}:${firing}`,
        })
      if (channels.includes('email') && user.email) {
        domain ??= await messageIdDomain(tx, deps.config)
        const { subject, text } = reminderText(t, d.target_type, user, late)
        await enqueueMail(tx, jobs, {
          to: user.email,
          subject,
          text,
          messageId: mailMessageId(`reminder-${d.id}-${firing}`, domain),
        })
      }
      ;(d as Due & { late: boolean }).late = late
    }
    await notifyMany(uow, notifications)
    const lateIds = fired.filter((d) => (d as Due & { late?: boolean }).late).map((d) => d.id)
    const onTime = fired.filter((d) => !(d as Due & { late?: boolean }).late).map((d) => d.id)
    for (const [ids, late] of [
      [onTime, 0],
      [lateIds, 1],
    ] as const)
      for (let i = 0; i < ids.length; i += 500)
        await tx
          .updateTable('reminders')
          .set((eb) => ({
            status: 'sent',
            fired_at: nowIso,
            late,
            fire_count: eb('fire_count', '+', 1),
            updated_at: nowIso,
          }))
          .where('id', 'in', ids.slice(i, i + 500))
          .execute()
    for (let i = 0; i < cancelled.length; i += 500)
      await tx
        .updateTable('reminders')
        .set({ status: 'cancelled', updated_at: nowIso })
        .where('id', 'in', cancelled.slice(i, i + 500))
        .execute()
    return due.length
  })
}

/**
 * Fires everything due, batch after batch, for up to `budgetMs` (the job's lease renewed meanwhile);
 * whatever is left is taken by the next run, which is queued at once.
 */
export async function dispatchDueReminders(
  deps: DispatchDeps,
  budgetMs = 25_000,
  batch = deps.batch ?? DEFAULT_DISPATCH_BATCH,
): Promise<number> {
  const started = Date.now()
  const lease = keepLease(deps)
  let total = 0
  try {
    for (;;) {
      const n = await dispatchBatch(deps, batch)
      total += n
      if (n < batch) return total
      if (Date.now() - started > budgetMs) {
        await deps.jobs.enqueue(deps.database.db, {
          type: REMINDERS_DISPATCH_JOB,
          dedupeKey: `${REMINDERS_DISPATCH_JOB}:more`,
        })
        return total
      }
    }
  } finally {
    await lease.stop()
  }
}

/**
 * Keeps this worker's running dispatch jobs leased for DISPATCH_LEASE_MS, renewed four times a second until
 * stopped (when called outside a job there is nothing to renew).
 */
function keepLease(deps: DispatchDeps): { stop(): Promise<void> } {
  let inFlight: Promise<void> | null = null
  const renew = () => {
    if (inFlight) return
    inFlight = deps.database.db
      .updateTable('jobs')
      .set({ lease_until: new Date(Date.now() + DISPATCH_LEASE_MS).toISOString() })
      .where('status', '=', 'running')
      .where('locked_by', '=', deps.jobs.workerId)
      .where('type', 'in', DISPATCH_JOBS)
      .execute()
      .then(
        () => undefined,
        // The next renewal tries again; a lapsed lease only lets a second dispatcher in.
        () => undefined,
      )
      .finally(() => {
        inFlight = null
      })
  }
  renew()
  const timer = setInterval(renew, LEASE_RENEW_MS)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await inFlight
    },
  }
}

/** Snoozes a fired reminder: it fires again after `minutes`. Only the employee's own. */
export async function snoozeReminder(tx: Tx, userId: number, id: number, minutes: number): Promise<boolean> {
  const nowIso = new Date().toISOString()
  const r = await tx
    .updateTable('reminders')
    .set({
      status: 'pending',
      fire_at: new Date(Date.now() + minutes * 60_000).toISOString(),
      late: 0,
      updated_at: nowIso,
    })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('status', 'in', ['sent', 'pending'])
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

/** Dismisses a reminder (it will not fire, or fire again). Only the employee's own. */
export async function dismissReminder(tx: Tx, userId: number, id: number): Promise<boolean> {
  const r = await tx
    .updateTable('reminders')
    .set({ status: 'dismissed', updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('status', 'in', ['sent', 'pending'])
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}
