/**
 * The reminders of an activity or a task, kept in step with it: one row per (target, user, offset),
 * `fire_at` = the target's time minus the offset, cancelled when the target is done, cancelled or
 * deleted, re-armed when its time moves. Dispatch (reminders.dispatch.ts) fires them.
 */
import type { Db, Tx } from '../../platform/db/database.ts'
import { type ReminderSettings, reminderSettingsSchema } from './activities.schemas.ts'

export { type ReminderSettings, reminderSettingsSchema }

type Executor = Db | Tx

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = reminderSettingsSchema.parse({})

export async function reminderSettingsOf(db: Executor, userId: number): Promise<ReminderSettings> {
  const row = await db
    .selectFrom('reminder_settings')
    .select('settings')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) return DEFAULT_REMINDER_SETTINGS
  const parsed = reminderSettingsSchema.safeParse(JSON.parse(row.settings))
  return parsed.success ? parsed.data : DEFAULT_REMINDER_SETTINGS
}

export async function saveReminderSettings(
  tx: Tx,
  userId: number,
  settings: ReminderSettings,
): Promise<void> {
  const now = new Date().toISOString()
  await tx
    .insertInto('reminder_settings')
    .values({ user_id: userId, settings: JSON.stringify(settings), updated_at: now })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ settings: JSON.stringify(settings), updated_at: now }),
    )
    .execute()
  // The channels apply to the reminders already set too (a series is planned months ahead). Not a
  // re-arming: `updated_at` keeps when each was armed, which tells a late firing from an on-time one.
  await tx
    .updateTable('reminders')
    .set({ channels: JSON.stringify(settings.channels) })
    .where('user_id', '=', userId)
    .where('status', '!=', 'cancelled')
    .execute()
}

export interface ReminderTarget {
  type: 'activity' | 'task'
  id: number
  /** Who is reminded: the activity's performer, the task's assignee. */
  userId: number | null
  /** The activity's start or the task's due time; null: nothing to remind of. */
  at: string | null
  /** Planned / open: false cancels its pending reminders. */
  active: boolean
  /** The activity type's code, for per-type defaults. */
  typeCode?: string
}

/**
 * Brings the target's reminders in line. `wanted`: offsets the user chose; undefined keeps the
 * offsets already set (or applies the user's defaults to a target that has none yet).
 */
export async function syncReminders(
  tx: Tx,
  target: ReminderTarget,
  wanted?: number[],
  /** Whether the target's time (or performer) changed: re-arm reminders already sent or snoozed. */
  moved = true,
): Promise<void> {
  const now = new Date()
  const nowIso = now.toISOString()
  const existing = await tx
    .selectFrom('reminders')
    .select(['id', 'user_id', 'offset_min', 'fire_at', 'status'])
    .where('target_type', '=', target.type)
    .where('target_id', '=', target.id)
    .execute()
  if (!target.active || target.at === null || target.userId === null) {
    await tx
      .updateTable('reminders')
      .set({ status: 'cancelled', updated_at: nowIso })
      .where('target_type', '=', target.type)
      .where('target_id', '=', target.id)
      .where('status', '=', 'pending')
      .execute()
    return
  }
  const userId = target.userId
  let desired = wanted
  if (desired === undefined) {
    const own = existing.filter((r) => r.user_id === userId && r.status !== 'cancelled')
    const any = existing.filter((r) => r.status !== 'cancelled')
    if (own.length) desired = own.map((r) => r.offset_min)
    else if (any.length) desired = any.map((r) => r.offset_min)
    else {
      const s = await reminderSettingsOf(tx, userId)
      desired = target.type === 'task' ? s.task : (s.byType[target.typeCode ?? ''] ?? s.activity)
    }
  }
  desired = [...new Set(desired)]
  // Another performer (or offsets no longer wanted): those rows go.
  const stale = existing.filter((r) => r.user_id !== userId || !desired.includes(r.offset_min))
  if (stale.length)
    await tx
      .deleteFrom('reminders')
      .where(
        'id',
        'in',
        stale.map((r) => r.id),
      )
      .execute()
  const at = new Date(target.at).getTime()
  // Nothing to remind of once the time itself has passed (logging a past contact, say).
  if (at <= now.getTime()) {
    await tx
      .updateTable('reminders')
      .set({ status: 'cancelled', updated_at: nowIso })
      .where('target_type', '=', target.type)
      .where('target_id', '=', target.id)
      .where('status', '=', 'pending')
      .execute()
    return
  }
  const settings = await reminderSettingsOf(tx, userId)
  for (const offset of desired) {
    const fireAt = new Date(at - offset * 60_000).toISOString()
    const row = existing.find((r) => r.user_id === userId && r.offset_min === offset)
    if (!row) {
      await tx
        .insertInto('reminders')
        .values({
          target_type: target.type,
          target_id: target.id,
          user_id: userId,
          offset_min: offset,
          fire_at: fireAt,
          channels: JSON.stringify(settings.channels),
          status: 'pending',
          fire_count: 0,
          late: 0,
          created_at: nowIso,
          updated_at: nowIso,
        })
        .execute()
    } else if (row.status === 'cancelled' || (moved && row.fire_at !== fireAt)) {
      // The time moved (or the target came back): remind again at the new time.
      await tx
        .updateTable('reminders')
        .set({ fire_at: fireAt, status: 'pending', late: 0, updated_at: nowIso })
        .where('id', '=', row.id)
        .execute()
    }
  }
}

/** Deletes the reminders of targets that no longer exist. */
export async function dropReminders(tx: Tx, type: 'activity' | 'task', ids: number[]): Promise<void> {
  if (!ids.length) return
  await tx.deleteFrom('reminders').where('target_type', '=', type).where('target_id', 'in', ids).execute()
}
