import { type Expression, expressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Db, DialectKind } from '../../platform/db/database.ts'
import type { ClientTable, Database } from '../../platform/db/schema.ts'
import { escapeLike } from '../../platform/db/text.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { clientFilterConditions } from '../clients/index.ts'
import { ftsPhrase, ftsWordQuery, tsWordQuery } from './search.query.ts'

/** The folded name that `clients_name_tsv_idx` (migration 0005) indexes. */
const PG_NAME_TEXT = sql`replace(replace(c.name || ' ' || c.full_name, 'ё', 'е'), 'Ё', 'Е')`
/** Must repeat the expression of `clients_name_tsv_idx` (migration 0005) to use it. */
const PG_CLIENT_NAME = sql`to_tsvector('simple'::regconfig, ${PG_NAME_TEXT})`
/** The same words, written so that the index cannot serve it: checks rows that another path found. */
const PG_CLIENT_NAME_UNINDEXED = sql`to_tsvector('simple'::regconfig, ${PG_NAME_TEXT} || '')`

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
  return pgClientsByWords(db, actor, words, limit)
}

/*
 * PostgreSQL word search. A GIN index can only answer with every match at once (a bitmap), so its cost
 * grows with the number of matches, whatever the LIMIT: about 0.3 µs per match for a word prefix (10 ms
 * for «иван», 30,000 clients of a million). A walk over the newest clients that checks each row stops
 * after `limit` matches, so it is cheap exactly when the words are common. The planner prices both badly
 * (it takes the GIN bitmap for nearly free and to_tsvector per row for cheaper than it is), so the choice
 * is made here, from the same statistics the planner has: ANALYZE's most common words of the index.
 *
 * - Common words (the whole entry on ≥ 2% of the clients): walk the newest visible clients, at most
 *   WALK_ROWS of them; if fewer than `limit` match there, the index path below answers instead.
 * - Otherwise the GIN index, for the words that are not common (a common word's bitmap would cost more
 *   than checking it on the rows the rare words found); the visibility rule is applied to the rows the
 *   index found, outside an `offset 0` fence: left next to the index condition, the planner combines it
 *   with the owner and team B-trees (a BitmapOr of a third of the table) or walks the whole table.
 *
 * Either way every row returned matches all the words (checked with the index's own expression); which
 * `limit` of the matches come back was arbitrary before too — ranking happens in the app.
 */
/** Share of the clients matched by the whole entry at which it is walked rather than looked up. */
const WALK_SHARE = 0.02
/** Clients walked at most (newest first) before falling back to the index. */
const WALK_ROWS = 5_000
/** Below this many clients the index path is always taken (it is cheap there). */
const WALK_MIN_CLIENTS = 100_000
/** A word on at least this share of the clients is checked on the rows the other words found. */
const COMMON_WORD = 0.02

async function pgClientsByWords(db: Db, actor: Actor, words: string[], limit: number) {
  const stats = await pgNameStats(db)
  if (stats.clients < WALK_MIN_CLIENTS) return pgClientsByIndex(db, actor, words, words, limit)
  const shares = words.map((w) => wordShare(stats, w))
  if (shares.reduce((a, b) => a * b, 1) >= WALK_SHARE) {
    const walked = await rows(
      db,
      sql<ClientHit>`select ${CLIENT_COLUMNS}
        from (select c.* from clients c where ${visibleClient(actor)} order by c.id desc limit ${WALK_ROWS}) c
        where ${pgWordsMatch(words, words)} limit ${limit}`,
    )
    if (walked.length >= limit) return walked
  }
  let indexed = words.filter((_, i) => shares[i]! < COMMON_WORD)
  if (!indexed.length) indexed = [words[shares.indexOf(Math.min(...shares))]!]
  return pgClientsByIndex(db, actor, words, indexed, limit)
}

