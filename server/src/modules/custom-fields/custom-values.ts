import { searchText } from '../../platform/db/text.ts'
import type { FieldProblem } from '../../platform/errors/app-error.ts'
import type { CustomFieldDef } from './custom-fields.repository.ts'

export const TEXT_MAX = 500
export const LONG_TEXT_MAX = 20_000
export const LINK_MAX = 2_000

/** The outcome of reading one value: the stored form, nothing (cleared), or a problem for the form. */
export type Coerced =
  | { ok: true; value: unknown }
  | { ok: true; empty: true }
  | { ok: false; problem: FieldProblem }

const EMPTY: Coerced = { ok: true, empty: true }
const fail = (key: string, params?: Record<string, string | number>): Coerced => ({
  ok: false,
  problem: params ? { key, params } : { key },
})
const ok = (value: unknown): Coerced => ({ ok: true, value })

function has(o: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(o, key)
}

function coerceText(raw: unknown, max: number, multiline: boolean): Coerced {
  let s: string
  if (typeof raw === 'string') s = raw
  else if (typeof raw === 'number' && Number.isFinite(raw)) s = String(raw)
  else return fail('custom.not_text')
  s = multiline ? s.replace(/\r\n?/g, '\n').trim() : s.trim()
  if (s === '') return EMPTY
  if (s.length > max) return fail('custom.too_long', { max })
  return ok(s)
}

