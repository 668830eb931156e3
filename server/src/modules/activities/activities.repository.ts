import type { Db, Tx } from '../../platform/db/database.ts'
import type { ActivityTable, TaskTable } from '../../platform/db/schema.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { hasPermission } from '../../platform/permissions/actor.ts'
import { canSee } from '../../platform/permissions/authorize.ts'
import { reclassify } from '../classifiers/index.ts'
import type { ActivityDto, TaskDto } from './activities.schemas.ts'
import { describeRecurrence } from './recurrence-text.ts'

type Executor = Db | Tx

export type ActivityRow = ActivityTable & { id: number }
export type TaskRow = TaskTable & { id: number }

export async function findActivityRow(db: Executor, id: number): Promise<ActivityRow | undefined> {
  return (await db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst()) as
    | ActivityRow
    | undefined
}

export async function findTaskRow(db: Executor, id: number): Promise<TaskRow | undefined> {
  return (await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst()) as
    | TaskRow
    | undefined
}

async function names(db: Executor, table: 'users' | 'clients', ids: Iterable<number | null>) {
  const list = [...new Set([...ids].filter((x): x is number => x !== null))]
  const out = new Map<number, string>()
  for (let i = 0; i < list.length; i += 500) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'name'])
      .where('id', 'in', list.slice(i, i + 500))
      .execute()
    for (const r of rows) out.set(r.id, r.name)
  }
  return out
}

async function contactNames(db: Executor, ids: Iterable<number | null>) {
  const list = [...new Set([...ids].filter((x): x is number => x !== null))]
  const out = new Map<number, string>()
  if (!list.length) return out
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'last_name', 'first_name', 'middle_name'])
    .where('id', 'in', list)
    .execute()
  for (const r of rows) out.set(r.id, [r.last_name, r.first_name, r.middle_name].filter(Boolean).join(' '))
  return out
}

async function recurrencesOf(db: Executor, ids: Iterable<number | null>, locale: Locale) {
  const list = [...new Set([...ids].filter((x): x is number => x !== null))]
  const out = new Map<number, ActivityDto['recurrence']>()
  if (!list.length) return out
  const rows = await db
    .selectFrom('recurrences')
    .select(['id', 'rrule', 'template'])
    .where('id', 'in', list)
    .execute()
  for (const r of rows) {
    const t = JSON.parse(r.template) as { workdays?: string; nthWorkingDay?: number | null }
    out.set(r.id, {
      id: r.id,
      rule: r.rrule,
      workdays: t.workdays ?? 'any',
      nthWorkingDay: t.nthWorkingDay ?? null,
      text: describeRecurrence(r.rrule, t.nthWorkingDay ?? null, locale),
    })
  }
  return out
}

async function remindersOf(db: Executor, userId: number | null, type: 'activity' | 'task', ids: number[]) {
  const out = new Map<number, ActivityDto['reminders']>()
  if (userId === null || !ids.length) return out
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('reminders')
      .select(['id', 'target_id', 'offset_min', 'fire_at', 'status'])
      .where('target_type', '=', type)
      .where('target_id', 'in', ids.slice(i, i + 500))
      .where('user_id', '=', userId)
      .where('status', '!=', 'cancelled')
      .orderBy('offset_min', 'desc')
      .execute()
    for (const r of rows) {
      const list = out.get(r.target_id) ?? []
      list.push({ id: Number(r.id), offsetMin: r.offset_min, fireAt: r.fire_at, status: r.status })
      out.set(r.target_id, list)
    }
  }
  return out
}

/** Activity types by id with their names in the caller's language (small table, read whole). */
export async function typeMap(db: Executor, locale: Locale) {
  const rows = await db.selectFrom('activity_types').selectAll().execute()
  return new Map(
    rows.map((t) => [
      t.id,
      { id: t.id, code: t.code, name: locale === 'ru' ? t.name_ru : t.name_en, color: t.color, row: t },
    ]),
  )
}

async function outcomeMap(db: Executor, ids: Iterable<number | null>, locale: Locale) {
  const list = [...new Set([...ids].filter((x): x is number => x !== null))]
  const out = new Map<number, { id: number; name: string; result: string }>()
  if (!list.length) return out
  const rows = await db.selectFrom('activity_outcomes').selectAll().where('id', 'in', list).execute()
  for (const o of rows)
    out.set(o.id, { id: o.id, name: locale === 'ru' ? o.name_ru : o.name_en, result: o.result })
  return out
}

/** Who may change an activity or task: its performer or creator, or someone who sees it with write permission. */
export function canEditRecord(
  actor: Actor,
  r: { owner: number | null; team: number | null; createdBy: number | null },
) {
  if (!hasPermission(actor, 'activities.write')) return false
  if (actor.userId !== null && (r.owner === actor.userId || r.createdBy === actor.userId)) return true
  return canSee(actor, { ownerId: r.owner, teamId: r.team })
}