/** Rows of clients the GIN index finds for `indexed` (some of `words`), checked for the other words. */
function pgClientsByIndex(db: Db, actor: Actor, words: string[], indexed: string[], limit: number) {
  const others = words.filter((w) => !indexed.includes(w))
  const rest = others.length ? sql`and ${pgWordsMatch(words, others)}` : sql``
  return rows(
    db,
    sql<ClientHit>`select ${CLIENT_COLUMNS}
      from (select c.* from clients c
            where ${PG_CLIENT_NAME} @@ to_tsquery('simple', ${tsWordQuery(indexed)}) offset 0) c
      where ${visibleClient(actor)} ${rest} limit ${limit}`,
  )
}

/**
 * A row of `c` matches all the words, checked without the index: first a necessary condition that is
 * cheaper than to_tsvector (each of `unsure` occurs in the lower-cased text the index is built from; a
 * word of it begins with the word, lower-cased alike), then the index's own expression.
 */
function pgWordsMatch(words: string[], unsure: string[]) {
  const contains = unsure.map((w) => sql`strpos(lower(${PG_NAME_TEXT}), lower(${w})) > 0`)
  return sql`${sql.join(contains, sql` and `)} and ${PG_CLIENT_NAME_UNINDEXED} @@ to_tsquery('simple', ${tsWordQuery(words)})`
}

interface NameStats {
  at: number
  /** Clients, as ANALYZE last counted them (0 when never analyzed). */
  clients: number
  /** ANALYZE's most common words of clients_name_tsv_idx and the share of the clients having each. */
  elems: string[]
  freqs: number[]
}

const STATS_TTL_MS = 10 * 60_000
const nameStatsCache = new WeakMap<Db, Promise<NameStats>>()

/** The statistics of the name index, read at most every ten minutes per database (none: the index path). */
async function pgNameStats(db: Db): Promise<NameStats> {
  const cached = nameStatsCache.get(db)
  if (cached) {
    const stats = await cached
    if (Date.now() - stats.at < STATS_TTL_MS) return stats
  }
  const loading = sql<{ clients: number | null; elems: string[] | null; freqs: number[] | null }>`
    select greatest(c.reltuples, 0)::float8 as clients,
           s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_stats s on s.schemaname = n.nspname and s.tablename = 'clients_name_tsv_idx'
     where c.oid = 'clients'::regclass`
    .execute(db)
    .then(({ rows: [r] }) => ({
      at: Date.now(),
      clients: Number(r?.clients ?? 0),
      elems: r?.elems ?? [],
      freqs: (r?.freqs ?? []).map(Number),
    }))
    .catch(() => ({ at: Date.now(), clients: 0, elems: [], freqs: [] }))
  nameStatsCache.set(db, loading)
  return loading
}

