/**
 * Activities: contacts with a client (later a dealer, a campaign, an inquiry), planned or done.
 * Every command runs in one transaction: the subject is checked for the caller before anything is
 * written, reminders and the client's "next activity / last contact" follow, and the change is audited.
 */
import { type AuditSource, diff, recordAudit } from '../../platform/audit/audit.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { hasPermission } from '../../platform/permissions/actor.ts'
import { canSee, requirePermission } from '../../platform/permissions/authorize.ts'
import { visibleTo } from '../../platform/permissions/visibility.ts'
import { accessSubject } from '../../platform/subject-access.ts'
import type { SubjectRegistry } from '../../platform/subjects.ts'
import * as repo from './activities.repository.ts'
import type {
  ActivityCompleteInput,
  ActivityCreateInput,
  ActivityDto,
  ActivityListQuery,
  ActivityUpdateInput,
  RecurrenceInput,
} from './activities.schemas.ts'
import { announce, concernedActivity } from './announce.ts'
import { checkRule } from './recurrence-text.ts'
import { dropReminders, syncReminders } from './reminders.sync.ts'
import { markGeneratedUntil, occurrencesToCreate, reshapeSeries } from './series-window.ts'

export interface ActivitiesContext {
  db: Db
  subjects: SubjectRegistry
}

type Executor = Db | Tx

/** The earlier of two ISO instants (string comparison is time order for `toISOString()` values). */
const earlierOf = (a: string, b: string) => (a < b ? a : b)

const addMinutes = (iso: string, minutes: number) =>
  new Date(new Date(iso).getTime() + minutes * 60_000).toISOString()

/** The client an activity or task concerns: the subject itself for a client. */
export function clientOfSubject(subjectType: string | null, subjectId: number | null): number | null {
  return subjectType === 'client' ? subjectId : null
}