export async function activityDtos(db: Executor, actor: Actor, rows: ActivityRow[]): Promise<ActivityDto[]> {
  if (!rows.length) return []
  const locale = actor.locale
  const types = await typeMap(db, locale)
  const users = await names(
    db,
    'users',
    rows.flatMap((r) => [r.owner_id, r.created_by]),
  )
  const clients = await names(
    db,
    'clients',
    rows.map((r) => r.client_id),
  )
  const contacts = await contactNames(
    db,
    rows.map((r) => r.contact_id),
  )
  const outcomes = await outcomeMap(
    db,
    rows.map((r) => r.outcome_id),
    locale,
  )
  const series = await recurrencesOf(
    db,
    rows.map((r) => r.series_id),
    locale,
  )
  const reminders = await remindersOf(
    db,
    actor.userId,
    'activity',
    rows.map((r) => r.id),
  )
  const now = new Date().toISOString()
  const ref = (map: Map<number, string>, id: number | null) =>
    id !== null && map.has(id) ? { id, name: map.get(id)! } : null
  return rows.map((r) => {
    const type = types.get(r.type_id)!
    return {
      id: r.id,
      type: { id: type.id, code: type.code, name: type.name, color: type.color },
      status: r.status,
      direction: r.direction,
      title: r.title,
      description: r.description,
      location: r.location,
      subject: {
        type: r.subject_type,
        id: r.subject_id,
        title: r.subject_type === 'client' ? (clients.get(r.subject_id) ?? '') : '',
      },
      client: ref(clients, r.client_id),
      contact: ref(contacts, r.contact_id),
      startsAt: r.starts_at,
      durationMin: r.duration_min,
      endsAt: r.ends_at,
      owner: ref(users, r.owner_id),
      outcome: r.outcome_id !== null ? (outcomes.get(r.outcome_id) ?? null) : null,
      result: r.result,
      doneAt: r.done_at,
      overdue: r.status === 'planned' && r.starts_at < now,
      recurrence: r.series_id !== null ? (series.get(r.series_id) ?? null) : null,
      isException: r.is_exception === 1,
      reminders: reminders.get(r.id) ?? [],
      createdBy: ref(users, r.created_by),
      canEdit: canEditRecord(actor, { owner: r.owner_id, team: r.team_id, createdBy: r.created_by }),
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }
  })
}

export async function taskDtos(db: Executor, actor: Actor, rows: TaskRow[]): Promise<TaskDto[]> {
  if (!rows.length) return []
  const locale = actor.locale
  const users = await names(
    db,
    'users',
    rows.flatMap((r) => [r.assignee_id, r.created_by]),
  )
  const clients = await names(
    db,
    'clients',
    rows.map((r) => r.client_id),
  )
  const series = await recurrencesOf(
    db,
    rows.map((r) => r.series_id),
    locale,
  )
  const reminders = await remindersOf(
    db,
    actor.userId,
    'task',
    rows.map((r) => r.id),
  )
  const now = new Date().toISOString()
  const ref = (map: Map<number, string>, id: number | null) =>
    id !== null && map.has(id) ? { id, name: map.get(id)! } : null
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    priority: r.priority,
    dueAt: r.due_at,
    overdue: r.status === 'open' && r.due_at !== null && r.due_at < now,
    assignee: ref(users, r.assignee_id),
    subject:
      r.subject_type !== null && r.subject_id !== null
        ? {
            type: r.subject_type,
            id: r.subject_id,
            title: r.subject_type === 'client' ? (clients.get(r.subject_id) ?? '') : '',
          }
        : null,
    client: ref(clients, r.client_id),
    checklist: JSON.parse(r.checklist) as Array<{ text: string; done: boolean }>,
    doneAt: r.done_at,
    recurrence: r.series_id !== null ? (series.get(r.series_id) ?? null) : null,
    isException: r.is_exception === 1,
    reminders: reminders.get(r.id) ?? [],
    createdBy: ref(users, r.created_by),
    canEdit: canEditRecord(actor, { owner: r.assignee_id, team: r.team_id, createdBy: r.created_by }),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }))
}

/** Keeps a client's "next planned activity" and "last contact" in step with its activities. */
export async function refreshClientActivity(tx: Tx, clientIds: Iterable<number | null>): Promise<void> {
  const ids = [...new Set([...clientIds].filter((x): x is number => x !== null))]
  for (const id of ids) {
    const next = await tx
      .selectFrom('activities')
      .select((eb) => eb.fn.min('starts_at').as('at'))
      .where('client_id', '=', id)
      .where('status', '=', 'planned')
      .executeTakeFirst()
    const last = await tx
      .selectFrom('activities')
      .select((eb) => eb.fn.max('done_at').as('at'))
      .where('client_id', '=', id)
      .where('status', '=', 'done')
      .executeTakeFirst()
    const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString())
    const nextAt = iso(next?.at)
    const lastAt = iso(last?.at)
    const changed = await tx
      .updateTable('clients')
      .set({ next_activity_at: nextAt, last_contact_at: lastAt })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          nextAt === null
            ? eb('next_activity_at', 'is not', null)
            : eb('next_activity_at', 'is distinct from', nextAt),
          lastAt === null
            ? eb('last_contact_at', 'is not', null)
            : eb('last_contact_at', 'is distinct from', lastAt),
        ]),
      )
      .executeTakeFirst()
    // Rule nodes may test these ("no contact for 90 days"): re-apply them for this client.
    if (Number(changed.numUpdatedRows) > 0) await reclassify(tx, [id])
  }
}

/** A client merged into another: its activities and tasks (and their timeline) move to the one kept. */
export async function moveClientWork(tx: Tx, fromId: number, toId: number): Promise<void> {
  for (const table of ['activities', 'tasks'] as const) {
    await tx
      .updateTable(table)
      .set({ subject_id: toId })
      .where('subject_type', '=', 'client')
      .where('subject_id', '=', fromId)
      .execute()
    await tx.updateTable(table).set({ client_id: toId }).where('client_id', '=', fromId).execute()
  }
  await refreshClientActivity(tx, [fromId, toId])
}
