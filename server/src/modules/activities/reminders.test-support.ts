/**
 * Support for the reminder tests and the benchmark (not used by the product): many employees with
 * reminders due at chosen times, written in bulk the way the services write them — each employee a
 * client of their own, a planned call per reminder on it, and the reminder row as `syncReminders` makes it.
 */
import { hashPassword } from '../../platform/auth/passwords.ts'
import type { Db } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { SYSTEM_ACTOR } from '../../platform/permissions/actor.ts'
import { clientCreateBody, createClientIn } from '../clients/index.ts'
import { findRoleIdByCode, insertUser } from '../staff/index.ts'

export interface SeedOptions {
  /** Makes the employees' e-mails unique (`<prefix>.<n>@test.example`). */
  prefix: string
  users: number
  reminders: number
  /** The i-th reminder's time (ISO, UTC); its call starts an hour later. */
  fireAt: (i: number) => string
  channels?: Array<'app' | 'email'>
  locale?: 'ru' | 'en'
}

export interface Seeded {
  userIds: number[]
  reminderIds: number[]
}

const CHUNK = 500

/** Employees, their clients, one planned call per reminder and the reminders (pending), in one transaction. */
export async function seedDueReminders(db: Db, o: SeedOptions): Promise<Seeded> {
  const roleId = await findRoleIdByCode(db, 'sales_manager')
  if (!roleId) throw new Error('no sales_manager role')
  const call = await db
    .selectFrom('activity_types')
    .select(['id', 'default_duration_min'])
    .where('code', '=', 'call')
    .executeTakeFirstOrThrow()
  const passwordHash = await hashPassword('Seeded-Password-1')
  const source = { actor: SYSTEM_ACTOR, source: 'test' }
  return inTransaction(db, async ({ tx }) => {
    const userIds: number[] = []
    const clientIds: number[] = []
    for (let u = 0; u < o.users; u++) {
      const id = await insertUser(tx, {
        email: `${o.prefix}.${u}@test.example`,
        name: `${o.prefix} ${u}`,
        position: '',
        phone: '',
        passwordHash,
        roleId,
        teamId: null,
        locale: o.locale ?? 'en',
        timeZone: 'Europe/Moscow',
      })
      userIds.push(id)
      const client = await createClientIn(
        tx,
        source,
        clientCreateBody.parse({ kind: 'organization', name: `${o.prefix} client ${u}`, ownerId: id }),
      )
      clientIds.push(client.id)
    }
    const now = new Date().toISOString()
    const channels = JSON.stringify(o.channels ?? ['app'])
    const reminderIds: number[] = []
    for (let start = 0; start < o.reminders; start += CHUNK) {
      const n = Math.min(CHUNK, o.reminders - start)
      const plans = Array.from({ length: n }, (_, k) => {
        const i = start + k
        const u = i % o.users
        const fireAt = o.fireAt(i)
        const startsAt = new Date(new Date(fireAt).getTime() + 60 * 60_000).toISOString()
        return { i, user: userIds[u]!, client: clientIds[u]!, fireAt, startsAt }
      })
      const activities = await tx
        .insertInto('activities')
        .values(
          plans.map((p) => ({
            type_id: call.id,
            status: 'planned',
            direction: 'out',
            title: `Call ${p.i}`,
            description: '',
            location: '',
            subject_type: 'client',
            subject_id: p.client,
            client_id: p.client,
            contact_id: null,
            starts_at: p.startsAt,
            duration_min: call.default_duration_min,
            ends_at: new Date(
              new Date(p.startsAt).getTime() + call.default_duration_min * 60_000,
            ).toISOString(),
            owner_id: p.user,
            team_id: null,
            outcome_id: null,
            result: '',
            done_at: null,
            series_id: null,
            occurrence_key: null,
            is_exception: 0,
            escalated_at: null,
            created_by: p.user,
            updated_by: p.user,
            version: 1,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute()
      const reminders = await tx
        .insertInto('reminders')
        .values(
          plans.map((p, k) => ({
            target_type: 'activity' as const,
            target_id: activities[k]!.id,
            user_id: p.user,
            offset_min: 60,
            fire_at: p.fireAt,
            channels,
            status: 'pending' as const,
            fire_count: 0,
            late: 0,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute()
      for (const r of reminders) reminderIds.push(Number(r.id))
    }
    return { userIds, reminderIds }
  })
}

/** How the reminders stand: notifications of type reminder, repeated dedupe keys, reminders by status. */
export async function reminderTally(db: Db) {
  const notes = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', 'reminder')
    .executeTakeFirstOrThrow()
  const repeated = await db
    .selectFrom('notifications')
    .select(['dedupe_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('type', '=', 'reminder')
    .groupBy('dedupe_key')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute()
  const byStatus = await db
    .selectFrom('reminders')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  return {
    notifications: Number(notes.n),
    repeated,
    status: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])) as Record<string, number>,
  }
}
