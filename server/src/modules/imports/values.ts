/**
 * Values as people type them in spreadsheets: Russian and ISO dates, money with a comma and spaces,
 * yes/no in both languages. Each parser returns `undefined` for an empty cell and `null` for a value
 * it cannot read (the row report says which cell and why).
 */

const EMPTY = /^\s*$/

/** A date as `YYYY-MM-DD`: `31.12.2024`, `31/12/2024`, `31.12.24`, `2024-12-31`, `2024-12-31T10:00`, or a Date. */
export function parseDate(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return undefined
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10)
  if (typeof value === 'number') return excelSerialDate(value)
  const s = String(value).trim()
  if (EMPTY.test(s)) return undefined
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s)
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s.*)?$/.exec(s)
  if (m) {
    let year = Number(m[3])
    if (m[3]!.length === 2) year += year >= 70 ? 1900 : 2000
    return validDate(year, Number(m[2]), Number(m[1]))
  }
  return null
}

/** Excel's day numbers (1900 date system; 25569 = 1970-01-01). */
function excelSerialDate(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return null
  const ms = Math.round((n - 25569) * 86400_000)
  return new Date(ms).toISOString().slice(0, 10)
}

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return date.toISOString().slice(0, 10)
}

/**
 * Money in minor units (kopecks): `1 234,56`, `1234.56`, `1 234 ₽`, `-12,5`, `1.234,56`, `1,234.56`.
 * With both separators, the last one is the decimal point; a lone comma is decimal (Russian).
 */
export function parseMoney(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 100) : null
  let s = String(value).trim()
  if (EMPTY.test(s)) return undefined
  s = s.replace(/[\s\u00a0\u202f]/g, '').replace(/(руб\.?|р\.|₽|rub|RUB)$/i, '')
  const negative = /^[-−]/.test(s) || /^\(.*\)$/.test(s)
  s = s.replace(/^[-−(]|\)$/g, '')
  const lastComma = s.lastIndexOf(',')
  const lastDot = s.lastIndexOf('.')
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.'
    const thousands = decimal === ',' ? '.' : ','
    s = s.split(thousands).join('').replace(decimal, '.')
  } else if (lastComma >= 0) {
    s = s.replace(',', '.')
  }
  if (!/^\d+(\.\d{1,2})?$/.test(s) && !/^\d+\.\d+$/.test(s)) return null
  const kopecks = Math.round(Number(s) * 100)
  if (!Number.isSafeInteger(kopecks)) return null
  return negative ? -kopecks : kopecks
}

/** A plain number: `1 234,5`, `1234.5`, `-3`. */
export function parseNumber(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  const s = String(value)
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
  if (s === '') return undefined
  const normalized = s.includes(',') && !s.includes('.') ? s.replace(',', '.') : s.replace(/,/g, '')
  if (!/^[-−]?\d+(\.\d+)?$/.test(normalized)) return null
  return Number(normalized.replace('−', '-'))
}

const TRUE = new Set(['да', 'д', 'yes', 'y', 'true', '1', 'истина', '+', 'x', '✓'])
const FALSE = new Set(['нет', 'н', 'no', 'n', 'false', '0', 'ложь', '-'])

export function parseBoolean(value: unknown): boolean | null | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'boolean') return value
  const s = String(value).trim().toLowerCase()
  if (s === '') return undefined
  if (TRUE.has(s)) return true
  if (FALSE.has(s)) return false
  return null
}
