import { sql } from 'kysely'
import { isPostgres, type MigrationDb } from './helpers.ts'

/**
 * Global search (issue 5): word-prefix indexes over client and contact-person names, and a substring index
 * over phone digits and e-mail addresses. Filled here from the existing rows, then kept in sync by the database
 * itself (triggers on SQLite, expression/partial indexes on PostgreSQL), so imports and every other write path
 * are covered.
 */
export async function up(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) await upPostgres(db)
  else await upSqlite(db)
}

// ё → е in what is indexed; unicode61 folds the case of every script itself.
const foldClient = (row: 'new' | 'c') =>
  sql.raw(`replace(replace(${row}.name || ' ' || ${row}.full_name, 'ё', 'е'), 'Ё', 'Е')`)
/** The folded client name on PostgreSQL — the search query must repeat this expression exactly. */
const PG_CLIENT_NAME = sql.raw(`replace(replace(name || ' ' || full_name, 'ё', 'е'), 'Ё', 'Е')`)
const channelValue = (row: 'new' | 'ch') =>
  sql.raw(`case ${row}.type when 'phone' then ${row}.digits else lower(${row}.normalized) end`)

async function upSqlite(db: MigrationDb): Promise<void> {
  const words = sql.raw(
    `content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2", prefix='2 3'`,
  )
  await sql`create virtual table clients_fts using fts5(name, ${words})`.execute(db)
  await sql`create virtual table contacts_fts using fts5(name, ${words})`.execute(db)
  await sql`create virtual table channels_fts using fts5(value, content='', contentless_delete=1, tokenize='trigram', detail=full)`.execute(
    db,
  )

  await sql`create trigger clients_fts_ai after insert on clients begin
    insert into clients_fts(rowid, name) values (new.id, ${foldClient('new')}); end`.execute(db)
  await sql`create trigger clients_fts_au after update of name, full_name on clients begin
    delete from clients_fts where rowid = old.id;
    insert into clients_fts(rowid, name) values (new.id, ${foldClient('new')}); end`.execute(db)
  await sql`create trigger clients_fts_ad after delete on clients begin
    delete from clients_fts where rowid = old.id; end`.execute(db)

  // contacts.search is already folded by the application (searchText of the name).
  await sql`create trigger contacts_fts_ai after insert on contacts begin
    insert into contacts_fts(rowid, name) values (new.id, new.search); end`.execute(db)
  await sql`create trigger contacts_fts_au after update of search on contacts begin
    delete from contacts_fts where rowid = old.id;
    insert into contacts_fts(rowid, name) values (new.id, new.search); end`.execute(db)
  await sql`create trigger contacts_fts_ad after delete on contacts begin
    delete from contacts_fts where rowid = old.id; end`.execute(db)

  await sql`create trigger channels_fts_ai after insert on contact_channels begin
    insert into channels_fts(rowid, value) values (new.id, ${channelValue('new')}); end`.execute(db)
  await sql`create trigger channels_fts_au after update of type, normalized, digits on contact_channels begin
    delete from channels_fts where rowid = old.id;
    insert into channels_fts(rowid, value) values (new.id, ${channelValue('new')}); end`.execute(db)
  await sql`create trigger channels_fts_ad after delete on contact_channels begin
    delete from channels_fts where rowid = old.id; end`.execute(db)

  await sql`insert into clients_fts(rowid, name) select c.id, ${foldClient('c')} from clients c`.execute(db)
  await sql`insert into contacts_fts(rowid, name) select id, search from contacts`.execute(db)
  await sql`insert into channels_fts(rowid, value) select ch.id, ${channelValue('ch')} from contact_channels ch`.execute(
    db,
  )
}

async function upPostgres(db: MigrationDb): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db)
  // The extension lives in one schema per database; name its operator class with that schema.
  const found = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
  const schema = found.rows[0]?.schema ?? 'public'
  const ops = sql.raw(`"${schema.replaceAll('"', '""')}".gin_trgm_ops`)
  // 'simple' keeps names whole (the 'russian' stemmer mangles them); to_tsvector lower-cases every script.
  await sql`create index clients_name_tsv_idx on clients using gin (to_tsvector('simple'::regconfig, ${PG_CLIENT_NAME}))`.execute(
    db,
  )
  await sql`create index contacts_search_tsv_idx on contacts using gin (to_tsvector('simple'::regconfig, search))`.execute(
    db,
  )
  await sql`create index channels_phone_trgm_idx on contact_channels using gin (digits ${ops}) where type = 'phone'`.execute(
    db,
  )
  await sql`create index channels_email_trgm_idx on contact_channels using gin (normalized ${ops}) where type = 'email'`.execute(
    db,
  )
  // Statistics for the new expressions, so the planner picks the indexes for rare words.
  await sql`analyze clients`.execute(db)
  await sql`analyze contacts`.execute(db)
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only')
}
