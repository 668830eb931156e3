import { type Expression, type SqlBool, sql } from 'kysely'
import type { Db, Tx } from '../../platform/db/database.ts'
import { escapeLike, searchText } from '../../platform/db/text.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { clientFilterConditions, findChannels } from './clients.repository.ts'
import type { ContactDto, ContactSearchItem } from './contacts.schemas.ts'

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

/** What a contact search looks for; any one matching is enough. Values are already folded / normalized. */
export interface ContactSearchTerms {
  /** Folded name words, every one of which must occur in the name. */
  nameTokens: string[]
  /** Digit strings, any of which may occur in a phone number. */
  phoneDigits: string[]
  /** Lower-cased part of an e-mail address. */
  email: string | null
}

const like = (value: string) => sql<string>`${`%${escapeLike(value)}%`} escape '\\'`

/** Live clients the actor may see, as a subquery: the client list's own visibility rule. */
function visibleClientIds(db: Executor, actor: Actor) {
  return db
    .selectFrom('clients as c')
    .select('c.id')
    .where((eb) => clientFilterConditions(eb, actor, {}))
}

/**
 * Contact persons the actor may see — linked to a visible organization, or being a visible person-client —
 * matching the terms (all of them when `terms` is null), by name. Organizations outside the actor's
 * visibility are left out of each result.
 */
export async function searchContacts(
  db: Executor,
  actor: Actor,
  terms: ContactSearchTerms | null,
  limit: number,
): Promise<ContactSearchItem[]> {
  const rows = await db
    .selectFrom('contacts as p')
    .select(['p.id', 'p.name', 'p.person_client_id'])
    .where('p.erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('contact_links as l')
            .select('l.id')
            .whereRef('l.contact_id', '=', 'p.id')
            .where('l.client_id', 'in', visibleClientIds(db, actor)),
        ),
        eb('p.person_client_id', 'in', visibleClientIds(db, actor)),
      ]),
    )
    .where((eb) => {
      if (!terms) return sql<SqlBool>`1 = 1`
      const ors: Expression<SqlBool>[] = []
      if (terms.nameTokens.length)
        ors.push(eb.and(terms.nameTokens.map((token) => eb('p.search', 'like', like(token)))))
      for (const digits of terms.phoneDigits)
        ors.push(
          eb.exists(
            eb
              .selectFrom('contact_channels as ch')
              .select('ch.id')
              .whereRef('ch.contact_id', '=', 'p.id')
              .where('ch.digits', 'like', `%${digits}%`),
          ),
        )
      if (terms.email)
        ors.push(
          eb.exists(
            eb
              .selectFrom('contact_channels as ch')
              .select('ch.id')
              .whereRef('ch.contact_id', '=', 'p.id')
              .where('ch.type', '=', 'email')
              .where('ch.normalized', 'like', like(terms.email)),
          ),
        )
      return ors.length ? eb.or(ors) : sql<SqlBool>`1 = 0`
    })
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(limit)
    .execute()
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const links = await db
    .selectFrom('contact_links as l')
    .innerJoin('clients as c', 'c.id', 'l.client_id')
    .select(['l.contact_id', 'c.id', 'c.name', 'l.position'])
    .where('l.contact_id', 'in', ids)
    .where('l.client_id', 'in', visibleClientIds(db, actor))
    .orderBy('l.id')
    .execute()
  const personClientIds = rows.map((r) => r.person_client_id).filter((id) => id !== null)
  const personClients = personClientIds.length
    ? await db
        .selectFrom('clients')
        .select(['id', 'name'])
        .where('id', 'in', personClientIds)
        .where('id', 'in', visibleClientIds(db, actor))
        .execute()
    : []
  const channels = await db
    .selectFrom('contact_channels')
    .select(['contact_id', 'type', 'value'])
    .where('contact_id', 'in', ids)
    .where('type', 'in', ['phone', 'email'])
    .orderBy('is_primary', 'desc')
    .orderBy('position')
    .execute()
  const first = (id: number, type: 'phone' | 'email') =>
    channels.find((ch) => ch.contact_id === id && ch.type === type)?.value ?? null
  return rows.map((r) => {
    const personClient = personClients.find((p) => p.id === r.person_client_id)
    return {
      id: r.id,
      name: r.name,
      organizations: links
        .filter((l) => l.contact_id === r.id)
        .map((l) => ({ id: l.id, name: l.name, position: l.position })),
      personClient: personClient ? { id: personClient.id, name: personClient.name } : null,
      phone: first(r.id, 'phone'),
      email: first(r.id, 'email'),
    }
  })
}
