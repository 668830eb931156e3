import { domainToUnicode } from 'node:url'
import {
  type CountryCode,
  type PhoneNumberType,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max'

export type PhoneProblem = 'invalid' | 'too_short' | 'too_long' | 'not_a_number'

export type NormalizedPhone =
  | {
      ok: true
      e164: string
      national: string
      international: string
      type?: PhoneNumberType
      extension?: string
    }
  | { ok: false; problem: PhoneProblem }

export type NormalizedEmail = { ok: true; email: string } | { ok: false }

export type NormalizedWebsite =
  | { ok: true; url: string }
  | { ok: false; problem: 'invalid' | 'unsupported_scheme' }

// libphonenumber knows «доб.» but not these other labels Russians write before an extension.
const RUSSIAN_EXTENSION_LABEL = /[,;]?\s*(?:добавочный|внутренний|внутр\.?|вн\.?|доп\.?)\s*(?=\d)/giu

/**
 * Parses a phone number typed in any common way — `8 (916) 123-45-67`, `+7 916 123 45 67`, `9161234567`,
 * `+7-495-123-45-67 доб. 123`, `+44 20 7946 0958` — with `defaultCountry` for numbers written without a
 * country code (for Russia a leading 8 is the trunk prefix). The extension, if any, is returned apart and
 * is not part of `e164`, `national` or `international`.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'RU'): NormalizedPhone {
  const text = input.trim().replace(RUSSIAN_EXTENSION_LABEL, ' доб. ')
  const parsed = parsePhoneNumberFromString(text, defaultCountry)
  if (!parsed?.isValid()) return { ok: false, problem: phoneProblem(text, defaultCountry) }
  const bare = parsePhoneNumberFromString(parsed.number) ?? parsed
  const type = parsed.getType()
  return {
    ok: true,
    e164: parsed.number,
    national: bare.formatNational(),
    international: bare.formatInternational(),
    ...(type === undefined ? {} : { type }),
    ...(parsed.ext ? { extension: parsed.ext } : {}),
  }
}

function phoneProblem(text: string, defaultCountry: CountryCode): PhoneProblem {
  switch (validatePhoneNumberLength(text, defaultCountry)) {
    case 'NOT_A_NUMBER':
      return 'not_a_number'
    case 'TOO_SHORT':
      return 'too_short'
    case 'TOO_LONG':
      return 'too_long'
    default:
      return 'invalid'
  }
}

/** The digits of a phone number without `+` or anything else, for searching by any part of the number. */
export function phoneDigits(e164: string): string {
  return e164.replace(/\D/g, '')
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(?:\.[^\s@<>()[\]\\,;:".]+)+$/u
const EMAIL_MAX_LENGTH = 254

/**
 * Trims and lower-cases an e-mail address (the whole address: the CRM matches e-mails case-insensitively).
 * International domains stay as typed, e.g. `иван@почта.рф`. Accepts one `@`, no spaces and a domain with
 * at least one dot, up to 254 characters.
 */
export function normalizeEmail(input: string): NormalizedEmail {
  // NFC, so that «й» typed as «и» plus a combining breve matches the precomposed letter.
  const email = input.trim().normalize('NFC').toLowerCase()
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL.test(email)) return { ok: false }
  return { ok: true, email }
}

const SCHEME = /^([a-z][a-z\d+.-]*):/i
const HOST_WITH_PORT = /^[^\s/?#@:]+\.[^\s/?#@:]+:\d+(?:[/?#]|$)/
const UNSAFE_IN_URL = /[\s\\<>"`\p{Cc}]/u
const HOST_LABEL = /^[a-z\d](?:[a-z\d-]*[a-z\d])?$/

/**
 * Normalizes a website typed as `example.ru`, `www.example.ru` or `https://пример.рф/path`: adds `https://`
 * when no scheme was given, lower-cases the scheme and the host, shows an international host in Unicode,
 * drops a default port and a bare trailing `/`, and keeps the rest as typed. Only http and https are
 * accepted; `javascript:`, `mailto:` and the like give `unsupported_scheme`.
 */
export function normalizeWebsite(input: string): NormalizedWebsite {
  const text = input.trim()
  const scheme = HOST_WITH_PORT.test(text) ? undefined : SCHEME.exec(text)?.[1]?.toLowerCase()
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return { ok: false, problem: 'unsupported_scheme' }
  }
  if (text === '' || UNSAFE_IN_URL.test(text)) return { ok: false, problem: 'invalid' }
  const candidate = text.startsWith('//') ? `https:${text}` : scheme === undefined ? `https://${text}` : text

  const url = parseUrl(candidate)
  if (
    !url ||
    !/^https?:\/\//i.test(candidate) ||
    url.username ||
    url.password ||
    !isPublicHost(url.hostname)
  ) {
    return { ok: false, problem: 'invalid' }
  }
  const afterScheme = candidate.slice(candidate.indexOf('//') + 2)
  const pathStart = afterScheme.search(/[/?#]/)
  const rest = pathStart === -1 ? '' : afterScheme.slice(pathStart)
  const port = url.port ? `:${url.port}` : ''
  return {
    ok: true,
    url: `${url.protocol}//${domainToUnicode(url.hostname)}${port}${rest === '/' ? '' : rest}`,
  }
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

function isPublicHost(hostname: string): boolean {
  const labels = hostname.split('.')
  return labels.length >= 2 && labels.every((label) => HOST_LABEL.test(label))
}
