import { type Expression, expressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Db, DialectKind } from '../../platform/db/database.ts'
import type { ClientTable, Database } from '../../platform/db/schema.ts'
import { escapeLike } from '../../platform/db/text.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { clientFilterConditions } from '../clients/index.ts'
import { ftsPhrase, ftsWordQuery, tsWordQuery } from './search.query.ts'

/** Must repeat the expression of `clients_name_tsv_idx` (migration 0005) to use it. */
const PG_CLIENT_NAME = sql`to_tsvector('simple'::regconfig, replace(replace(c.name || ' ' || c.full_name, 'ё', 'е'), 'Ё', 'Е'))`

/** Live clients the actor may see: the client list's own rule, over the alias `c`. */
function visibleClient(actor: Actor): Expression<SqlBool> {
  const eb = expressionBuilder<Database & { c: ClientTable }, 'c'>()
  return clientFilterConditions(eb, actor, {})
}

export interface ClientHit {
  id: number
  name: string
  kind: string
  inn: string | null
  ogrn: string | null
  /** The phone or e-mail that matched. */
  channel?: string
  channel_digits?: string
}

export interface ContactHit {
  id: number
  name: string
  channel?: string
  channel_digits?: string
}

const CLIENT_COLUMNS = sql`c.id, c.name, c.kind, c.inn, c.ogrn`

async function rows<T>(db: Db, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows
}

/** Clients with every word beginning a word of the name (or the full name). */
export function clientsByWords(db: Db, dialect: DialectKind, actor: Actor, words: string[], limit: number) {
  if (dialect === 'sqlite')
    return rows(
      db,
      sql<ClientHit>`select ${CLIENT_COLUMNS} from clients_fts f cross join clients c on c.id = f.rowid
        where f.name match ${ftsWordQuery(words)} and ${visibleClient(actor)} limit ${limit}`,
    )
  return rows(
    db,
    sql<ClientHit>`select ${CLIENT_COLUMNS} from clients c
      where ${PG_CLIENT_NAME} @@ to_tsquery('simple', ${tsWordQuery(words)}) and ${visibleClient(actor)} limit ${limit}`,
  )
}

/** Clients whose ИНН or ОГРН is, or begins with, these digits (B-tree ranges on clients_inn_idx / clients_ogrn_idx). */
export function clientsByRequisite(db: Db, actor: Actor, digits: string, limit: number) {
  const upper = `${digits}:` // ':' follows '9'
  return rows(
    db,
    sql<ClientHit>`select ${CLIENT_COLUMNS} from clients c
      where ((c.inn >= ${digits} and c.inn < ${upper}) or (c.ogrn >= ${digits} and c.ogrn < ${upper}))
        and ${visibleClient(actor)} limit ${limit}`,
  )
}

/** SQLite: `cross join` keeps the index as the outer loop, so a LIMIT stops early; PostgreSQL plans itself. */
const joinFor = (dialect: DialectKind) => sql.raw(dialect === 'sqlite' ? 'cross join' : 'join')

function channelMatch(dialect: DialectKind, type: 'phone' | 'email', value: string) {
  if (dialect === 'sqlite')
    return {
      from: sql`channels_fts f cross join contact_channels ch on ch.id = f.rowid`,
      where: sql`f.value match ${ftsPhrase(value)} and ch.type = ${type}`,
    }
  const column = type === 'phone' ? sql`ch.digits` : sql`ch.normalized`
  return {
    from: sql`contact_channels ch`,
    where: sql`ch.type = ${type} and ${column} like ${`%${escapeLike(value)}%`} escape '\\'`,
  }
}

/** Clients with a phone (digits) or e-mail containing the value. */
export function clientsByChannel(
  db: Db,
  dialect: DialectKind,
  actor: Actor,
  type: 'phone' | 'email',
  value: string,
  limit: number,
) {
  const m = channelMatch(dialect, type, value)
  return rows(
    db,
    sql<ClientHit>`select ${CLIENT_COLUMNS}, ch.value as channel, ch.digits as channel_digits
      from ${m.from} ${joinFor(dialect)} clients c on c.id = ch.client_id
      where ${m.where} and ${visibleClient(actor)} limit ${limit}`,
  )
}

