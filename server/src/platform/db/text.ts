import { type Expression, type RawBuilder, sql } from 'kysely'
import type { DialectKind } from './database.ts'

/** Folds text for search the same way on both databases: lower case (all scripts), ё → е, single spaces. */
export function searchText(...parts: Array<string | null | undefined>): string {
  return parts
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Escapes LIKE wildcards in user input (used with `escape '\\'`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}

// ── case folding shared by SQL and TypeScript ──────────────────────────────
// SQLite's lower() folds ASCII only, and PostgreSQL's depends on the database's locale. So both sides
// fold exactly the same, fixed set of letters: A–Z, А–Я, Ё/ё → е. That covers the product's two
// languages; other scripts compare case-sensitively.
const UPPER_LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const UPPER_CYRILLIC = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'
const FOLD_FROM = `${UPPER_LATIN}${UPPER_CYRILLIC}Ёё`
const FOLD_TO = `${UPPER_LATIN.toLowerCase()}${UPPER_CYRILLIC.toLowerCase()}ее`
const FOLD_MAP = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]!]))

/** The folding that `contains`/`eq` on text fields apply to both the stored value and the needle. */
export function foldCustomText(value: string): string {
  let out = ''
  for (const c of value) out += FOLD_MAP.get(c) ?? c
  return out
}

/** Folds case (A–Z, А–Я) and Ё/ё → е in SQL, the same on both databases (SQLite's lower() does ASCII only). */
export function foldSql(dialect: DialectKind, value: Expression<unknown>): RawBuilder<string> {
  if (dialect === 'postgres')
    return sql<string>`translate(${value}, ${sql.lit(FOLD_FROM)}, ${sql.lit(FOLD_TO)})`
  // lower() does A–Z; the Cyrillic letters are replaced one by one.
  let folded = sql<string>`lower(${value})`
  for (const c of `${UPPER_CYRILLIC}Ёё`)
    folded = sql<string>`replace(${folded}, ${sql.lit(c)}, ${sql.lit(FOLD_MAP.get(c)!)})`
  return folded
}
