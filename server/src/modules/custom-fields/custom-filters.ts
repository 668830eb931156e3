import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely'
import { z } from 'zod'
import type { DialectKind } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { CustomFieldDef } from './custom-fields.repository.ts'
import { CUSTOM_FIELD_KEY, type CustomFieldType } from './custom-fields.schemas.ts'
import { parseBoolean, parseDate, parseDecimal } from './custom-values.ts'

/**
 * A list filter on one custom field.
 * - `eq`: equal (text types: case-insensitive; multiselect: the value is among those chosen)
 * - `in`: select — one of the values; multiselect — any of them chosen
 * - `range`: number, money, date — inclusive bounds, either may be left out
 * - `empty` / `notEmpty`: no value (absent, null, "" or []) / any value
 * - `contains`: text, long_text, link — a case-insensitive substring
 */
export type CustomFilter =
  | { op: 'eq'; value: string | number | boolean }
  | { op: 'in'; values: readonly string[] }
  | { op: 'range'; from?: string | number; to?: string | number }
  | { op: 'empty' }
  | { op: 'notEmpty' }
  | { op: 'contains'; value: string }

/** The same as `CustomFilter`, under the name the clients module uses. */
export type CustomFieldFilter = CustomFilter

/** The shape of a filter as a request may carry it (the list route maps its query to this). */
export const customFilterSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('eq'), value: z.union([z.string().max(500), z.number(), z.boolean()]) }),
  z.object({ op: z.literal('in'), values: z.array(z.string().max(500)).max(200) }),
  z.object({
    op: z.literal('range'),
    from: z.union([z.string().max(40), z.number()]).optional(),
    to: z.union([z.string().max(40), z.number()]).optional(),
  }),
  z.object({ op: z.literal('empty') }),
  z.object({ op: z.literal('notEmpty') }),
  z.object({ op: z.literal('contains'), value: z.string().max(500) }),
])

const TEXT_TYPES: readonly CustomFieldType[] = ['text', 'long_text', 'link']
const NUMERIC_TYPES: readonly CustomFieldType[] = ['number', 'money']
const OPS_BY_TYPE: Record<CustomFieldType, readonly CustomFilter['op'][]> = {
  text: ['eq', 'contains', 'empty', 'notEmpty'],
  long_text: ['eq', 'contains', 'empty', 'notEmpty'],
  link: ['eq', 'contains', 'empty', 'notEmpty'],
  number: ['eq', 'range', 'empty', 'notEmpty'],
  money: ['eq', 'range', 'empty', 'notEmpty'],
  date: ['eq', 'range', 'empty', 'notEmpty'],
  boolean: ['eq', 'empty', 'notEmpty'],
  select: ['eq', 'in', 'empty', 'notEmpty'],
  multiselect: ['eq', 'in', 'empty', 'notEmpty'],
}

/** Which filter operations a field of this type supports. */
export function customFilterOps(type: CustomFieldType): readonly CustomFilter['op'][] {
  return OPS_BY_TYPE[type]
}

import { foldCustomText, foldSql } from '../../platform/db/text.ts'

export { foldCustomText, foldSql }

// ── typed access to one key of a JSON text column ──────────────────────────
interface JsonKey {
  dialect: DialectKind
  /** JSON type name: SQLite json_type() ('null','true','false','integer','real','text','array','object'), PG jsonb_typeof(). */
  type: RawBuilder<string | null>
  /** The value when it is a JSON string, else null. */
  text: RawBuilder<string | null>
  /** The value when it is a JSON number, else null. */
  number: RawBuilder<number | null>
  /** The value when it is a `YYYY-MM-DD` string (compared byte-wise on both databases), else null. */
  date: RawBuilder<string | null>
  isArray: RawBuilder<SqlBool>
}

function jsonKey(dialect: DialectKind, column: string, key: string): JsonKey {
  // Keys come from definitions, whose pattern is enforced on creation; checked again because the key
  // is written into the SQL text (as a literal) so that the same query text serves every value.
  if (!CUSTOM_FIELD_KEY.test(key)) throw new Error(`invalid custom field key: ${key}`)
  const col = sql.ref(column)
  if (dialect === 'postgres') {
    const node = sql`((${col})::jsonb -> ${sql.lit(key)})`
    const type = sql<string | null>`jsonb_typeof(${node})`
    return {
      dialect,
      type,
      text: sql<string | null>`(case when ${type} = 'string' then (${col})::jsonb ->> ${sql.lit(key)} end)`,
      number: sql<
        number | null
      >`(case when ${type} = 'number' then ((${col})::jsonb ->> ${sql.lit(key)})::numeric end)`,
      date: sql<
        string | null
      >`(case when ${type} = 'string' and (${col})::jsonb ->> ${sql.lit(key)} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then ((${col})::jsonb ->> ${sql.lit(key)}) collate "C" end)`,
      isArray: sql<SqlBool>`coalesce(${type}, '') = 'array'`,
    }
  }
  const path = sql.lit(`$.${key}`)
  const type = sql<string | null>`json_type(${col}, ${path})`
  return {
    dialect,
    type,
    text: sql<string | null>`(case when ${type} = 'text' then json_extract(${col}, ${path}) end)`,
    number: sql<
      number | null
    >`(case when ${type} in ('integer', 'real') then json_extract(${col}, ${path}) end)`,
    date: sql<
      string | null
    >`(case when ${type} = 'text' and json_extract(${col}, ${path}) glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' then json_extract(${col}, ${path}) end)`,
    isArray: sql<SqlBool>`coalesce(${type}, '') = 'array'`,
  }
}

