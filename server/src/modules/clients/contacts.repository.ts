import type { Db, Tx } from '../../platform/db/database.ts'
import { searchText } from '../../platform/db/text.ts'
import { findChannels } from './clients.repository.ts'
import type { ContactDto } from './contacts.schemas.ts'

type Executor = Db | Tx

export interface ContactValues {
  last_name: string
  first_name: string
  middle_name: string
  name: string
  birthday: string | null
  notes: string
  person_client_id: number | null
}

export async function insertContact(tx: Tx, v: ContactValues, actorId: number | null): Promise<number> {
  const now = new Date().toISOString()
  const row = await tx
    .insertInto('contacts')
    .values({
      ...v,
      search: searchText(v.name),
      version: 1,
      created_by: actorId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateContactRow(
  tx: Tx,
  id: number,
  version: number,
  v: ContactValues,
): Promise<boolean> {
  const r = await tx
    .updateTable('contacts')
    .set({ ...v, search: searchText(v.name), version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function findContactRow(db: Executor, id: number) {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findLinks(db: Executor, contactId: number) {
  return db
    .selectFrom('contact_links as l')
    .innerJoin('clients as c', 'c.id', 'l.client_id')
    .select([
      'l.client_id',
      'c.name',
      'c.owner_id',
      'c.team_id',
      'c.deleted_at',
      'l.position',
      'l.department',
      'l.role',
      'l.is_primary',
    ])
    .where('l.contact_id', '=', contactId)
    .orderBy('l.id')
    .execute()
}

export async function findLink(db: Executor, clientId: number, contactId: number) {
  return db
    .selectFrom('contact_links')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
}

export async function insertLink(
  tx: Tx,
  v: {
    contactId: number
    clientId: number
    position: string
    department: string
    role: string
    isPrimary: boolean
  },
): Promise<void> {
  if (v.isPrimary)
    await tx.updateTable('contact_links').set({ is_primary: 0 }).where('client_id', '=', v.clientId).execute()
  await tx
    .insertInto('contact_links')
    .values({
      contact_id: v.contactId,
      client_id: v.clientId,
      position: v.position,
      department: v.department,
      role: v.role,
      is_primary: v.isPrimary ? 1 : 0,
      created_at: new Date().toISOString(),
    })
    .execute()
}

export async function updateLink(
  tx: Tx,
  clientId: number,
  contactId: number,
  v: Partial<{ position: string; department: string; role: string; isPrimary: boolean }>,
): Promise<void> {
  if (v.isPrimary)
    await tx.updateTable('contact_links').set({ is_primary: 0 }).where('client_id', '=', clientId).execute()
  await tx
    .updateTable('contact_links')
    .set({
      position: v.position,
      department: v.department,
      role: v.role,
      is_primary: v.isPrimary === undefined ? undefined : v.isPrimary ? 1 : 0,
    })
    .where('client_id', '=', clientId)
    .where('contact_id', '=', contactId)
    .execute()
}

export async function deleteLink(tx: Tx, clientId: number, contactId: number): Promise<void> {
  await tx
    .deleteFrom('contact_links')
    .where('client_id', '=', clientId)
    .where('contact_id', '=', contactId)
    .execute()
}

export async function deleteContactIfOrphan(tx: Tx, contactId: number): Promise<boolean> {
  const links = await tx
    .selectFrom('contact_links')
    .select('id')
    .where('contact_id', '=', contactId)
    .limit(1)
    .execute()
  const row = await findContactRow(tx, contactId)
  if (links.length || !row || row.person_client_id !== null) return false
  await tx.deleteFrom('contact_channels').where('contact_id', '=', contactId).execute()
  await tx.deleteFrom('contacts').where('id', '=', contactId).execute()
  return true
}

export async function contactIdsOf(db: Executor, clientId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('contact_links')
    .select('contact_id')
    .where('client_id', '=', clientId)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute()
  return rows.map((r) => r.contact_id)
}

/** The contact person with every link; links the viewer may not see are only counted. */
export async function findContact(
  db: Executor,
  id: number,
  isVisible: (owner: { ownerId: number | null; teamId: number | null }) => boolean,
): Promise<ContactDto | undefined> {
  const c = await findContactRow(db, id)
  if (!c) return undefined
  const links = await findLinks(db, id)
  const visible = links.filter(
    (l) => l.deleted_at === null && isVisible({ ownerId: l.owner_id, teamId: l.team_id }),
  )
  let personClient: { id: number; name: string } | null = null
  if (c.person_client_id !== null) {
    const p = await db
      .selectFrom('clients')
      .select(['id', 'name', 'owner_id', 'team_id'])
      .where('id', '=', c.person_client_id)
      .executeTakeFirst()
    if (p && isVisible({ ownerId: p.owner_id, teamId: p.team_id })) personClient = { id: p.id, name: p.name }
  }
  return {
    id: c.id,
    lastName: c.last_name,
    firstName: c.first_name,
    middleName: c.middle_name,
    name: c.name,
    birthday: c.birthday,
    notes: c.notes,
    channels: await findChannels(db, { contactId: id }),
    personClient,
    organizations: visible.map((l) => ({
      clientId: l.client_id,
      name: l.name,
      position: l.position,
      department: l.department,
      role: l.role,
      isPrimary: l.is_primary === 1,
    })),
    hiddenOrganizations: links.length - visible.length,
    erasedAt: c.erased_at,
    version: c.version,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  }
}