/** Share of the clients with a word beginning with `word` (an overestimate: a name may have two such words). */
function wordShare(stats: NameStats, word: string): number {
  let share = 0
  for (let i = 0; i < stats.elems.length; i++) if (stats.elems[i]!.startsWith(word)) share += stats.freqs[i]!
  return Math.min(share, 1)
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

/** Longest phone or e-mail piece looked up in a trigram index; a longer entry is checked whole on the rows found. */
const PHONE_WINDOW = 8
const EMAIL_WINDOW = 10

/**
 * The piece of a phone or e-mail entry to look up in a trigram index (FTS5 `trigram` on SQLite, `pg_trgm`
 * on PostgreSQL). Each trigram of the entry costs one posting list to walk, and the common ones cost the
 * most while narrowing least: a country and operator code, "info@", ".ru" (a whole e-mail: 7.6 ms; ten of
 * its characters: 0.9 ms). Phones: the last digits. E-mails: the characters up to the end of the longest
 * part between "@" and "." (the name of a company or a person), or from its start when it starts the entry.
 * Every row found is then checked for the whole entry, so the matches do not change.
 */
export function trigramWindow(type: 'phone' | 'email', value: string): string {
  const width = type === 'phone' ? PHONE_WINDOW : EMAIL_WINDOW
  if (value.length <= width) return value
  if (type === 'phone') return value.slice(-width)
  let end = 0
  let longest = -1
  for (const m of value.matchAll(/[^@.]+/g))
    if (m[0].length > longest) {
      longest = m[0].length
      end = m.index + m[0].length
    }
  const start = Math.max(0, end - width)
  return value.slice(start, start + width)
}

/**
 * Channels of clients (`side` client) or of contact persons whose phone digits or e-mail contain the value:
 * the index finds those containing its trigramWindow, each is checked for the whole value. PostgreSQL: the
 * trigram indexes of 0005 for clients, of 0007 for contact persons (only theirs, a sixth of the rows); the
 * partial indexes' predicates are repeated literally.
 */
function channelMatch(
  dialect: DialectKind,
  side: 'client' | 'contact',
  type: 'phone' | 'email',
  value: string,
) {
  const window = trigramWindow(type, value)
  if (dialect === 'sqlite') {
    // What channels_fts holds for the channel (migration 0005): digits, or the lower-cased e-mail.
    const indexed = type === 'phone' ? sql`ch.digits` : sql`lower(ch.normalized)`
    const whole = window === value ? sql`` : sql` and instr(${indexed}, ${value}) > 0`
    return {
      from: sql`channels_fts f cross join contact_channels ch on ch.id = f.rowid`,
      where: sql`f.value match ${ftsPhrase(window)} and ch.type = ${type}${whole}`,
    }
  }
  const column = type === 'phone' ? sql`ch.digits` : sql`ch.normalized`
  const owner = side === 'contact' ? sql` and ch.contact_id is not null` : sql``
  const whole = window === value ? sql`` : sql` and strpos(${column}, ${value}) > 0`
  return {
    from: sql`contact_channels ch`,
    where: sql`ch.type = ${sql.lit(type)}${owner} and ${column} like ${`%${escapeLike(window)}%`} escape '\\'${whole}`,
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
  const m = channelMatch(dialect, 'client', type, value)
  return rows(
    db,
    sql<ClientHit>`select ${CLIENT_COLUMNS}, ch.value as channel, ch.digits as channel_digits
      from ${m.from} ${joinFor(dialect)} clients c on c.id = ch.client_id
      where ${m.where} and ${visibleClient(actor)} limit ${limit}`,
  )
}

/**
 * A contact person is visible through a visible organization, or as a visible person-client. On
 * PostgreSQL `offset 0` keeps each `exists` a per-row probe of two primary keys: without it the planner
 * turns `exists … or exists …` into a hashed subplan that first joins every link to its client (200,000
 * rows, about a second) however few contact persons the LIMIT needs.
 */
function visibleContact(actor: Actor, dialect: DialectKind) {
  const probe = sql.raw(dialect === 'postgres' ? ' offset 0' : '')
  return sql<SqlBool>`p.erased_at is null and (
    exists (select 1 from contact_links l join clients c on c.id = l.client_id
            where l.contact_id = p.id and ${visibleClient(actor)}${probe})
    or exists (select 1 from clients c where c.id = p.person_client_id and ${visibleClient(actor)}${probe}))`
}

export function contactsByWords(db: Db, dialect: DialectKind, actor: Actor, words: string[], limit: number) {
  if (dialect === 'sqlite')
    return rows(
      db,
      sql<ContactHit>`select p.id, p.name from contacts_fts f cross join contacts p on p.id = f.rowid
        where f.name match ${ftsWordQuery(words)} and ${visibleContact(actor, dialect)} limit ${limit}`,
    )
  return rows(
    db,
    sql<ContactHit>`select p.id, p.name from contacts p
      where to_tsvector('simple'::regconfig, p.search) @@ to_tsquery('simple', ${tsWordQuery(words)})
        and ${visibleContact(actor, dialect)} limit ${limit}`,
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
  const m = channelMatch(dialect, 'contact', type, value)
  return rows(
    db,
    sql<ContactHit>`select p.id, p.name, ch.value as channel, ch.digits as channel_digits
      from ${m.from} ${joinFor(dialect)} contacts p on p.id = ch.contact_id
      where ${m.where} and ${visibleContact(actor, dialect)} limit ${limit}`,
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
      'channels_contact_phone_trgm_idx',
      'channels_contact_email_trgm_idx',
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