// Digits with an optional decimal part; thousands may be grouped by spaces (including the no-break
// spaces that Russian number formatting produces), the decimal mark is a dot or a comma.
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/
const GROUP_SPACES = /[\s\u00a0\u202f']/g

/** A finite decimal from a number or from text such as "1 234,5" or "-0.25". */
export function parseDecimal(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw + 0 : undefined
  if (typeof raw !== 'string') return undefined
  let s = raw.replace(GROUP_SPACES, '')
  if (s.includes(',')) {
    if (s.includes('.') || s.indexOf(',') !== s.lastIndexOf(',')) return undefined
    s = s.replace(',', '.')
  }
  if (!NUMBER_TEXT.test(s)) return undefined
  const n = Number(s)
  return Number.isFinite(n) ? n + 0 : undefined
}

function coerceNumber(raw: unknown): Coerced {
  if (raw === '' || (typeof raw === 'string' && raw.trim() === '')) return EMPTY
  const n = parseDecimal(raw)
  return n === undefined ? fail('custom.not_a_number') : ok(n)
}

function coerceMoney(raw: unknown): Coerced {
  if (typeof raw === 'string' && raw.trim() === '') return EMPTY
  const n = parseDecimal(raw)
  if (n === undefined) return fail('custom.not_a_number')
  // Minor units only: "100,50" would be ambiguous (roubles or kopecks?), so a decimal mark is refused.
  if (!Number.isSafeInteger(n) || (typeof raw === 'string' && /[.,]/.test(raw)))
    return fail('custom.not_minor_units')
  return ok(n)
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/

/** `YYYY-MM-DD` for a real calendar date (also read from `DD.MM.YYYY`), else undefined. */
export function parseDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined
  const s = raw.trim()
  let y: number
  let m: number
  let d: number
  const iso = ISO_DATE.exec(s)
  const ru = iso ? null : RU_DATE.exec(s)
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (ru) [y, m, d] = [Number(ru[3]), Number(ru[2]), Number(ru[1])]
  else return undefined
  if (y < 1 || m < 1 || m > 12 || d < 1) return undefined
  const date = new Date(Date.UTC(2000, m - 1, d))
  date.setUTCFullYear(y)
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function coerceDate(raw: unknown): Coerced {
  if (typeof raw === 'string' && raw.trim() === '') return EMPTY
  const date = parseDate(raw)
  return date === undefined ? fail('custom.bad_date') : ok(date)
}

/** true / false, also from "true"/"false" and 1/0 (as forms and CSV imports send them). */
export function parseBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw
  if (raw === 1 || raw === 0) return raw === 1
  if (typeof raw !== 'string') return undefined
  const s = raw.trim().toLowerCase()
  if (s === 'true' || s === '1') return true
  if (s === 'false' || s === '0') return false
  return undefined
}

function coerceBoolean(raw: unknown): Coerced {
  if (typeof raw === 'string' && raw.trim() === '') return EMPTY
  const b = parseBoolean(raw)
  return b === undefined ? fail('custom.not_a_boolean') : ok(b)
}

function allowedList(def: CustomFieldDef): string {
  return def.options.map((o) => o.value).join(', ')
}

/** An option's value from its value, or (for imports and hand-typed API calls) from one of its labels. */
function optionValue(def: CustomFieldDef, raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined
  const s = raw.trim()
  if (def.options.some((o) => o.value === s)) return s
  const folded = searchText(s)
  return def.options.find((o) => searchText(o.labelRu) === folded || searchText(o.labelEn) === folded)?.value
}

function coerceSelect(def: CustomFieldDef, raw: unknown): Coerced {
  if (typeof raw === 'string' && raw.trim() === '') return EMPTY
  const value = optionValue(def, raw)
  return value === undefined ? fail('custom.not_an_option', { allowed: allowedList(def) }) : ok(value)
}

function coerceMultiselect(def: CustomFieldDef, raw: unknown): Coerced {
  if (typeof raw === 'string' && raw.trim() === '') return EMPTY
  const items = typeof raw === 'string' ? [raw] : raw
  if (!Array.isArray(items)) return fail('custom.not_a_list', { allowed: allowedList(def) })
  const values: string[] = []
  for (const item of items) {
    const value = optionValue(def, item)
    if (value === undefined) return fail('custom.not_an_option', { allowed: allowedList(def) })
    if (!values.includes(value)) values.push(value)
  }
  return values.length === 0 ? EMPTY : ok(values)
}

const WEB_SCHEME = /^https?:\/\//i
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:(\/\/)?/i

function coerceLink(raw: unknown): Coerced {
  if (typeof raw !== 'string') return fail('custom.bad_url')
  let s = raw.trim()
  if (s === '') return EMPTY
  if (s.length > LINK_MAX) return fail('custom.too_long', { max: LINK_MAX })
  // "example.com/price" is what people type, and a web address is meant; other schemes are refused.
  if (!WEB_SCHEME.test(s)) {
    const scheme = OTHER_SCHEME.exec(s)
    if (scheme && (scheme[1] || !/^[^:]+:\d/.test(s))) return fail('custom.bad_url')
    s = `https://${s}`
  }
  if (/\s/.test(s)) return fail('custom.bad_url')
  let url: URL
  try {
    url = new URL(s)
  } catch {
    return fail('custom.bad_url')
  }
  if (!url.hostname || url.username || url.password) return fail('custom.bad_url')
  if (s.length > LINK_MAX) return fail('custom.too_long', { max: LINK_MAX })
  return ok(s)
}

/** Reads one value for its definition: the stored form, "empty" (clear it), or a problem. */
export function coerceCustomValue(def: CustomFieldDef, raw: unknown): Coerced {
  if (raw === null || raw === undefined) return EMPTY
  switch (def.type) {
    case 'text':
      return coerceText(raw, TEXT_MAX, false)
    case 'long_text':
      return coerceText(raw, LONG_TEXT_MAX, true)
    case 'number':
      return coerceNumber(raw)
    case 'money':
      return coerceMoney(raw)
    case 'date':
      return coerceDate(raw)
    case 'boolean':
      return coerceBoolean(raw)
    case 'select':
      return coerceSelect(def, raw)
    case 'multiselect':
      return coerceMultiselect(def, raw)
    case 'link':
      return coerceLink(raw)
  }
}

export function appliesToKind(def: CustomFieldDef, kind: 'organization' | 'person'): boolean {
  return def.appliesTo === 'all' || def.appliesTo === kind
}

export interface CustomValuesResult {
  /** The record's whole custom object to store: previous values with the input applied. */
  values: Record<string, unknown>
  /** Problems keyed `custom.<key>`, ready for `new AppError('validation', { fields })`. */
  problems: Record<string, FieldProblem>
}

/**
 * Validates the custom values sent for a record and merges them over the stored ones.
 *
 * - Only keys present in `input` are read; a key set to null (or "", or []) clears the value.
 * - A key without a definition, or whose field is not for this kind of client, is a problem.
 * - Values are coerced to their stored form: numbers from "1 234,5", money as whole minor units,
 *   dates as `YYYY-MM-DD` (also from `DD.MM.YYYY`), booleans from "true"/"false", options by value or label.
 * - Required fields: on create every required field for this kind must end up filled; on update a
 *   required field may not be cleared (fields made required later are not forced on every edit).
 * - Stored values of deleted definitions are kept untouched.
 */
export function validateCustomValues(
  defs: readonly CustomFieldDef[],
  appliesTo: 'organization' | 'person',
  input: Record<string, unknown> | undefined,
  previous: Record<string, unknown>,
  mode: 'create' | 'update',
): CustomValuesResult {
  const values: Record<string, unknown> = { ...previous }
  const problems: Record<string, FieldProblem> = {}
  const byKey = new Map(defs.map((d) => [d.key, d]))
  for (const key of Object.keys(input ?? {})) {
    const raw = input?.[key]
    const def = byKey.get(key)
    const field = `custom.${key}`
    if (!def) {
      // Clearing a value left by a deleted field is fine; setting one is not.
      if (raw === null) delete values[key]
      else problems[field] = { key: 'custom.unknown_field' }
      continue
    }
    const result = coerceCustomValue(def, raw)
    if (!result.ok) {
      problems[field] = result.problem
      continue
    }
    if ('empty' in result) {
      if (def.isRequired && appliesToKind(def, appliesTo)) problems[field] = { key: 'custom.required' }
      else delete values[key]
      continue
    }
    if (!appliesToKind(def, appliesTo)) {
      problems[field] = { key: 'custom.not_applicable' }
      continue
    }
    values[key] = result.value
  }
  if (mode === 'create') {
    for (const def of defs) {
      const field = `custom.${def.key}`
      if (!def.isRequired || !appliesToKind(def, appliesTo) || has(problems, field)) continue
      if (!has(values, def.key)) problems[field] = { key: 'custom.required' }
    }
  }
  return { values, problems }
}

/**
 * The values a record shows: those with a current definition for its kind whose stored value still
 * fits the definition (a deleted field's values stay in the JSON but are not shown).
 */
export function visibleCustomValues(
  defs: readonly CustomFieldDef[],
  appliesTo: 'organization' | 'person',
  stored: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const def of defs) {
    if (!appliesToKind(def, appliesTo) || !has(stored, def.key)) continue
    const result = coerceCustomValue(def, stored[def.key])
    if (result.ok && 'value' in result) out[def.key] = result.value
  }
  return out
}
