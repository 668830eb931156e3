import { searchText } from '../../platform/db/text.ts'

/** What one search box entry asks for, split into the forms each index understands. */
export interface SearchQuery {
  /** The folded text (lower case, ё → е). */
  folded: string
  /** Folded name words (2+ letters or digits), at most five; every one must begin a word of the name. */
  words: string[]
  /** Digits of a phone-like entry (3+), with a Russian trunk 8 turned into 7; null when the entry is not phone-like. */
  phone: string | null
  /** Digits of an all-digit entry (4+): an ИНН or ОГРН, whole or its beginning. */
  requisite: string | null
  /** A lower-cased e-mail address or a part of one (3+ characters); null when the entry cannot be one. */
  email: string | null
}

const PHONE_LIKE = /^[\d\s()+\-.]+$/
const EMAIL_LIKE = /^[\w.@+-]{3,}$/

export function parseSearchQuery(q: string): SearchQuery {
  const trimmed = q.trim()
  const folded = searchText(trimmed)
  const words = folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 5)
  const digitsOnly = trimmed.replace(/\D/g, '')
  let phone: string | null = null
  if (PHONE_LIKE.test(trimmed) && digitsOnly.length >= 3) {
    // A leading 8 is the Russian trunk prefix (+7) when the whole number is typed, or when it stands apart
    // as people write the start of a number: "8 495 573", "8(916)", "8-800".
    const trunk = digitsOnly.startsWith('8') && (digitsOnly.length === 11 || /^8\s*[\s(-]/.test(trimmed))
    phone = trunk ? `7${digitsOnly.slice(1)}` : digitsOnly
  }
  const requisite = /^\d{4,15}$/.test(trimmed) ? trimmed : null
  const email =
    EMAIL_LIKE.test(trimmed) && /[a-z@]/i.test(trimmed) && !/^\d+$/.test(trimmed)
      ? trimmed.toLowerCase()
      : null
  return { folded, words, phone, requisite, email }
}

/** Name words as an FTS5 query: each a quoted prefix, all required. */
export function ftsWordQuery(words: string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ')
}

/** Name words as a PostgreSQL tsquery: each a prefix, all required. */
export function tsWordQuery(words: string[]): string {
  return words.map((w) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}':*`).join(' & ')
}

/** A substring as an FTS5 trigram phrase. */
export function ftsPhrase(value: string): string {
  return `"${value.replaceAll('"', '""')}"`
}