/** True when the multiselect array at the key holds any of the values. */
function anyOf(column: string, key: string, j: JsonKey, values: readonly string[]): RawBuilder<SqlBool> {
  const list = sql.join(values)
  if (j.dialect === 'postgres')
    return sql<SqlBool>`(${j.isArray} and ((${sql.ref(column)})::jsonb -> ${sql.lit(key)}) ?| array[${list}]::text[])`
  return sql<SqlBool>`(${j.isArray} and exists (select 1 from json_each(${sql.ref(column)}, ${sql.lit(`$.${key}`)}) as cf_item where cf_item.type = 'text' and cf_item.value in (${list})))`
}

function isEmpty(column: string, key: string, j: JsonKey): RawBuilder<SqlBool> {
  const col = sql.ref(column)
  if (j.dialect === 'postgres') {
    const node = sql`((${col})::jsonb -> ${sql.lit(key)})`
    return sql<SqlBool>`(case coalesce(${j.type}, 'null') when 'null' then true when 'string' then ${node} = '""'::jsonb when 'array' then jsonb_array_length(${node}) = 0 else false end)`
  }
  const path = sql.lit(`$.${key}`)
  return sql<SqlBool>`(case coalesce(${j.type}, 'null') when 'null' then 1 when 'text' then json_extract(${col}, ${path}) = '' when 'array' then json_array_length(${col}, ${path}) = 0 else 0 end = 1)`
}

function badFilter(def: CustomFieldDef): AppError {
  return AppError.field(`custom.${def.key}`, 'custom.bad_filter', { type: def.type })
}

function numericBound(def: CustomFieldDef, raw: unknown): number {
  const n = parseDecimal(raw)
  if (n === undefined) throw AppError.field(`custom.${def.key}`, 'custom.not_a_number')
  return n
}

function dateBound(def: CustomFieldDef, raw: unknown): string {
  const d = parseDate(raw)
  if (d === undefined) throw AppError.field(`custom.${def.key}`, 'custom.bad_date')
  return d
}

function numberParam(dialect: DialectKind, n: number): RawBuilder<number> {
  return dialect === 'postgres' ? sql<number>`cast(${n} as numeric)` : sql<number>`${n}`
}

