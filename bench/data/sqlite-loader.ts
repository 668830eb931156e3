import fs from 'node:fs'
import SqliteDatabase from 'better-sqlite3'
import type { CompiledQuery } from 'kysely'
import { type Batch, type Batches, type BulkTable, TABLES, type Value } from './generate.ts'
import { BULK_TABLES, type Loader } from './loader.ts'

const ROWS_PER_TRANSACTION = 50_000

interface SchemaObject {
  name: string
  sql: string
}

/**
 * One better-sqlite3 connection with prepared statements, 50k rows per transaction, `synchronous=OFF`
 * (and no foreign-key checks: this connection does not turn them on). The index-change triggers and the
 * search triggers (FTS5, migration 0005) are dropped for the load and created again from the SQL SQLite
 * kept for them; so are the secondary indexes of the bulk tables, which are faster to build once than to
 * grow row by row. The search tables are then empty: the caller fills them (rebuildSearchIndex).
 */
export class SqliteLoader implements Loader {
  /** Small batches: their strings die young instead of filling the old generation (a quarter less CPU). */
  readonly batchClients = 2_500
  private uncommitted = 0
  private readonly db: SqliteDatabase.Database
  private triggers: SchemaObject[] = []
  private indexes: SchemaObject[] = []
  private readonly inserts: Array<[BulkTable, SqliteDatabase.Statement]>

  constructor(private readonly file: string) {
    this.db = new SqliteDatabase(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = OFF')
    this.db.pragma('cache_size = -1048576')
    this.db.pragma('temp_store = MEMORY')
    // Index builds sort with helper threads (about a fifth faster on two cores).
    this.db.pragma('threads = 2')
    this.inserts = BULK_TABLES.map((table) => [table, this.insertInto(table, TABLES[table])])
  }

  private insertInto(table: string, columns: ReadonlyArray<readonly [string, string]>) {
    return this.db.prepare(
      `insert into ${table} (${columns.map(([c]) => c).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    )
  }

  async begin(): Promise<void> {
    this.triggers = this.db
      .prepare(
        `select name, sql from sqlite_master where type = 'trigger'
           and (sql like '%client_index_changes%' or instr(sql, '_fts') > 0)`,
      )
      .all() as SchemaObject[]
    const tables = BULK_TABLES.map(() => '?').join(', ')
    this.indexes = this.db
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables})`,
      )
      .all(...BULK_TABLES) as SchemaObject[]
    this.db.transaction(() => {
      for (const t of this.triggers) this.db.exec(`drop trigger "${t.name}"`)
      for (const i of this.indexes) this.db.exec(`drop index "${i.name}"`)
    })()
  }

  async run(query: CompiledQuery): Promise<void> {
    this.db.prepare(query.sql).run(...(query.parameters as Value[]))
  }

  async write(batches: Batches): Promise<void> {
    for (const [table, stmt] of this.inserts) this.insertRows(stmt, batches[table])
  }

  /** Rows go into the open transaction, committed every 50k rows. */
  private insertRows(stmt: SqliteDatabase.Statement, batch: Batch): void {
    const row: Value[] = new Array(batch.columns.length)
    for (let i = 0; i < batch.rows; i++) {
      if (!this.db.inTransaction) this.db.exec('begin')
      for (let c = 0; c < row.length; c++) row[c] = batch.columns[c]![i]!
      stmt.run(row)
      if (++this.uncommitted === ROWS_PER_TRANSACTION) this.commit()
    }
  }

  private commit(): void {
    if (this.db.inTransaction) this.db.exec('commit')
    this.uncommitted = 0
  }

  async finish(step: (label: string) => void): Promise<void> {
    this.commit()
    for (const i of this.indexes) {
      this.db.exec(i.sql)
      step(`index ${i.name}`)
    }
    this.db.transaction(() => {
      for (const t of this.triggers) this.db.exec(t.sql)
      this.db.exec('delete from client_index_changes')
    })()
    step(`${this.triggers.length} index-change and search triggers restored`)
    this.db.exec('analyze')
    step('analyze')
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    step('checkpoint')
  }

  async size(): Promise<number> {
    let bytes = 0
    for (const f of [this.file, `${this.file}-wal`]) if (fs.existsSync(f)) bytes += fs.statSync(f).size
    return bytes
  }

  async close(): Promise<void> {
    this.db.close()
  }
}
