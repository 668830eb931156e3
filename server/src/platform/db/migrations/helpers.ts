// Frozen helpers for migrations: never change what an existing helper emits, add new ones instead.
import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  sql,
} from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped schema by design
export type MigrationDb = Kysely<any>

export function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** Integer surrogate key: identity on PostgreSQL, rowid alias on SQLite. */
export function withId<T extends string>(db: MigrationDb, table: CreateTableBuilder<T, never>, big = false) {
  const pg = isPostgres(db)
  return table.addColumn('id', pg && big ? 'bigint' : 'integer', (c: ColumnDefinitionBuilder) =>
    pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey().autoIncrement(),
  )
}

export function tsType(db: MigrationDb) {
  return isPostgres(db) ? sql`timestamptz` : sql`text`
}
