/**
 * Escalation: an activity or task overdue by the configured time is reported to the performer's team
 * head, once (`escalated_at`, and a dedupe key on the notification).
 */
import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { getSetting } from '../../platform/settings.ts'
import { notifyMany } from '../notifications/index.ts'
import { type EscalationSettings, escalationSettingsSchema } from './activities.schemas.ts'

export { type EscalationSettings, escalationSettingsSchema }

export const ESCALATION_JOB = 'activities.escalate'
export const ESCALATION_SETTING = 'activities.escalation'

export async function escalationSettings(db: Db | Tx): Promise<EscalationSettings> {
  const raw = await getSetting(db, ESCALATION_SETTING, {})
  const parsed = escalationSettingsSchema.safeParse(raw)
  return parsed.success ? parsed.data : escalationSettingsSchema.parse({})
}

/** One pass: everything overdue past the limit and not yet escalated. Returns how many were escalated. */
export async function escalateOverdue(db: Db, now = new Date()): Promise<number> {
  const settings = await escalationSettings(db)
  if (!settings.enabled) return 0
  const cutoff = new Date(now.getTime() - settings.afterMinutes * 60_000).toISOString()
  const nowIso = now.toISOString()
  return inTransaction(db, async (uow) => {
    const { tx } = uow
    const activities = await tx
      .selectFrom('activities as a')
      .innerJoin('users as u', 'u.id', 'a.owner_id')
      .innerJoin('teams as t', 't.id', 'u.team_id')
      .innerJoin('activity_types as ty', 'ty.id', 'a.type_id')
      .leftJoin('clients as c', 'c.id', 'a.client_id')
      .select([
        'a.id',
        'a.title',
        'a.starts_at',
        'a.client_id',
        'c.name as client_name',
        'u.id as owner_id',
        'u.name as owner_name',
        't.head_id',
        'ty.name_ru',
        'ty.name_en',
      ])
      .where('a.status', '=', 'planned')
      .where('a.starts_at', '<', cutoff)
      .where('a.escalated_at', 'is', null)
      .where('t.head_id', 'is not', null)
      .whereRef('t.head_id', '!=', 'a.owner_id')
      .limit(500)
      .execute()
    const tasks = await tx
      .selectFrom('tasks as k')
      .innerJoin('users as u', 'u.id', 'k.assignee_id')
      .innerJoin('teams as t', 't.id', 'u.team_id')
      .leftJoin('clients as c', 'c.id', 'k.client_id')
      .select([
        'k.id',
        'k.title',
        'k.due_at',
        'k.client_id',
        'c.name as client_name',
        'u.id as owner_id',
        'u.name as owner_name',
        't.head_id',
      ])
      .where('k.status', '=', 'open')
      .where('k.due_at', '<', cutoff)
      .where('k.escalated_at', 'is', null)
      .where('t.head_id', 'is not', null)
      .whereRef('t.head_id', '!=', 'k.assignee_id')
      .limit(500)
      .execute()
    await notifyMany(uow, [
      ...activities.map((a) => ({
        userId: a.head_id!,
        type: 'escalation',
        subjectType: a.client_id !== null ? 'client' : null,
        subjectId: a.client_id,
        actorId: a.owner_id,
        payload: {
          targetType: 'activity',
          targetId: a.id,
          title: a.title,
          typeName: { ru: a.name_ru, en: a.name_en },
          at: a.starts_at,
          clientName: a.client_name,
          performer: a.owner_name,
          performerId: a.owner_id,
        },
        dedupeKey: `escalation:activity:${a.id}:${a.starts_at}`,
      })),
      ...tasks.map((k) => ({
        userId: k.head_id!,
        type: 'escalation',
        subjectType: k.client_id !== null ? 'client' : null,
        subjectId: k.client_id,
        actorId: k.owner_id,
        payload: {
          targetType: 'task',
          targetId: k.id,
          title: k.title,
          at: k.due_at,
          clientName: k.client_name,
          performer: k.owner_name,
          performerId: k.owner_id,
        },
        dedupeKey: `escalation:task:${k.id}:${k.due_at}`,
      })),
    ])
    if (activities.length)
      await tx
        .updateTable('activities')
        .set({ escalated_at: nowIso })
        .where(
          'id',
          'in',
          activities.map((a) => a.id),
        )
        .execute()
    if (tasks.length)
      await tx
        .updateTable('tasks')
        .set({ escalated_at: nowIso })
        .where(
          'id',
          'in',
          tasks.map((k) => k.id),
        )
        .execute()
    return activities.length + tasks.length
  })
}