function rangeCondition(def: CustomFieldDef, j: JsonKey, from: unknown, to: unknown): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = []
  if (NUMERIC_TYPES.includes(def.type)) {
    parts.push(sql`${j.number} is not null`)
    if (from !== undefined) parts.push(sql`${j.number} >= ${numberParam(j.dialect, numericBound(def, from))}`)
    if (to !== undefined) parts.push(sql`${j.number} <= ${numberParam(j.dialect, numericBound(def, to))}`)
  } else {
    // `YYYY-MM-DD` sorts as text in date order.
    parts.push(sql`${j.date} is not null`)
    if (from !== undefined) parts.push(sql`${j.date} >= ${dateBound(def, from)}`)
    if (to !== undefined) parts.push(sql`${j.date} <= ${dateBound(def, to)}`)
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`
}

function eqCondition(column: string, def: CustomFieldDef, j: JsonKey, value: unknown): RawBuilder<SqlBool> {
  const field = `custom.${def.key}`
  switch (def.type) {
    case 'text':
    case 'long_text':
    case 'link':
      if (typeof value !== 'string') throw badFilter(def)
      return sql<SqlBool>`(${j.text} is not null and ${foldSql(j.dialect, j.text)} = ${foldCustomText(value.trim())})`
    case 'number':
    case 'money': {
      const n = numberParam(j.dialect, numericBound(def, value))
      return sql<SqlBool>`(${j.number} is not null and ${j.number} = ${n})`
    }
    case 'date':
      return sql<SqlBool>`(${j.date} is not null and ${j.date} = ${dateBound(def, value)})`
    case 'boolean': {
      const b = parseBoolean(value)
      if (b === undefined) throw AppError.field(field, 'custom.not_a_boolean')
      if (j.dialect === 'postgres')
        return sql<SqlBool>`(coalesce(${j.type}, '') = 'boolean' and (${sql.ref(column)})::jsonb ->> ${sql.lit(def.key)} = ${String(b)})`
      return sql<SqlBool>`(coalesce(${j.type}, '') = ${String(b)})`
    }
    case 'select':
      if (typeof value !== 'string') throw badFilter(def)
      return sql<SqlBool>`(${j.text} is not null and ${j.text} = ${value})`
    case 'multiselect':
      if (typeof value !== 'string') throw badFilter(def)
      return anyOf(column, def.key, j, [value])
  }
}

/**
 * A WHERE condition for one custom field of records whose values live in the JSON text column
 * `column` (e.g. `'c.custom'`; an identifier chosen by the caller's code, never by a request).
 * The key comes from the definition; every value is a bound parameter. Values whose stored JSON type
 * does not fit the definition (left by a deleted field of the same key) never match and never break the
 * query. Unsupported op/type pairs and unreadable values are 400 field errors on `custom.<key>`.
 */
export function customFieldCondition<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  dialect: DialectKind,
  column: string,
  def: CustomFieldDef,
  unchecked: CustomFilter,
): Expression<SqlBool> {
  // Filters often arrive straight from a query string: the shape is checked here too.
  const parsed = customFilterSchema.safeParse(unchecked)
  if (!parsed.success) throw badFilter(def)
  const filter = parsed.data
  if (!OPS_BY_TYPE[def.type].includes(filter.op)) throw badFilter(def)
  const j = jsonKey(dialect, column, def.key)
  switch (filter.op) {
    case 'empty':
      return isEmpty(column, def.key, j)
    case 'notEmpty':
      return sql<SqlBool>`not ${isEmpty(column, def.key, j)}`
    case 'eq':
      return eqCondition(column, def, j, filter.value)
    case 'in': {
      if (filter.values.length === 0) return sql<SqlBool>`(1 = 0)`
      if (def.type === 'multiselect') return anyOf(column, def.key, j, filter.values)
      return sql<SqlBool>`(${j.text} is not null and ${j.text} in (${sql.join(filter.values)}))`
    }
    case 'range':
      return rangeCondition(def, j, filter.from, filter.to)
    case 'contains': {
      if (!TEXT_TYPES.includes(def.type)) throw badFilter(def)
      const needle = foldCustomText(filter.value)
      const hay = foldSql(dialect, j.text)
      return dialect === 'postgres'
        ? sql<SqlBool>`(${j.text} is not null and strpos(${hay}, ${needle}) > 0)`
        : sql<SqlBool>`(${j.text} is not null and instr(${hay}, ${needle}) > 0)`
    }
  }
}

/** The option's place in the definition (values no longer offered after all the others), NULL when empty. */
function optionRank(def: CustomFieldDef, value: RawBuilder<string | null>): RawBuilder<number | null> {
  if (def.options.length === 0) return sql<number | null>`(case when ${value} is not null then 0 end)`
  const whens = def.options.map((o, i) => sql`when ${value} = ${o.value} then ${sql.lit(i)}`)
  return sql<
    number | null
  >`(case ${sql.join(whens, sql` `)} when ${value} is not null then ${sql.lit(def.options.length)} end)`
}

/**
 * An ORDER BY expression for one custom field: numbers and money numerically, dates in date order,
 * text case-insensitively by code point (the same on both databases), select and multiselect (by the
 * first value) in the order of the definition's options, booleans false before true. Records without
 * a value give NULL: add `nullsLast()` so both databases put them at the end.
 */
export function customSortExpression(
  dialect: DialectKind,
  column: string,
  def: CustomFieldDef,
): Expression<unknown> {
  const j = jsonKey(dialect, column, def.key)
  switch (def.type) {
    case 'number':
    case 'money':
      return j.number
    case 'date':
      return j.date
    case 'text':
    case 'long_text':
    case 'link':
      return dialect === 'postgres'
        ? sql`(${foldSql(dialect, j.text)} collate "C")`
        : foldSql(dialect, j.text)
    case 'boolean':
      return dialect === 'postgres'
        ? sql`(case when ${j.type} = 'boolean' then (case when (${sql.ref(column)})::jsonb ->> ${sql.lit(def.key)} = 'true' then 1 else 0 end) end)`
        : sql`(case ${j.type} when 'false' then 0 when 'true' then 1 end)`
    case 'select':
      return optionRank(def, j.text)
    case 'multiselect': {
      const first =
        dialect === 'postgres'
          ? sql<
              string | null
            >`(case when ${j.isArray} and jsonb_typeof((${sql.ref(column)})::jsonb -> ${sql.lit(def.key)} -> 0) = 'string' then (${sql.ref(column)})::jsonb -> ${sql.lit(def.key)} ->> 0 end)`
          : sql<
              string | null
            >`(case when ${j.isArray} and json_type(${sql.ref(column)}, ${sql.lit(`$.${def.key}[0]`)}) = 'text' then json_extract(${sql.ref(column)}, ${sql.lit(`$.${def.key}[0]`)}) end)`
      return optionRank(def, first)
    }
  }
}
