import type { Db, Tx } from '../../platform/db/database.ts'

export async function findContactChannels(db: Db | Tx, contactId: number) {
  const rows = await db
    .selectFrom('contact_channels')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('position')
    .execute()
  return rows.map((c) => ({
    id: c.id,
    type: c.type,
    value: c.value,
    normalized: c.normalized,
    label: c.label,
    isPrimary: c.is_primary === 1,
  }))
}
