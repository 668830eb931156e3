import type { CompiledQuery } from 'kysely'
import pg from 'pg'
import { type Batch, type Batches, TABLES, type Value } from './generate.ts'
import { BULK_TABLES, ID_TABLES, type Loader } from './loader.ts'

interface SchemaObject {
  name: string
  sql: string
}

/**
 * One connection in `session_replication_role = replica`, which skips triggers — the index-change
 * triggers and the foreign-key checks — for this session only. Rows go in with `copy … from stdin`
 * (2–3× faster than `insert … select * from unnest(…)` here), 20k clients and their ~90k memberships per
 * batch (and their contact persons and channels), while the generator makes the next batch. Secondary indexes of the bulk tables are dropped and
 * created again from their own definitions (`pg_indexes`).
 */
export class PgLoader implements Loader {
  readonly batchClients = 20_000
  private indexes: SchemaObject[] = []
  private tail: Promise<void> = Promise.resolve()

  private constructor(private readonly client: pg.Client) {}

  static async open(url: string): Promise<PgLoader> {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`set session_replication_role = replica`)
    await client.query(`set maintenance_work_mem = '1GB'`)
    await client.query(`set synchronous_commit = off`)
    return new PgLoader(client)
  }

  async begin(): Promise<void> {
    // Replica mode skips every ordinary trigger: refuse if a trigger other than the index-change log
    // (and the internal foreign-key ones) would be skipped, since its table would then be wrong.
    const others = await this.client.query<{ trigger: string }>(
      `select t.tgname as trigger
         from pg_trigger t
         join pg_class c on c.oid = t.tgrelid
         join pg_namespace n on n.oid = c.relnamespace
         join pg_proc p on p.oid = t.tgfoid
        where n.nspname = current_schema() and not t.tgisinternal
          and c.relname = any($1)
          and p.prosrc not like '%client_index_changes%'`,
      [[...BULK_TABLES, 'classifier_nodes', 'classifiers', 'users', 'teams']],
    )
    if (others.rows.length) {
      throw new Error(
        `triggers ${others.rows.map((r) => r.trigger).join(', ')} would be skipped by the bulk load: teach bench/data about them`,
      )
    }
    const found = await this.client.query<SchemaObject>(
      `select i.indexname as name, i.indexdef as sql
         from pg_indexes i
        where i.schemaname = current_schema() and i.tablename = any($1)
          and not exists (select 1 from pg_constraint k where k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
      [BULK_TABLES],
    )
    this.indexes = found.rows
    for (const i of this.indexes) await this.client.query(`drop index "${i.name}"`)
  }

  async run(query: CompiledQuery): Promise<void> {
    await this.client.query(query.sql, query.parameters as unknown[])
  }

  /** Queues the batch behind the ones still being written (one statement at a time on the connection). */
  write(batches: Batches): Promise<void> {
    let done = this.tail
    for (const table of BULK_TABLES) {
      const rows = copyText(batches[table])
      done = done.then(() => this.copy(table, TABLES[table], rows))
    }
    this.tail = done.catch(() => {})
    return done
  }

  private copy(
    table: string,
    columns: ReadonlyArray<readonly [string, string]>,
    rows: Buffer[],
  ): Promise<void> {
    const copy = new CopyFrom(`copy ${table} (${columns.map(([c]) => c).join(', ')}) from stdin`, rows)
    this.client.query(copy)
    return copy.done
  }

  async finish(step: (label: string) => void): Promise<void> {
    for (const i of this.indexes) {
      await this.client.query(i.sql)
      step(`index ${i.name}`)
    }
    await this.client.query('delete from client_index_changes')
    for (const table of ID_TABLES) {
      await this.client.query(
        `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
      )
    }
    step('sequences')
    await this.client.query('vacuum analyze')
    step('vacuum analyze')
  }

  async size(): Promise<number> {
    const r = await this.client.query<{ bytes: string }>(
      'select pg_database_size(current_database()) as bytes',
    )
    return Number(r.rows[0]!.bytes)
  }

  async close(): Promise<void> {
    await this.client.end()
  }
}

/** Creates the database of `url` when it does not exist yet. */
export async function ensurePgDatabase(url: string): Promise<void> {
  const probe = new pg.Client({ connectionString: url })
  try {
    await probe.connect()
    await probe.end()
    return
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err
  }
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''))
  target.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: target.toString() })
  await admin.connect()
  try {
    await admin.query(`create database "${name.replaceAll('"', '""')}"`)
  } finally {
    await admin.end()
  }
}

/** Drops everything in the connection's schema (tables, functions, the migration log) and recreates it. */
export async function emptyPgSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const r = await client.query<{ s: string }>('select current_schema() as s')
    const schema = r.rows[0]!.s.replaceAll('"', '""')
    await client.query(`drop schema "${schema}" cascade`)
    await client.query(`create schema "${schema}"`)
  } finally {
    await client.end()
  }
}

/** The parts of pg's connection a COPY uses (pg-copy-streams drives the same ones). */
interface CopyConnection {
  query(text: string): void
  sendCopyFromChunk(chunk: Buffer): void
  endCopyFrom(): void
}

/**
 * `copy … from stdin` with the data in hand, through pg's query protocol: pg calls `submit`, then
 * `handleCopyInResponse` when the server is ready for the data, then `handleReadyForQuery`.
 */
class CopyFrom implements pg.Submittable {
  readonly done: Promise<void>
  private settle: (error?: Error) => void = () => {}

  constructor(
    private readonly text: string,
    private readonly chunks: Buffer[],
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve())
    })
  }

  submit(connection: pg.Connection): void {
    ;(connection as unknown as CopyConnection).query(this.text)
  }

  handleCopyInResponse(connection: CopyConnection): void {
    for (const chunk of this.chunks) connection.sendCopyFromChunk(chunk)
    connection.endCopyFrom()
  }

  handleCommandComplete(): void {}

  handleError(error: Error): void {
    this.settle(error)
  }

  handleReadyForQuery(): void {
    this.settle()
  }
}

const COPY_SPECIAL = /[\\\t\n\r]/g
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** COPY's text format: tab-separated, `\N` for null, backslash escapes; in chunks of about 1 MB. */
function copyText(batch: Batch): Buffer[] {
  const chunks: Buffer[] = []
  const columns = batch.columns
  let text = ''
  for (let i = 0; i < batch.rows; i++) {
    for (let c = 0; c < columns.length; c++) {
      const v = columns[c]![i] as Value
      if (c) text += '\t'
      if (v === null) text += '\\N'
      else if (typeof v === 'number') text += v
      else text += v.replace(COPY_SPECIAL, (ch) => COPY_ESCAPES[ch]!)
    }
    text += '\n'
    if (text.length >= 1 << 20) {
      chunks.push(Buffer.from(text))
      text = ''
    }
  }
  if (text) chunks.push(Buffer.from(text))
  return chunks
}
