import { type Expression, type SqlBool, sql } from 'kysely'
import type { DialectKind } from './database.ts'

/**
 * `<column> IN <ids>` for lists of any length, as one bound parameter: a JSON array read by `json_each`
 * on SQLite, an `int[]` on PostgreSQL. (A literal `IN (?, ?, …)` hits SQLite's 32,766-parameter limit
 * and makes PostgreSQL plan each length anew.)
 */
export function idIn(dialect: DialectKind, column: string, ids: readonly number[]): Expression<SqlBool> {
  if (dialect === 'postgres') return sql<SqlBool>`${sql.ref(column)} = any(${`{${ids.join(',')}}`}::int[])`
  return sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`
}
