/** The administrator's activity types and their outcomes (built-in ones can be renamed and hidden, not removed). */
import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError, isUniqueViolation } from '../../platform/errors/app-error.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { requirePermission } from '../../platform/permissions/authorize.ts'
import type {
  ActivityTypeCreateInput,
  ActivityTypeDto,
  ActivityTypeUpdateInput,
} from './activities.schemas.ts'

type Executor = Db | Tx

export async function listActivityTypes(db: Executor, actor: Actor): Promise<ActivityTypeDto[]> {
  const types = await db.selectFrom('activity_types').selectAll().orderBy('position').orderBy('id').execute()
  const outcomes = await db
    .selectFrom('activity_outcomes')
    .selectAll()
    .orderBy('position')
    .orderBy('id')
    .execute()
  const ru = actor.locale === 'ru'
  return types.map((t) => ({
    id: t.id,
    code: t.code,
    nameRu: t.name_ru,
    nameEn: t.name_en,
    name: ru ? t.name_ru : t.name_en,
    color: t.color,
    hasDirection: t.has_direction === 1,
    defaultDurationMin: t.default_duration_min,
    isActive: t.is_active === 1,
    isSystem: t.is_system === 1,
    position: t.position,
    version: t.version,
    outcomes: outcomes
      .filter((o) => o.type_id === t.id)
      .map((o) => ({
        id: o.id,
        nameRu: o.name_ru,
        nameEn: o.name_en,
        name: ru ? o.name_ru : o.name_en,
        result: o.result as 'positive' | 'neutral' | 'negative',
        isActive: o.is_active === 1,
      })),
  }))
}

async function saveOutcomes(
  tx: Tx,
  typeId: number,
  outcomes: NonNullable<ActivityTypeUpdateInput['outcomes']>,
): Promise<void> {
  const existing = await tx
    .selectFrom('activity_outcomes')
    .selectAll()
    .where('type_id', '=', typeId)
    .execute()
  const kept = new Set<number>()
  for (const [position, o] of outcomes.entries()) {
    if (o.id !== undefined) {
      if (!existing.some((e) => e.id === o.id))
        throw AppError.field(`outcomes.${position}.id`, 'activities.outcome_not_of_type')
      kept.add(o.id)
      await tx
        .updateTable('activity_outcomes')
        .set({
          name_ru: o.nameRu,
          name_en: o.nameEn,
          result: o.result,
          is_active: o.isActive ? 1 : 0,
          position,
        })
        .where('id', '=', o.id)
        .execute()
    } else {
      await tx
        .insertInto('activity_outcomes')
        .values({
          type_id: typeId,
          name_ru: o.nameRu,
          name_en: o.nameEn,
          result: o.result,
          is_active: o.isActive ? 1 : 0,
          position,
        })
        .execute()
    }
  }
  // Outcomes left out stay on past activities, hidden from new ones.
  const dropped = existing.filter((e) => !kept.has(e.id)).map((e) => e.id)
  if (dropped.length)
    await tx.updateTable('activity_outcomes').set({ is_active: 0 }).where('id', 'in', dropped).execute()
}

export async function createActivityType(
  db: Db,
  source: AuditSource,
  input: ActivityTypeCreateInput,
): Promise<ActivityTypeDto> {
  requirePermission(source.actor, 'activities.manage_types')
  const id = await inTransaction(db, async ({ tx }) => {
    const now = new Date().toISOString()
    const last = await tx
      .selectFrom('activity_types')
      .select((eb) => eb.fn.max('position').as('p'))
      .executeTakeFirst()
    let row: { id: number }
    try {
      row = await tx
        .insertInto('activity_types')
        .values({
          code: input.code,
          name_ru: input.nameRu,
          name_en: input.nameEn,
          color: input.color,
          has_direction: input.hasDirection ? 1 : 0,
          default_duration_min: input.defaultDurationMin,
          is_active: 1,
          is_system: 0,
          position: Number(last?.p ?? 0) + 1,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    } catch (err) {
      if (isUniqueViolation(err)) throw AppError.field('code', 'activities.type_code_taken')
      throw err
    }
    await saveOutcomes(tx, row.id, input.outcomes)
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'activity_type',
      entityId: row.id,
      after: { ...input },
    })
    return row.id
  })
  return (await listActivityTypes(db, source.actor)).find((t) => t.id === id)!
}

export async function updateActivityType(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
  patch: ActivityTypeUpdateInput,
): Promise<ActivityTypeDto> {
  requirePermission(source.actor, 'activities.manage_types')
  await inTransaction(db, async ({ tx }) => {
    const before = await tx.selectFrom('activity_types').selectAll().where('id', '=', id).executeTakeFirst()
    if (!before) throw AppError.notFound()
    if (before.version !== version) throw new AppError('precondition_failed')
    const set = {
      name_ru: patch.nameRu ?? before.name_ru,
      name_en: patch.nameEn ?? before.name_en,
      color: patch.color ?? before.color,
      has_direction: patch.hasDirection === undefined ? before.has_direction : patch.hasDirection ? 1 : 0,
      default_duration_min: patch.defaultDurationMin ?? before.default_duration_min,
      is_active: patch.isActive === undefined ? before.is_active : patch.isActive ? 1 : 0,
      position: patch.position ?? before.position,
    } as const
    await tx
      .updateTable('activity_types')
      .set({ ...set, version: before.version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute()
    if (patch.outcomes) await saveOutcomes(tx, id, patch.outcomes)
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'activity_type',
      entityId: id,
      before: {
        nameRu: before.name_ru,
        nameEn: before.name_en,
        color: before.color,
        hasDirection: before.has_direction === 1,
        defaultDurationMin: before.default_duration_min,
        isActive: before.is_active === 1,
        position: before.position,
      },
      after: {
        nameRu: set.name_ru,
        nameEn: set.name_en,
        color: set.color,
        hasDirection: set.has_direction === 1,
        defaultDurationMin: set.default_duration_min,
        isActive: set.is_active === 1,
        position: set.position,
        ...(patch.outcomes
          ? { outcomes: patch.outcomes.map((o) => `${o.nameRu} / ${o.nameEn} (${o.result})`) }
          : {}),
      },
    })
  })
  return (await listActivityTypes(db, source.actor)).find((t) => t.id === id)!
}