/** The performer given by the caller: themselves, or (with `activities.assign`) a colleague they can see. */
export async function checkPerformer(
  tx: Executor,
  actor: Actor,
  userId: number | undefined,
  field: string,
): Promise<{ id: number | null; teamId: number | null }> {
  const id = userId ?? actor.userId
  if (id === null) return { id: null, teamId: null }
  const user = await tx
    .selectFrom('users')
    .select(['id', 'team_id', 'is_active'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (user?.is_active !== 1) throw AppError.field(field, 'activities.performer_not_found')
  if (id !== actor.userId && actor.kind === 'user') {
    if (!hasPermission(actor, 'activities.assign') || !canSee(actor, { ownerId: id, teamId: user.team_id }))
      throw AppError.field(field, 'activities.cannot_assign', undefined, 'forbidden')
  }
  return { id, teamId: user.team_id }
}

async function checkType(tx: Executor, typeId: number, requireActive: boolean) {
  const type = await tx.selectFrom('activity_types').selectAll().where('id', '=', typeId).executeTakeFirst()
  if (!type || (requireActive && type.is_active !== 1))
    throw AppError.field('typeId', 'activities.type_not_found')
  return type
}

async function checkOutcome(tx: Executor, typeId: number, outcomeId: number | null | undefined) {
  if (outcomeId === null || outcomeId === undefined) return
  const o = await tx
    .selectFrom('activity_outcomes')
    .select(['id', 'type_id'])
    .where('id', '=', outcomeId)
    .executeTakeFirst()
  if (!o || o.type_id !== typeId) throw AppError.field('outcomeId', 'activities.outcome_not_of_type')
}

async function checkContact(tx: Executor, clientId: number | null, contactId: number | null | undefined) {
  if (contactId === null || contactId === undefined) return
  if (clientId === null) throw AppError.field('contactId', 'activities.contact_not_of_client')
  const link = await tx
    .selectFrom('contact_links')
    .select('contact_id')
    .where('client_id', '=', clientId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  if (!link) throw AppError.field('contactId', 'activities.contact_not_of_client')
}

/** What the audit trail keeps of an activity. */
function auditView(r: repo.ActivityRow): Record<string, unknown> {
  return {
    typeId: r.type_id,
    status: r.status,
    direction: r.direction,
    title: r.title,
    description: r.description,
    location: r.location,
    subject: `${r.subject_type}:${r.subject_id}`,
    contactId: r.contact_id,
    startsAt: r.starts_at,
    durationMin: r.duration_min,
    ownerId: r.owner_id,
    outcomeId: r.outcome_id,
    result: r.result,
    doneAt: r.done_at,
  }
}

/** May the actor see this activity: by its performer's team, as its creator, or through its subject. */
async function visibleActivity(
  ctx: ActivitiesContext,
  db: Db | Tx,
  actor: Actor,
  row: repo.ActivityRow,
): Promise<boolean> {
  if (actor.kind === 'system') return true
  if (!hasPermission(actor, 'activities.read')) return false
  if (canSee(actor, { ownerId: row.owner_id, teamId: row.team_id })) return true
  if (row.created_by !== null && row.created_by === actor.userId) return true
  const subject = ctx.subjects.get(row.subject_type)
  const record = subject ? await subject.load(db as Db, row.subject_id) : undefined
  return record !== undefined && hasPermission(actor, subject!.readPermission) && canSee(actor, record)
}

/** Loads an activity the actor may change: 404 when invisible, 403 without the right. */
async function activityForWrite(ctx: ActivitiesContext, tx: Tx, actor: Actor, id: number) {
  const row = await repo.findActivityRow(tx, id)
  if (!row || !(await visibleActivity(ctx, tx, actor, row))) throw AppError.notFound()
  if (!repo.canEditRecord(actor, { owner: row.owner_id, team: row.team_id, createdBy: row.created_by }))
    throw AppError.forbidden()
  return row
}

export async function getActivity(ctx: ActivitiesContext, actor: Actor, id: number): Promise<ActivityDto> {
  const row = await repo.findActivityRow(ctx.db, id)
  if (!row || !(await visibleActivity(ctx, ctx.db, actor, row))) throw AppError.notFound()
  return (await repo.activityDtos(ctx.db, actor, [row]))[0]!
}

/** Activities in a period (the calendar, "my day"): the caller's, their team's or chosen colleagues'. */
export async function listActivities(
  ctx: ActivitiesContext,
  actor: Actor,
  q: ActivityListQuery,
): Promise<ActivityDto[]> {
  requirePermission(actor, 'activities.read')
  if (q.from >= q.to) throw AppError.field('to', 'activities.period_invalid')
  if (new Date(q.to).getTime() - new Date(q.from).getTime() > 100 * 86_400_000)
    throw AppError.field('to', 'activities.period_too_long')
  let query = ctx.db
    .selectFrom('activities as a')
    .selectAll('a')
    .where('a.starts_at', '<', q.to)
    .where('a.ends_at', '>=', q.from)
    .where((eb) =>
      eb.or([
        visibleTo(eb, actor, { owner: 'a.owner_id', team: 'a.team_id' }),
        eb('a.created_by', '=', actor.userId ?? -1),
      ]),
    )
  if (q.ownerId === 'me') query = query.where('a.owner_id', '=', actor.userId ?? -1)
  else if (q.ownerId === 'team')
    query = query.where((eb) =>
      actor.teamId !== null
        ? eb.or([eb('a.team_id', '=', actor.teamId), eb('a.owner_id', '=', actor.userId ?? -1)])
        : eb('a.owner_id', '=', actor.userId ?? -1),
    )
  else if (q.ownerId) query = query.where('a.owner_id', 'in', q.ownerId.split(',').map(Number))
  if (q.clientId) query = query.where('a.client_id', '=', q.clientId)
  if (q.typeId) query = query.where('a.type_id', '=', q.typeId)
  if (q.status === 'open') query = query.where('a.status', '=', 'planned')
  else if (q.status) query = query.where('a.status', '=', q.status)
  else query = query.where('a.status', '!=', 'cancelled')
  const rows = (await query
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(q.limit)
    .execute()) as repo.ActivityRow[]
  return repo.activityDtos(ctx.db, actor, rows)
}

interface NewActivity {
  typeId: number
  status: 'planned' | 'done'
  direction: 'in' | 'out' | null
  title: string
  description: string
  location: string
  subjectType: string
  subjectId: number
  clientId: number | null
  contactId: number | null
  startsAt: string
  durationMin: number
  ownerId: number | null
  teamId: number | null
  outcomeId: number | null
  result: string
  seriesId?: number | null
  occurrenceKey?: string | null
}

async function insertActivity(tx: Tx, source: AuditSource, a: NewActivity): Promise<repo.ActivityRow> {
  const now = new Date().toISOString()
  const endsAt = addMinutes(a.startsAt, a.durationMin)
  const doneAt = a.status === 'done' ? earlierOf(endsAt, now) : null
  const row = (await tx
    .insertInto('activities')
    .values({
      type_id: a.typeId,
      status: a.status,
      direction: a.direction,
      title: a.title,
      description: a.description,
      location: a.location,
      subject_type: a.subjectType,
      subject_id: a.subjectId,
      client_id: a.clientId,
      contact_id: a.contactId,
      starts_at: a.startsAt,
      duration_min: a.durationMin,
      ends_at: endsAt,
      owner_id: a.ownerId,
      team_id: a.teamId,
      outcome_id: a.outcomeId,
      result: a.result,
      done_at: doneAt,
      series_id: a.seriesId ?? null,
      occurrence_key: a.occurrenceKey ?? null,
      is_exception: 0,
      escalated_at: null,
      created_by: source.actor.userId,
      updated_by: source.actor.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as repo.ActivityRow
  await recordAudit(tx, source, {
    action: 'create',
    entityType: 'activity',
    entityId: row.id,
    after: auditView(row),
  })
  return row
}

async function remind(tx: Tx, row: repo.ActivityRow, typeCode: string, wanted?: number[], moved = true) {
  await syncReminders(
    tx,
    {
      type: 'activity',
      id: row.id,
      userId: row.owner_id,
      at: row.starts_at,
      active: row.status === 'planned',
      typeCode,
    },
    wanted,
    moved,
  )
}

/** Plans an activity (optionally a recurring series) or logs one that took place. */
export async function createActivity(
  ctx: ActivitiesContext,
  source: AuditSource,
  input: ActivityCreateInput,
): Promise<ActivityDto> {
  const { actor } = source
  requirePermission(actor, 'activities.write')
  const row = await inTransaction(ctx.db, async (uow) => {
    const { tx } = uow
    const subject = await accessSubject(
      tx,
      ctx.subjects,
      actor,
      { type: input.subjectType, id: input.subjectId },
      'read',
    )
    const type = await checkType(tx, input.typeId, true)
    const clientId = clientOfSubject(subject.type.type, subject.id)
    await checkContact(tx, clientId, input.contactId)
    const performer = await checkPerformer(tx, actor, input.ownerId, 'ownerId')
    if (input.status === 'done') await checkOutcome(tx, type.id, input.outcomeId)
    else if (input.outcomeId) throw AppError.field('outcomeId', 'activities.outcome_only_when_done')
    if (input.recurrence && input.status === 'done')
      throw AppError.field('recurrence', 'activities.recurrence_only_planned')
    const base: NewActivity = {
      typeId: type.id,
      status: input.status,
      direction: type.has_direction === 1 ? (input.direction ?? 'out') : null,
      title: input.title,
      description: input.description,
      location: input.location,
      subjectType: subject.type.type,
      subjectId: subject.id,
      clientId,
      contactId: input.contactId ?? null,
      startsAt: input.startsAt,
      durationMin: input.durationMin ?? type.default_duration_min,
      ownerId: performer.id,
      teamId: performer.teamId,
      outcomeId: input.status === 'done' ? (input.outcomeId ?? null) : null,
      result: input.status === 'done' ? input.result : '',
    }
    let first: repo.ActivityRow
    if (input.recurrence) {
      first = await createSeries(tx, source, base, input.recurrence, input.reminders)
    } else {
      first = await insertActivity(tx, source, base)
      await remind(tx, first, type.code, input.reminders)
    }
    await repo.refreshClientActivity(tx, [clientId])
    await announce(uow, 'activity', [concernedActivity(first)])
    return first
  })
  return (await repo.activityDtos(ctx.db, actor, [row]))[0]!
}

/** The series row and its occurrences up to the horizon; returns the first occurrence. */
async function createSeries(
  tx: Tx,
  source: AuditSource,
  base: NewActivity,
  recurrence: RecurrenceInput,
  reminders: number[] | undefined,
): Promise<repo.ActivityRow> {
  checkRule(recurrence.rule, 'recurrence.rule')
  const now = new Date().toISOString()
  const template = {
    ...base,
    workdays: recurrence.workdays,
    nthWorkingDay: recurrence.nthWorkingDay ?? null,
    reminders,
  }
  const series = await tx
    .insertInto('recurrences')
    .values({
      kind: 'activity',
      rrule: recurrence.rule.replace(/^RRULE:/i, ''),
      starts_at: base.startsAt,
      time_zone: source.actor.timeZone,
      template: JSON.stringify(template),
      generated_until: base.startsAt,
      is_active: 1,
      created_by: source.actor.userId,
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
      kind: 'activity',
      rule: recurrence.rule,
      workdays: recurrence.workdays,
      startsAt: base.startsAt,
    },
  })
  const created = await extendActivitySeries(tx, source, series.id)
  if (!created.length) throw AppError.field('recurrence.rule', 'activities.recurrence_empty')
  return created[0]!
}

/**
 * Materialises a series' occurrences from where it stopped up to the horizon (called when the series is
 * created and daily by a job). Each occurrence is created once (unique series + occurrence key).
 */
export async function extendActivitySeries(
  tx: Tx,
  source: AuditSource,
  seriesId: number,
): Promise<repo.ActivityRow[]> {
  const series = await tx.selectFrom('recurrences').selectAll().where('id', '=', seriesId).executeTakeFirst()
  if (series?.is_active !== 1 || series.kind !== 'activity') return []
  const t = JSON.parse(series.template) as NewActivity & {
    workdays: 'any' | 'shift_forward' | 'skip'
    nthWorkingDay: number | null
    reminders?: number[]
  }
  const window = occurrencesToCreate(series, t)
  if (!window) return []
  const { times, until } = window
  const type = await tx
    .selectFrom('activity_types')
    .select('code')
    .where('id', '=', t.typeId)
    .executeTakeFirst()
  const created: repo.ActivityRow[] = []
  for (const at of times) {
    const exists = await tx
      .selectFrom('activities')
      .select('id')
      .where('series_id', '=', seriesId)
      .where('occurrence_key', '=', at)
      .executeTakeFirst()
    if (exists) continue
    const row = await insertActivity(tx, source, {
      ...t,
      status: 'planned',
      startsAt: at,
      outcomeId: null,
      result: '',
      seriesId,
      occurrenceKey: at,
    })
    await remind(tx, row, type?.code ?? '', t.reminders)
    created.push(row)
  }
  await markGeneratedUntil(tx, seriesId, until)
  await repo.refreshClientActivity(tx, [t.clientId])
  return created
}

const SERIES_FIELDS = [
  'typeId',
  'direction',
  'title',
  'description',
  'location',
  'durationMin',
  'ownerId',
  'contactId',
] as const

/** Changes an activity (and with `scope: series`, every later occurrence of its series). */
export async function updateActivity(
  ctx: ActivitiesContext,
  source: AuditSource,
  id: number,
  version: number,
  patch: ActivityUpdateInput,
): Promise<ActivityDto> {
  const { actor } = source
  const row = await inTransaction(ctx.db, async (uow) => {
    const { tx } = uow
    const before = await activityForWrite(ctx, tx, actor, id)
    if (before.version !== version) throw new AppError('precondition_failed')
    const typeId = patch.typeId ?? before.type_id
    const type = await checkType(tx, typeId, patch.typeId !== undefined && patch.typeId !== before.type_id)
    if (patch.contactId !== undefined) await checkContact(tx, before.client_id, patch.contactId)
    let ownerId = before.owner_id
    let teamId = before.team_id
    if (patch.ownerId !== undefined && patch.ownerId !== before.owner_id) {
      const p = await checkPerformer(tx, actor, patch.ownerId, 'ownerId')
      ownerId = p.id
      teamId = p.teamId
    }
    if (patch.outcomeId !== undefined) {
      if (before.status !== 'done' && patch.outcomeId !== null)
        throw AppError.field('outcomeId', 'activities.outcome_only_when_done')
      await checkOutcome(tx, typeId, patch.outcomeId)
    }
    const startsAt = patch.startsAt ?? before.starts_at
    const durationMin = patch.durationMin ?? before.duration_min
    const inSeries = before.series_id !== null && patch.scope === 'series'
    const changed = await applyActivityChange(tx, source, before, {
      type_id: typeId,
      direction:
        type.has_direction === 1
          ? patch.direction !== undefined
            ? patch.direction
            : (before.direction ?? 'out')
          : null,
      title: patch.title ?? before.title,
      description: patch.description ?? before.description,
      location: patch.location ?? before.location,
      contact_id: patch.contactId !== undefined ? patch.contactId : before.contact_id,
      starts_at: startsAt,
      duration_min: durationMin,
      ends_at: addMinutes(startsAt, durationMin),
      owner_id: ownerId,
      team_id: teamId,
      outcome_id: patch.outcomeId !== undefined ? patch.outcomeId : before.outcome_id,
      result: patch.result ?? before.result,
      is_exception: before.series_id !== null && !inSeries ? 1 : before.is_exception,
      // Moved: overdue (and escalated) afresh only if the new time passes too.
      escalated_at: startsAt !== before.starts_at ? null : before.escalated_at,
    })
    await remind(
      tx,
      changed,
      type.code,
      patch.reminders,
      changed.starts_at !== before.starts_at || changed.owner_id !== before.owner_id,
    )
    if (inSeries) await changeSeriesFrom(tx, source, before, changed, patch, type.code)
    await repo.refreshClientActivity(tx, [before.client_id])
    await announce(uow, 'activity', [concernedActivity(before), concernedActivity(changed)])
    return changed
  })
  return (await repo.activityDtos(ctx.db, actor, [row]))[0]!
}

async function applyActivityChange(
  tx: Tx,
  source: AuditSource,
  before: repo.ActivityRow,
  set: Partial<repo.ActivityRow>,
): Promise<repo.ActivityRow> {
  const after = (await tx
    .updateTable('activities')
    .set({
      ...set,
      version: before.version + 1,
      updated_by: source.actor.userId,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .returningAll()
    .executeTakeFirst()) as repo.ActivityRow | undefined
  if (!after) throw new AppError('precondition_failed')
  await recordAudit(tx, source, {
    action: 'update',
    entityType: 'activity',
    entityId: before.id,
    changes: diff(auditView(before), auditView(after)),
  })
  return after
}

/** A change to the series from this occurrence on: later planned occurrences (not changed on their own) follow. */
async function changeSeriesFrom(
  tx: Tx,
  source: AuditSource,
  before: repo.ActivityRow,
  after: repo.ActivityRow,
  patch: ActivityUpdateInput,
  typeCode: string,
) {
  const shift = new Date(after.starts_at).getTime() - new Date(before.starts_at).getTime()
  const later = (await tx
    .selectFrom('activities')
    .selectAll()
    .where('series_id', '=', before.series_id)
    .where('starts_at', '>', before.starts_at)
    .where('status', '=', 'planned')
    .where('is_exception', '=', 0)
    .execute()) as repo.ActivityRow[]
  for (const occ of later) {
    const startsAt = new Date(new Date(occ.starts_at).getTime() + shift).toISOString()
    const changed = await applyActivityChange(tx, source, occ, {
      type_id: after.type_id,
      direction: after.direction,
      title: after.title,
      description: after.description,
      location: after.location,
      contact_id: after.contact_id,
      starts_at: startsAt,
      duration_min: after.duration_min,
      ends_at: addMinutes(startsAt, after.duration_min),
      owner_id: after.owner_id,
      team_id: after.team_id,
    })
    await remind(tx, changed, typeCode, patch.reminders)
  }
  // New occurrences are made from the changed template; a moved time moves the whole series.
  await reshapeSeries(tx, before.series_id!, shift, (t) => {
    for (const f of SERIES_FIELDS) {
      const key =
        f === 'typeId'
          ? 'type_id'
          : f === 'durationMin'
            ? 'duration_min'
            : f === 'ownerId'
              ? 'owner_id'
              : f === 'contactId'
                ? 'contact_id'
                : f
      t[f] = (after as unknown as Record<string, unknown>)[key]
    }
    t.teamId = after.team_id
    if (patch.reminders !== undefined) t.reminders = patch.reminders
  })
}

/** Marks a planned activity done with its outcome, and optionally plans the next one in the same step. */
export async function completeActivity(
  ctx: ActivitiesContext,
  source: AuditSource,
  id: number,
  version: number,
  input: ActivityCompleteInput,
): Promise<{ activity: ActivityDto; next: ActivityDto | null }> {
  const { actor } = source
  const [row, next] = await inTransaction(ctx.db, async (uow) => {
    const { tx } = uow
    const before = await activityForWrite(ctx, tx, actor, id)
    if (before.version !== version) throw new AppError('precondition_failed')
    if (before.status !== 'planned') throw new AppError('conflict', { key: 'activities.not_planned' })
    await checkOutcome(tx, before.type_id, input.outcomeId)
    const now = new Date().toISOString()
    const doneAt = input.doneAt ?? now
    if (doneAt > addMinutes(now, 5)) throw AppError.field('doneAt', 'activities.done_in_future')
    const after = await applyActivityChange(tx, source, before, {
      status: 'done',
      outcome_id: input.outcomeId,
      result: input.result,
      done_at: doneAt,
      is_exception: before.series_id !== null ? 1 : 0,
    })
    const type = await checkType(tx, before.type_id, false)
    await remind(tx, after, type.code)
    let nextRow: repo.ActivityRow | null = null
    if (input.next) {
      const nextType = await checkType(tx, input.next.typeId, true)
      nextRow = await insertActivity(tx, source, {
        typeId: nextType.id,
        status: 'planned',
        direction: nextType.has_direction === 1 ? 'out' : null,
        title: input.next.title,
        description: '',
        location: '',
        subjectType: before.subject_type,
        subjectId: before.subject_id,
        clientId: before.client_id,
        contactId: before.contact_id,
        startsAt: input.next.startsAt,
        durationMin: input.next.durationMin ?? nextType.default_duration_min,
        ownerId: before.owner_id,
        teamId: before.team_id,
        outcomeId: null,
        result: '',
      })
      await remind(tx, nextRow, nextType.code, input.next.reminders)
    }
    await repo.refreshClientActivity(tx, [before.client_id])
    await announce(uow, 'activity', [
      concernedActivity(after),
      ...(nextRow ? [concernedActivity(nextRow)] : []),
    ])
    return [after, nextRow] as const
  })
  const dtos = await repo.activityDtos(ctx.db, actor, next ? [row, next] : [row])
  return { activity: dtos[0]!, next: dtos[1] ?? null }
}

/** Cancels a planned activity (kept on the timeline as cancelled). */
export async function cancelActivity(
  ctx: ActivitiesContext,
  source: AuditSource,
  id: number,
  version: number,
): Promise<ActivityDto> {
  const row = await inTransaction(ctx.db, async (uow) => {
    const { tx } = uow
    const before = await activityForWrite(ctx, tx, source.actor, id)
    if (before.version !== version) throw new AppError('precondition_failed')
    if (before.status !== 'planned') throw new AppError('conflict', { key: 'activities.not_planned' })
    const after = await applyActivityChange(tx, source, before, {
      status: 'cancelled',
      is_exception: before.series_id !== null ? 1 : 0,
    })
    await remind(tx, after, '')
    await repo.refreshClientActivity(tx, [before.client_id])
    await announce(uow, 'activity', [concernedActivity(after)])
    return after
  })
  return (await repo.activityDtos(ctx.db, source.actor, [row]))[0]!
}

/** Deletes an activity (with `scope: series`, it and every later planned occurrence; the series stops). */
export async function deleteActivity(
  ctx: ActivitiesContext,
  source: AuditSource,
  id: number,
  version: number,
  scope: 'occurrence' | 'series',
): Promise<void> {
  await inTransaction(ctx.db, async (uow) => {
    const { tx } = uow
    const before = await activityForWrite(ctx, tx, source.actor, id)
    if (before.version !== version) throw new AppError('precondition_failed')
    let doomed: repo.ActivityRow[] = [before]
    if (scope === 'series' && before.series_id !== null) {
      const later = (await tx
        .selectFrom('activities')
        .selectAll()
        .where('series_id', '=', before.series_id)
        .where('starts_at', '>', before.starts_at)
        .where('status', '=', 'planned')
        .execute()) as repo.ActivityRow[]
      doomed = [before, ...later]
      await tx
        .updateTable('recurrences')
        .set({ is_active: 0, updated_at: new Date().toISOString() })
        .where('id', '=', before.series_id)
        .execute()
    }
    for (const r of doomed) {
      await tx.deleteFrom('activities').where('id', '=', r.id).execute()
      await recordAudit(tx, source, {
        action: 'delete',
        entityType: 'activity',
        entityId: r.id,
        before: auditView(r),
      })
    }
    await dropReminders(
      tx,
      'activity',
      doomed.map((r) => r.id),
    )
    await repo.refreshClientActivity(tx, [before.client_id])
    await announce(uow, 'activity', doomed.map(concernedActivity))
  })
}
