import { sql } from 'kysely'
import { isPostgres, type MigrationDb } from './helpers.ts'

/**
 * Global search on PostgreSQL, tuned at a million clients (docs/decisions/0010-search-indexes.md):
 *
 * - Trigram indexes over the phone digits and e-mails of contact persons only. The 0005 indexes cover
 *   every channel, and clients have six times more of them: a contact person's search paid for all of
 *   them (a whole e-mail 7.6 → 0.9 ms, «yandex» 17 → 3 ms, a phone 2.3 → 0.4 ms). The 0005 indexes stay
 *   for the clients' searches, and for the client list and the contact-person lookup, which use them too.
 * - Every search GIN index keeps a short pending list (`gin_pending_list_limit = 256` kB instead of 4 MB).
 *   New entries wait there, unsorted, until merged, and every search reads all of it: 15,000 pending
 *   clients cost each search 1.5 ms and made the planner give up the index for a walk of the table (15 ms
 *   for «север»). 256 kB (about 1,400 clients) costs a search 0.1–0.2 ms. Writes merge more often: 10,000
 *   clients with their channels took 0.8 s instead of 0.55 s (`fastupdate = off`: 2 s).
 *
 * SQLite: nothing to do (its FTS5 tables have neither issue).
 */
export async function up(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return
  const found = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
  const schema = found.rows[0]?.schema ?? 'public'
  const ops = sql.raw(`"${schema.replaceAll('"', '""')}".gin_trgm_ops`)
  await sql`create index channels_contact_phone_trgm_idx on contact_channels using gin (digits ${ops})
    with (gin_pending_list_limit = 256) where type = 'phone' and contact_id is not null`.execute(db)
  await sql`create index channels_contact_email_trgm_idx on contact_channels using gin (normalized ${ops})
    with (gin_pending_list_limit = 256) where type = 'email' and contact_id is not null`.execute(db)
  for (const index of [
    'clients_name_tsv_idx',
    'contacts_search_tsv_idx',
    'channels_phone_trgm_idx',
    'channels_email_trgm_idx',
  ]) {
    await sql`alter index ${sql.id(index)} set (gin_pending_list_limit = 256)`.execute(db)
    // Entries already pending (up to 4 MB) stay there until merged: merge them now.
    await sql`select gin_clean_pending_list(${sql.lit(index)}::regclass)`.execute(db)
  }
  await sql`analyze contact_channels`.execute(db)
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only')
}
