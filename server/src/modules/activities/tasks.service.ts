/**
 * Tasks: work for an employee with a due time, a priority, a checklist and an optional related record.
 * A head (with `activities.assign`) gives tasks to the colleagues they can see; the creator keeps seeing
 * what they assigned.
 */
import { sql } from 'kysely'
import { type AuditSource, diff, recordAudit } from '../../platform/audit/audit.ts'
import { type Db, dialectOf, type Tx } from '../../platform/db/database.ts'
import { escapeLike, foldCustomText, foldSql } from '../../platform/db/text.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { hasPermission } from '../../platform/permissions/actor.ts'
import { canSee, requirePermission } from '../../platform/permissions/authorize.ts'
import { visibleTo } from '../../platform/permissions/visibility.ts'
import { accessSubject } from '../../platform/subject-access.ts'
import * as repo from './activities.repository.ts'
import type { TaskCreateInput, TaskDto, TaskListQuery, TaskUpdateInput } from './activities.schemas.ts'
import { type ActivitiesContext, checkPerformer, clientOfSubject } from './activities.service.ts'
import { announce, concernedTask } from './announce.ts'
import { checkRule } from './recurrence-text.ts'
import { dropReminders, syncReminders } from './reminders.sync.ts'
import { markGeneratedUntil, occurrencesToCreate, reshapeSeries } from './series-window.ts'

function auditView(r: repo.TaskRow): Record<string, unknown> {
  return {
    title: r.title,
    description: r.description,
    status: r.status,
    priority: r.priority,
    dueAt: r.due_at,
    assigneeId: r.assignee_id,
    subject: r.subject_type ? `${r.subject_type}:${r.subject_id}` : null,
    checklist: JSON.parse(r.checklist) as unknown,
  }
}

async function visibleTask(
  ctx: ActivitiesContext,
  db: Db | Tx,
  actor: Actor,
  row: repo.TaskRow,
): Promise<boolean> {
  if (actor.kind === 'system') return true
  if (!hasPermission(actor, 'activities.read')) return false
  if (canSee(actor, { ownerId: row.assignee_id, teamId: row.team_id })) return true
  if (row.created_by !== null && row.created_by === actor.userId) return true
  if (row.subject_type === null || row.subject_id === null) return false
  const subject = ctx.subjects.get(row.subject_type)
  const record = subject ? await subject.load(db as Db, row.subject_id) : undefined
  return record !== undefined && hasPermission(actor, subject!.readPermission) && canSee(actor, record)
}

async function taskForWrite(ctx: ActivitiesContext, tx: Tx, actor: Actor, id: number) {
  const row = await repo.findTaskRow(tx, id)
  if (!row || !(await visibleTask(ctx, tx, actor, row))) throw AppError.notFound()
  if (!repo.canEditRecord(actor, { owner: row.assignee_id, team: row.team_id, createdBy: row.created_by }))
    throw AppError.forbidden()
  return row
}

export async function getTask(ctx: ActivitiesContext, actor: Actor, id: number): Promise<TaskDto> {
  const row = await repo.findTaskRow(ctx.db, id)
  if (!row || !(await visibleTask(ctx, ctx.db, actor, row))) throw AppError.notFound()
  return (await repo.taskDtos(ctx.db, actor, [row]))[0]!
}

