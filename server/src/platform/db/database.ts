import fs from 'node:fs'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as SqliteDialectDatabase,
  sql,
  type Transaction,
} from 'kysely'
import pg from 'pg'
import { migrations } from './migrations/index.ts'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>
export type Tx = Transaction<Database>
export type DialectKind = 'sqlite' | 'postgres'

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; poolSize?: number }

export interface DatabaseHandle {
  db: Db
  kind: DialectKind
  /** PostgreSQL only: the pool, for LISTEN/NOTIFY clients. */
  pool?: pg.Pool
  close(): Promise<void>
}

const PG_INT8 = 20
const PG_TIMESTAMPTZ = 1184
const PG_TIMESTAMP = 1114
const PG_DATE = 1082

function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser(oid: number, format?: string) {
      if (oid === PG_INT8) return (v: string) => Number(v)
      if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP) return (v: string) => new Date(v).toISOString()
      if (oid === PG_DATE) return (v: string) => v
      // biome-ignore lint/suspicious/noExplicitAny: pg's own typing of the default parser lookup
      return pg.types.getTypeParser(oid, format as any)
    },
  } as pg.CustomTypesConfig
}

/**
 * Kysely prepares every statement on every execution; preparing was the largest single cost of a
 * simple authenticated request. Statements are reused by SQL text (bounded LRU). Safe because Kysely
 * runs them synchronously (`all`/`run`); the one streaming caller gets a fresh statement.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size = 500): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText)
      if (stmt) {
        cache.delete(sqlText)
      } else {
        stmt = sqlite.prepare(sqlText)
        if (cache.size >= size) cache.delete(cache.keys().next().value as string)
      }
      cache.set(sqlText, stmt)
      const cached = stmt
      return {
        get reader() {
          return cached.reader
        },
        all: (parameters: ReadonlyArray<unknown>) => cached.all(parameters),
        run: (parameters: ReadonlyArray<unknown>) => cached.run(parameters),
        iterate: (parameters: ReadonlyArray<unknown>) =>
          sqlite.prepare(sqlText).iterate(parameters) as IterableIterator<unknown>,
      }
    },
  }
}

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true })
    const sqlite = new SqliteDatabase(target.file)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 10000')
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
    return { db, kind: 'sqlite', close: () => db.destroy() }
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, types: pgTypes() })
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight report their own errors.
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, kind: 'postgres', pool, close: () => db.destroy() }
}

/**
 * Applies pending migrations. Kysely's migrator takes a lock (an advisory lock on PostgreSQL, the
 * write lock on SQLite), so when several instances start together exactly one migrates.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // On PostgreSQL the bookkeeping tables live in the connection's own schema (search_path), not
  // whichever schema first has a table of that name.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Which database a handle or transaction talks to (for the few statements that differ). */
export function dialectOf(db: Db | Tx): DialectKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
