import type { Db, Tx } from './db/database.ts'

/** Company-wide settings: one JSON value per key in the `settings` table. */
export async function getSetting<T>(db: Db | Tx, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
  return row ? (JSON.parse(row.value) as T) : fallback
}

export async function setSetting(tx: Tx, key: string, value: unknown): Promise<void> {
  const now = new Date().toISOString()
  await tx
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
    .execute()
}