/** The task list: mine, what I assigned, my team's, everything I may see; by status, overdue, client. */
export async function listTasks(
  ctx: ActivitiesContext,
  actor: Actor,
  q: TaskListQuery,
): Promise<{ items: TaskDto[]; total: number; page: number; pageSize: number }> {
  requirePermission(actor, 'activities.read')
  const me = actor.userId ?? -1
  let query = ctx.db
    .selectFrom('tasks as t')
    .where((eb) =>
      eb.or([
        visibleTo(eb, actor, { owner: 't.assignee_id', team: 't.team_id' }),
        eb('t.created_by', '=', me),
      ]),
    )
  if (q.filter === 'mine') query = query.where('t.assignee_id', '=', me)
  else if (q.filter === 'assigned_by_me')
    query = query
      .where('t.created_by', '=', me)
      .where((eb) => eb.or([eb('t.assignee_id', '!=', me), eb('t.assignee_id', 'is', null)]))
  else if (q.filter === 'team')
    query = query.where((eb) =>
      actor.teamId !== null
        ? eb.or([eb('t.team_id', '=', actor.teamId), eb('t.assignee_id', '=', me)])
        : eb('t.assignee_id', '=', me),
    )
  if (q.status !== 'any') query = query.where('t.status', '=', q.status)
  const now = new Date().toISOString()
  if (q.overdue === true) query = query.where('t.status', '=', 'open').where('t.due_at', '<', now)
  if (q.clientId) query = query.where('t.client_id', '=', q.clientId)
  if (q.assigneeId) query = query.where('t.assignee_id', 'in', q.assigneeId.split(',').map(Number))
  if (q.dueFrom) query = query.where('t.due_at', '>=', q.dueFrom)
  if (q.dueTo) query = query.where('t.due_at', '<', q.dueTo)
  if (q.q)
    query = query.where(
      foldSql(dialectOf(ctx.db), sql.ref('t.title')),
      'like',
      sql<string>`${`%${escapeLike(foldCustomText(q.q))}%`} escape '\\'`,
    )
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  let ordered = query.selectAll('t')
  const priorityRank = sql`case t.priority when 'high' then 0 when 'normal' then 1 else 2 end`
  // Tasks without a due time come after dated ones, whichever way.
  const noDue = sql`case when t.due_at is null then 1 else 0 end`
  if (q.sort === 'due') ordered = ordered.orderBy(noDue).orderBy('t.due_at').orderBy(priorityRank)
  else if (q.sort === '-due') ordered = ordered.orderBy(noDue).orderBy('t.due_at', 'desc')
  else if (q.sort === 'priority') ordered = ordered.orderBy(priorityRank).orderBy(noDue).orderBy('t.due_at')
  else if (q.sort === 'created') ordered = ordered.orderBy('t.created_at')
  else ordered = ordered.orderBy('t.created_at', 'desc')
  const rows = (await ordered
    .orderBy('t.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute()) as repo.TaskRow[]
  return {
    items: await repo.taskDtos(ctx.db, actor, rows),
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
  }
}

interface NewTask {
  title: string
  description: string
  priority: 'low' | 'normal' | 'high'
  dueAt: string | null
  assigneeId: number | null
  teamId: number | null
  subjectType: string | null
  subjectId: number | null
  clientId: number | null
  checklist: Array<{ text: string; done: boolean }>
  seriesId?: number | null
  occurrenceKey?: string | null
}

async function insertTask(tx: Tx, source: AuditSource, t: NewTask): Promise<repo.TaskRow> {
  const now = new Date().toISOString()
  const row = (await tx
    .insertInto('tasks')
    .values({
      title: t.title,
      description: t.description,
      status: 'open',
      priority: t.priority,
      due_at: t.dueAt,
      assignee_id: t.assigneeId,
      team_id: t.teamId,
      subject_type: t.subjectType,
      subject_id: t.subjectId,
      client_id: t.clientId,
      checklist: JSON.stringify(t.checklist),
      done_at: null,
      series_id: t.seriesId ?? null,
      occurrence_key: t.occurrenceKey ?? null,
      is_exception: 0,
      escalated_at: null,
      created_by: source.actor.userId,
      updated_by: source.actor.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as repo.TaskRow
  await recordAudit(tx, source, {
    action: 'create',
    entityType: 'task',
    entityId: row.id,
    after: auditView(row),
  })
  return row
}

async function remind(tx: Tx, row: repo.TaskRow, wanted?: number[], moved = true) {
  await syncReminders(
    tx,
    { type: 'task', id: row.id, userId: row.assignee_id, at: row.due_at, active: row.status === 'open' },
    wanted,
    moved,
  )
}

export async function createTask(
  ctx: ActivitiesContext,
  source: AuditSource,
  input: TaskCreateInput,
): Promise<TaskDto> {
  const { actor } = source
  requirePermission(actor, 'activities.write')
  if ((input.subjectType === undefined) !== (input.subjectId === undefined))
    throw AppError.field(
      input.subjectType === undefined ? 'subjectType' : 'subjectId',
      'activities.subject_incomplete',
    )
  if (input.recurrence && !input.dueAt) throw AppError.field('dueAt', 'activities.recurrence_needs_due')
  const row = await inTransaction(ctx.db, async (uow) => {
    const { tx } = uow
    let subject: { type: string; id: number } | null = null
    if (input.subjectType !== undefined && input.subjectId !== undefined) {
      const s = await accessSubject(
        tx,
        ctx.subjects,
        actor,
        { type: input.subjectType, id: input.subjectId },
        'read',
      )
      subject = { type: s.type.type, id: s.id }
    }
    const assignee = await checkPerformer(tx, actor, input.assigneeId, 'assigneeId')
    const base: NewTask = {
      title: input.title,
      description: input.description,
      priority: input.priority,
      dueAt: input.dueAt,
      assigneeId: assignee.id,
      teamId: assignee.teamId,
      subjectType: subject?.type ?? null,
      subjectId: subject?.id ?? null,
      clientId: clientOfSubject(subject?.type ?? null, subject?.id ?? null),
      checklist: input.checklist,
    }
    if (input.recurrence) {
      checkRule(input.recurrence.rule, 'recurrence.rule')
      const now = new Date().toISOString()
      const template = {
        ...base,
        workdays: input.recurrence.workdays,
        nthWorkingDay: input.recurrence.nthWorkingDay ?? null,
        reminders: input.reminders,
      }
      const series = await tx
        .insertInto('recurrences')
        .values({
          kind: 'task',
          rrule: input.recurrence.rule.replace(/^RRULE:/i, ''),
          starts_at: input.dueAt!,
          time_zone: actor.timeZone,
          template: JSON.stringify(template),
          generated_until: input.dueAt!,
          is_active: 1,
          created_by: actor.userId,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(tx, source, {
        action: 'create',
        entityType: 'recurrence',
        entityId: series.id,
        after: {
          kind: 'task',
          rule: input.recurrence.rule,
          workdays: input.recurrence.workdays,
          dueAt: input.dueAt,
        },
      })
      const created = await extendTaskSeries(tx, source, series.id)
      if (!created.length) throw AppError.field('recurrence.rule', 'activities.recurrence_empty')
      await announce(uow, 'task', [concernedTask(created[0]!)])
      return created[0]!
    }
    const task = await insertTask(tx, source, base)
    await remind(tx, task, input.reminders)
    await announce(uow, 'task', [concernedTask(task)])
    return task
  })
  return (await repo.taskDtos(ctx.db, actor, [row]))[0]!
}

/** Materialises a task series up to the horizon (see `extendActivitySeries`). */
export async function extendTaskSeries(
  tx: Tx,
  source: AuditSource,
  seriesId: number,
): Promise<repo.TaskRow[]> {
  const series = await tx.selectFrom('recurrences').selectAll().where('id', '=', seriesId).executeTakeFirst()
  if (series?.is_active !== 1 || series.kind !== 'task') return []
  const t = JSON.parse(series.template) as NewTask & {
    workdays: 'any' | 'shift_forward' | 'skip'
    nthWorkingDay: number | null
    reminders?: number[]
  }
  const window = occurrencesToCreate(series, t)
  if (!window) return []
  const { times, until } = window
  const created: repo.TaskRow[] = []
  for (const at of times) {
    const exists = await tx
      .selectFrom('tasks')
      .select('id')
      .where('series_id', '=', seriesId)
      .where('occurrence_key', '=', at)
      .executeTakeFirst()
    if (exists) continue
    const row = await insertTask(tx, source, {
      ...t,
      checklist: t.checklist.map((c) => ({ ...c, done: false })),
      dueAt: at,
      seriesId,
      occurrenceKey: at,
    })
    await remind(tx, row, t.reminders)
    created.push(row)
  }
  await markGeneratedUntil(tx, seriesId, until)
  return created
}

async function applyTaskChange(
  tx: Tx,
  source: AuditSource,
  before: repo.TaskRow,
  set: Partial<repo.TaskRow>,
): Promise<repo.TaskRow> {
  const after = (await tx
    .updateTable('tasks')
    .set({
      ...set,
      version: before.version + 1,
      updated_by: source.actor.userId,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .returningAll()
    .executeTakeFirst()) as repo.TaskRow | undefined
  if (!after) throw new AppError('precondition_failed')
  await recordAudit(tx, source, {
    action: 'update',
    entityType: 'task',
    entityId: before.id,
    changes: diff(auditView(before), auditView(after)),
  })
  return after
}

export async function updateTask(
  ctx: ActivitiesContext,
  source: AuditSource,
  id: number,
  version: number,
  patch: TaskUpdateInput,
): Promise<TaskDto> {
  const { actor } = source
  const row = await inTransaction(ctx.db, async (uow) => {
    const { tx } = uow
    const before = await taskForWrite(ctx, tx, actor, id)
    if (before.version !== version) throw new AppError('precondition_failed')
    let assigneeId = before.assignee_id
    let teamId = before.team_id
    if (patch.assigneeId !== undefined && patch.assigneeId !== before.assignee_id) {
      const a = await checkPerformer(tx, actor, patch.assigneeId, 'assigneeId')
      assigneeId = a.id
      teamId = a.teamId
    }
    const status = patch.status ?? before.status
    const set: Partial<repo.TaskRow> = {
      title: patch.title ?? before.title,
      description: patch.description ?? before.description,
      priority: patch.priority ?? before.priority,
      due_at: patch.dueAt !== undefined ? patch.dueAt : before.due_at,
      assignee_id: assigneeId,
      team_id: teamId,
      status,
      checklist: patch.checklist ? JSON.stringify(patch.checklist) : before.checklist,
      done_at: status === 'done' ? (before.done_at ?? new Date().toISOString()) : null,
      is_exception: before.series_id !== null && patch.scope !== 'series' ? 1 : before.is_exception,
      escalated_at: patch.dueAt !== undefined && patch.dueAt !== before.due_at ? null : before.escalated_at,
    }
    const after = await applyTaskChange(tx, source, before, set)
    await remind(
      tx,
      after,
      patch.reminders,
      after.due_at !== before.due_at || after.assignee_id !== before.assignee_id || before.status !== 'open',
    )
    if (before.series_id !== null && patch.scope === 'series') {
      const shift =
        before.due_at && after.due_at
          ? new Date(after.due_at).getTime() - new Date(before.due_at).getTime()
          : 0
      const later = (await tx
        .selectFrom('tasks')
        .selectAll()
        .where('series_id', '=', before.series_id)
        .where('due_at', '>', before.due_at ?? '')
        .where('status', '=', 'open')
        .where('is_exception', '=', 0)
        .execute()) as repo.TaskRow[]
      for (const occ of later) {
        const due = occ.due_at ? new Date(new Date(occ.due_at).getTime() + shift).toISOString() : null
        const changed = await applyTaskChange(tx, source, occ, {
          title: after.title,
          description: after.description,
          priority: after.priority,
          assignee_id: after.assignee_id,
          team_id: after.team_id,
          due_at: due,
          checklist: patch.checklist
            ? JSON.stringify(patch.checklist.map((c) => ({ ...c, done: false })))
            : occ.checklist,
        })
        await remind(tx, changed, patch.reminders)
      }
      await reshapeSeries(tx, before.series_id, shift, (t) => {
        Object.assign(t, {
          title: after.title,
          description: after.description,
          priority: after.priority,
          assigneeId: after.assignee_id,
          teamId: after.team_id,
        })
        if (patch.checklist) t.checklist = patch.checklist.map((c) => ({ ...c, done: false }))
        if (patch.reminders !== undefined) t.reminders = patch.reminders
      })
    }
    await announce(uow, 'task', [concernedTask(before), concernedTask(after)])
    return after
  })
  return (await repo.taskDtos(ctx.db, actor, [row]))[0]!
}

export async function deleteTask(
  ctx: ActivitiesContext,
  source: AuditSource,
  id: number,
  version: number,
  scope: 'occurrence' | 'series',
): Promise<void> {
  await inTransaction(ctx.db, async (uow) => {
    const { tx } = uow
    const before = await taskForWrite(ctx, tx, source.actor, id)
    if (before.version !== version) throw new AppError('precondition_failed')
    let doomed: repo.TaskRow[] = [before]
    if (scope === 'series' && before.series_id !== null) {
      const later = (await tx
        .selectFrom('tasks')
        .selectAll()
        .where('series_id', '=', before.series_id)
        .where('due_at', '>', before.due_at ?? '')
        .where('status', '=', 'open')
        .execute()) as repo.TaskRow[]
      doomed = [before, ...later]
      await tx
        .updateTable('recurrences')
        .set({ is_active: 0, updated_at: new Date().toISOString() })
        .where('id', '=', before.series_id)
        .execute()
    }
    for (const r of doomed) {
      await tx.deleteFrom('tasks').where('id', '=', r.id).execute()
      await recordAudit(tx, source, {
        action: 'delete',
        entityType: 'task',
        entityId: r.id,
        before: auditView(r),
      })
    }
    await dropReminders(
      tx,
      'task',
      doomed.map((r) => r.id),
    )
    await announce(uow, 'task', doomed.map(concernedTask))
  })
}