/** A contact person is visible through a visible organization, or as a visible person-client. */
function visibleContact(actor: Actor) {
  return sql<SqlBool>`p.erased_at is null and (
    exists (select 1 from contact_links l join clients c on c.id = l.client_id
            where l.contact_id = p.id and ${visibleClient(actor)})
    or exists (select 1 from clients c where c.id = p.person_client_id and ${visibleClient(actor)}))`
}

export function contactsByWords(db: Db, dialect: DialectKind, actor: Actor, words: string[], limit: number) {
  if (dialect === 'sqlite')
    return rows(
      db,
      sql<ContactHit>`select p.id, p.name from contacts_fts f cross join contacts p on p.id = f.rowid
        where f.name match ${ftsWordQuery(words)} and ${visibleContact(actor)} limit ${limit}`,
    )
  return rows(
    db,
    sql<ContactHit>`select p.id, p.name from contacts p
      where to_tsvector('simple'::regconfig, p.search) @@ to_tsquery('simple', ${tsWordQuery(words)})
        and ${visibleContact(actor)} limit ${limit}`,
  )
}

export function contactsByChannel(
  db: Db,
  dialect: DialectKind,
  actor: Actor,
  type: 'phone' | 'email',
  value: string,
  limit: number,
) {
  const m = channelMatch(dialect, type, value)
  return rows(
    db,
    sql<ContactHit>`select p.id, p.name, ch.value as channel, ch.digits as channel_digits
      from ${m.from} ${joinFor(dialect)} contacts p on p.id = ch.contact_id
      where ${m.where} and ${visibleContact(actor)} limit ${limit}`,
  )
}

/** For each contact person: the visible client card to open (primary organization first, else the person-client). */
export async function contactClients(
  db: Db,
  actor: Actor,
  ids: number[],
): Promise<Map<number, { clientId: number; name: string }>> {
  const out = new Map<number, { clientId: number; name: string }>()
  if (!ids.length) return out
  const list = sql.join(ids.map((id) => sql`${id}`))
  const found = await rows(
    db,
    sql<{ contact_id: number; client_id: number; name: string }>`
      select l.contact_id, c.id as client_id, c.name from contact_links l join clients c on c.id = l.client_id
      where l.contact_id in (${list}) and ${visibleClient(actor)}
      order by l.is_primary desc, l.id
    `,
  )
  for (const r of found)
    if (!out.has(r.contact_id)) out.set(r.contact_id, { clientId: r.client_id, name: r.name })
  const persons = await rows(
    db,
    sql<{ contact_id: number; client_id: number; name: string }>`
      select p.id as contact_id, c.id as client_id, c.name from contacts p join clients c on c.id = p.person_client_id
      where p.id in (${list}) and ${visibleClient(actor)}
    `,
  )
  for (const r of persons)
    if (!out.has(r.contact_id)) out.set(r.contact_id, { clientId: r.client_id, name: r.name })
  return out
}

/**
 * Rebuilds the search indexes from the tables — after a restore or a bulk load that bypassed triggers.
 * SQLite: refills the FTS5 tables; PostgreSQL: reindexes the expression indexes.
 */
export async function rebuildSearchIndex(db: Db, dialect: DialectKind): Promise<void> {
  if (dialect === 'postgres') {
    for (const index of [
      'clients_name_tsv_idx',
      'contacts_search_tsv_idx',
      'channels_phone_trgm_idx',
      'channels_email_trgm_idx',
    ])
      await sql`reindex index ${sql.id(index)}`.execute(db)
    await sql`analyze clients`.execute(db)
    await sql`analyze contacts`.execute(db)
    return
  }
  await db.transaction().execute(async (tx) => {
    for (const table of ['clients_fts', 'contacts_fts', 'channels_fts'])
      await sql`insert into ${sql.id(table)}(${sql.id(table)}) values ('delete-all')`.execute(tx)
    await sql`insert into clients_fts(rowid, name)
      select id, replace(replace(name || ' ' || full_name, 'ё', 'е'), 'Ё', 'Е') from clients`.execute(tx)
    await sql`insert into contacts_fts(rowid, name) select id, search from contacts`.execute(tx)
    await sql`insert into channels_fts(rowid, value)
      select id, case type when 'phone' then digits else lower(normalized) end from contact_channels`.execute(
      tx,
    )
  })
}
