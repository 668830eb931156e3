import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely'
import type { DialectKind } from '../../server/src/platform/db/database.ts'
import type { Database } from '../../server/src/platform/db/schema.ts'
import { type Batches, type BulkTable, TABLES } from './generate.ts'

/** Writes generated rows into one database over a single connection, bypassing the index-change log. */
export interface Loader {
  /** Clients generated and written at a time. */
  readonly batchClients: number
  /** Takes the index-change triggers and the secondary indexes of the bulk tables out of the way. */
  begin(): Promise<void>
  /** Runs a query built with `queryBuilder` (the small tables). */
  run(query: CompiledQuery): Promise<void>
  /** Clients and their rows in the other bulk tables; PostgreSQL works on them while the caller generates the next batch. */
  write(batches: Batches): Promise<void>
  /** Puts indexes and triggers back, empties client_index_changes, brings sequences up, analyzes. */
  finish(step: (label: string) => void): Promise<void>
  /** Bytes on disk. */
  size(): Promise<number>
  close(): Promise<void>
}

/** Tables the bulk load fills through the loader's own statements. */
export const BULK_TABLES = Object.keys(TABLES) as BulkTable[]
/** Tables whose explicit ids must move the id sequence on PostgreSQL. */
export const ID_TABLES = [
  'teams',
  'users',
  'classifiers',
  'classifier_nodes',
  'clients',
  'contacts',
  'contact_links',
  'contact_channels',
] as const

/** A Kysely that only compiles (typed SQL for the small tables, run by the loader's connection). */
export function queryBuilder(kind: DialectKind): Kysely<Database> {
  const pg = kind === 'postgres'
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => (pg ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (pg ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
      createQueryCompiler: () => (pg ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
  })
}
