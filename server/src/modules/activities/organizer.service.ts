/** The manager's organizer: "my day" and a record's timeline of activities and tasks. */
import { instantOfWallClock, wallClockOf } from '../../platform/calendar/recurrence.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { requirePermission } from '../../platform/permissions/authorize.ts'
import { visibleTo } from '../../platform/permissions/visibility.ts'
import { accessSubject } from '../../platform/subject-access.ts'
import * as repo from './activities.repository.ts'
import type { ActivityDto, TaskDto } from './activities.schemas.ts'
import type { ActivitiesContext } from './activities.service.ts'

/** The UTC instant of a local midnight (`YYYY-MM-DD` in the zone). */
export function localMidnightUtc(date: string, timeZone: string): Date {
  return new Date(instantOfWallClock(`${date}T00:00:00.000`, timeZone))
}

/** Today's date in a time zone. */
export function localToday(timeZone: string, now = new Date()): string {
  return wallClockOf(now.toISOString(), timeZone).slice(0, 10)
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** A day's activities and tasks of the caller, in their time zone; first everything overdue (planned or open, its time passed), whatever its day. */
export async function myDay(ctx: ActivitiesContext, actor: Actor, date?: string) {
  requirePermission(actor, 'activities.read')
  const tz = actor.timeZone
  const day = date ?? localToday(tz)
  const from = localMidnightUtc(day, tz).toISOString()
  const to = localMidnightUtc(nextDate(day), tz).toISOString()
  const me = actor.userId ?? -1
  const now = new Date().toISOString()
  const overdueActivities = (await ctx.db
    .selectFrom('activities')
    .selectAll()
    .where('owner_id', '=', me)
    .where('status', '=', 'planned')
    .where('starts_at', '<', now)
    .orderBy('starts_at')
    .limit(200)
    .execute()) as repo.ActivityRow[]
  const activities = (await ctx.db
    .selectFrom('activities')
    .selectAll()
    .where('owner_id', '=', me)
    .where('status', '!=', 'cancelled')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .limit(500)
    .execute()) as repo.ActivityRow[]
  const overdueTasks = (await ctx.db
    .selectFrom('tasks')
    .selectAll()
    .where('assignee_id', '=', me)
    .where('status', '=', 'open')
    .where('due_at', '<', now)
    .orderBy('due_at')
    .limit(200)
    .execute()) as repo.TaskRow[]
  const tasks = (await ctx.db
    .selectFrom('tasks')
    .selectAll()
    .where('assignee_id', '=', me)
    .where('status', '!=', 'cancelled')
    .where((eb) =>
      eb.or([
        eb.and([eb('due_at', '>=', from), eb('due_at', '<', to)]),
        // Undated open tasks belong to every day until done.
        eb.and([eb('due_at', 'is', null), eb('status', '=', 'open')]),
      ]),
    )
    .orderBy('due_at')
    .limit(500)
    .execute()) as repo.TaskRow[]
  const overdueIds = new Set(overdueActivities.map((a) => a.id))
  const overdueTaskIds = new Set(overdueTasks.map((t) => t.id))
  return {
    date: day,
    timeZone: tz,
    overdueActivities: await repo.activityDtos(ctx.db, actor, overdueActivities),
    overdueTasks: await repo.taskDtos(ctx.db, actor, overdueTasks),
    activities: await repo.activityDtos(
      ctx.db,
      actor,
      activities.filter((a) => !overdueIds.has(a.id)),
    ),
    tasks: await repo.taskDtos(
      ctx.db,
      actor,
      tasks.filter((t) => !overdueTaskIds.has(t.id)),
    ),
  }
}

interface TimelineEntry {
  kind: 'activity' | 'task'
  at: string
  activity: ActivityDto | null
  task: TaskDto | null
}

/**
 * A record's timeline (the client card): what is coming (planned activities, open tasks), then what
 * happened, newest first, paged by a cursor `<at>|<kind>|<id>`. Anyone who may read the record sees all
 * of its activities and tasks: the dossier is the team's.
 */
export async function timeline(
  ctx: ActivitiesContext,
  actor: Actor,
  q: { subjectType: string; subjectId: number; before?: string; limit: number },
): Promise<{ upcoming: TimelineEntry[]; items: TimelineEntry[]; nextBefore: string | null }> {
  requirePermission(actor, 'activities.read')
  const subject = await accessSubject(
    ctx.db,
    ctx.subjects,
    actor,
    { type: q.subjectType, id: q.subjectId },
    'read',
  )
  const forClient = subject.type.type === 'client'
  const activityBase = () =>
    ctx.db
      .selectFrom('activities')
      .selectAll()
      .where((eb) =>
        forClient
          ? eb('client_id', '=', subject.id)
          : eb.and([eb('subject_type', '=', subject.type.type), eb('subject_id', '=', subject.id)]),
      )
  const taskBase = () =>
    ctx.db
      .selectFrom('tasks')
      .selectAll()
      .where((eb) =>
        forClient
          ? eb('client_id', '=', subject.id)
          : eb.and([eb('subject_type', '=', subject.type.type), eb('subject_id', '=', subject.id)]),
      )
  const upcomingActivities = (await activityBase()
    .where('status', '=', 'planned')
    .orderBy('starts_at')
    .limit(50)
    .execute()) as repo.ActivityRow[]
  const upcomingTasks = (await taskBase()
    .where('status', '=', 'open')
    .orderBy('due_at')
    .limit(50)
    .execute()) as repo.TaskRow[]
  const [beforeAt, beforeKind, beforeId] = q.before ? q.before.split('|') : []
  const cursorAt = beforeAt && !Number.isNaN(Date.parse(beforeAt)) ? new Date(beforeAt).toISOString() : null
  const pastActivities = (await activityBase()
    .where('status', '!=', 'planned')
    .$if(cursorAt !== null, (qb) =>
      qb.where(({ eb, fn }) => eb(fn.coalesce('done_at', 'starts_at'), '<=', cursorAt!)),
    )
    .orderBy(({ fn }) => fn.coalesce('done_at', 'starts_at'), 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 50)
    .execute()) as repo.ActivityRow[]
  const pastTasks = (await taskBase()
    .where('status', '!=', 'open')
    .$if(cursorAt !== null, (qb) =>
      qb.where(({ eb, fn }) => eb(fn.coalesce('done_at', 'updated_at'), '<=', cursorAt!)),
    )
    .orderBy(({ fn }) => fn.coalesce('done_at', 'updated_at'), 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 50)
    .execute()) as repo.TaskRow[]
  type Row = { kind: 'activity' | 'task'; at: string; id: number; a?: repo.ActivityRow; t?: repo.TaskRow }
  const key = (r: Row) => `${r.at}|${r.kind}|${String(r.id).padStart(12, '0')}`
  const cursorKey = q.before ? `${beforeAt}|${beforeKind}|${String(beforeId).padStart(12, '0')}` : null
  const merged: Row[] = [
    ...pastActivities.map((a) => ({ kind: 'activity' as const, at: a.done_at ?? a.starts_at, id: a.id, a })),
    ...pastTasks.map((t) => ({ kind: 'task' as const, at: t.done_at ?? t.updated_at, id: t.id, t })),
  ]
    .filter((r) => cursorKey === null || key(r) < cursorKey)
    .sort((x, y) => (key(x) < key(y) ? 1 : -1))
  const page = merged.slice(0, q.limit)
  const aDtos = new Map(
    (
      await repo.activityDtos(ctx.db, actor, [
        ...upcomingActivities,
        ...page.filter((r) => r.a).map((r) => r.a!),
      ])
    ).map((d) => [d.id, d]),
  )
  const tDtos = new Map(
    (await repo.taskDtos(ctx.db, actor, [...upcomingTasks, ...page.filter((r) => r.t).map((r) => r.t!)])).map(
      (d) => [d.id, d],
    ),
  )
  const upcoming: TimelineEntry[] = [
    ...upcomingActivities.map((a) => ({
      kind: 'activity' as const,
      at: a.starts_at,
      activity: aDtos.get(a.id)!,
      task: null,
    })),
    ...upcomingTasks.map((t) => ({
      kind: 'task' as const,
      at: t.due_at ?? '9999',
      activity: null,
      task: tDtos.get(t.id)!,
    })),
  ].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0))
  const last = page[page.length - 1]
  return {
    upcoming: upcoming.map((u) => (u.at === '9999' ? { ...u, at: u.task?.createdAt ?? u.at } : u)),
    items: page.map((r) => ({
      kind: r.kind,
      at: r.at,
      activity: r.a ? aDtos.get(r.id)! : null,
      task: r.t ? tDtos.get(r.id)! : null,
    })),
    nextBefore: merged.length > q.limit && last ? `${last.at}|${last.kind}|${last.id}` : null,
  }
}

/** Colleagues whose calendars the caller may open (themselves; their team for a head; everyone for "all"). */
export async function calendarPeople(ctx: ActivitiesContext, actor: Actor) {
  requirePermission(actor, 'activities.read')
  const rows = await ctx.db
    .selectFrom('users as u')
    .select(['u.id', 'u.name', 'u.team_id'])
    .where('u.is_active', '=', 1)
    .where((eb) => visibleTo(eb, actor, { owner: 'u.id', team: 'u.team_id' }))
    .orderBy('u.name')
    .limit(500)
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, teamId: r.team_id, isMe: r.id === actor.userId }))
}
