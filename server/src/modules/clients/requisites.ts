export type RequisiteProblem =
  | { code: 'digits_only' }
  | { code: 'length'; expected: number[] }
  | { code: 'checksum' }
  | { code: 'format' }
  | { code: 'bik_required' }

export type Check = { ok: true; value: string } | { ok: false; problem: RequisiteProblem }

export type InnKind = 'organization' | 'person'

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8]
const INN11_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const INN12_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const ACCOUNT_WEIGHTS = [7, 1, 3]
const KPP_PATTERN = /^\d{4}[\dA-Z]{2}\d{3}$/
const DIGITS = /^\d*$/
// The control key of a Russian bank account is its 9th digit.
const ACCOUNT_KEY_INDEX = 8

function fail(problem: RequisiteProblem): Check {
  return { ok: false, problem }
}

function stripSpaces(value: string): string {
  return value.replace(/\s/g, '')
}

function shape(value: string, lengths: readonly number[]): Check {
  const normalized = stripSpaces(value)
  if (!DIGITS.test(normalized)) return fail({ code: 'digits_only' })
  if (!lengths.includes(normalized.length)) return fail({ code: 'length', expected: [...lengths] })
  return { ok: true, value: normalized }
}

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * weights[i % weights.length]!
  return sum
}

function innControl(digits: string, weights: readonly number[]): number {
  return (weightedSum(digits, weights) % 11) % 10
}

function remainder(digits: string, modulus: number): number {
  let rest = 0
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % modulus
  return rest
}

function ogrnControl(prefix12: string): number {
  return remainder(prefix12, 11) % 10
}

function ogrnipControl(prefix14: string): number {
  return remainder(prefix14, 13) % 10
}

function digitAt(value: string, index: number): number {
  return Number(value[index])
}

function isInnChecksumValid(inn: string): boolean {
  if (inn.length === 10) return innControl(inn.slice(0, 9), INN10_WEIGHTS) === digitAt(inn, 9)
  return (
    innControl(inn.slice(0, 10), INN11_WEIGHTS) === digitAt(inn, 10) &&
    innControl(inn.slice(0, 11), INN12_WEIGHTS) === digitAt(inn, 11)
  )
}

function isAccountKeyValid(prefix: string, account: string): boolean {
  return weightedSum(prefix + account, ACCOUNT_WEIGHTS) % 10 === 0
}

function settlementPrefix(bik: string): string {
  return bik.slice(-3)
}

function correspondentPrefix(bik: string): string {
  return `0${bik.slice(4, 6)}`
}

function requireDigits(value: string, length: number, what: string): void {
  if (value.length !== length || !DIGITS.test(value)) {
    throw new RangeError(`${what} must be exactly ${length} digits`)
  }
}

/**
 * Checks an ИНН: 10 digits for an organization, 12 for a person or sole proprietor; `'any'` accepts both.
 * Spaces and NBSPs are removed; the normalized value is returned when the number is valid.
 */
export function checkInn(value: string, kind: InnKind | 'any'): Check {
  const lengths = kind === 'organization' ? [10] : kind === 'person' ? [12] : [10, 12]
  const shaped = shape(value, lengths)
  if (!shaped.ok) return shaped
  return isInnChecksumValid(shaped.value) ? shaped : fail({ code: 'checksum' })
}

/** Checks a КПП: 9 characters, positions 5–6 may be Latin letters (upper-cased before the check). */
export function checkKpp(value: string): Check {
  const normalized = stripSpaces(value).toUpperCase()
  if (normalized.length !== 9) return fail({ code: 'length', expected: [9] })
  return KPP_PATTERN.test(normalized) ? { ok: true, value: normalized } : fail({ code: 'format' })
}

/** Checks an ОГРН of a legal entity: 13 digits, the first 12 mod 11 mod 10 equal the last one. */
export function checkOgrn(value: string): Check {
  const shaped = shape(value, [13])
  if (!shaped.ok) return shaped
  const ogrn = shaped.value
  return ogrnControl(ogrn.slice(0, 12)) === digitAt(ogrn, 12) ? shaped : fail({ code: 'checksum' })
}

/** Checks an ОГРНИП of a sole proprietor: 15 digits, the first 14 mod 13 mod 10 equal the last one. */
export function checkOgrnip(value: string): Check {
  const shaped = shape(value, [15])
  if (!shaped.ok) return shaped
  const ogrnip = shaped.value
  return ogrnipControl(ogrnip.slice(0, 14)) === digitAt(ogrnip, 14) ? shaped : fail({ code: 'checksum' })
}

/** Checks a number that may be either an ОГРН (13 digits) or an ОГРНИП (15 digits). */
export function checkOgrnAny(value: string): Check {
  const shaped = shape(value, [13, 15])
  if (!shaped.ok) return shaped
  return shaped.value.length === 13 ? checkOgrn(shaped.value) : checkOgrnip(shaped.value)
}

/** Checks a БИК: 9 digits starting with `04` (the country code of Russian BIKs); it has no checksum. */
export function checkBik(value: string): Check {
  const shaped = shape(value, [9])
  if (!shaped.ok) return shaped
  return shaped.value.startsWith('04') ? shaped : fail({ code: 'format' })
}

/**
 * Checks a settlement account (р/с) against its bank's БИК: 20 digits whose key agrees with the last three
 * digits of the БИК. When the account looks right but the БИК is not valid, the problem is `bik_required`.
 */
export function checkSettlementAccount(account: string, bik: string): Check {
  const shaped = shape(account, [20])
  if (!shaped.ok) return shaped
  const bank = checkBik(bik)
  if (!bank.ok) return fail({ code: 'bik_required' })
  return isAccountKeyValid(settlementPrefix(bank.value), shaped.value) ? shaped : fail({ code: 'checksum' })
}

/**
 * Checks a correspondent account (к/с) against its bank's БИК: 20 digits starting with `301`, whose key
 * agrees with `0` and the 5th–6th digits of the БИК. When the БИК is not valid, the problem is
 * `bik_required`.
 */
export function checkCorrespondentAccount(account: string, bik: string): Check {
  const shaped = shape(account, [20])
  if (!shaped.ok) return shaped
  if (!shaped.value.startsWith('301')) return fail({ code: 'format' })
  const bank = checkBik(bik)
  if (!bank.ok) return fail({ code: 'bik_required' })
  return isAccountKeyValid(correspondentPrefix(bank.value), shaped.value)
    ? shaped
    : fail({ code: 'checksum' })
}

/**
 * Builds a valid ИНН from its digits without the control digits: 9 digits for an organization (one control
 * digit is appended), 10 for a person (two are appended). For tests and demo data.
 * @throws RangeError when `body` is not the right number of digits.
 */
export function makeInn(kind: InnKind, body: string): string {
  if (kind === 'organization') {
    requireDigits(body, 9, 'An organization ИНН body')
    return `${body}${innControl(body, INN10_WEIGHTS)}`
  }
  requireDigits(body, 10, 'A person ИНН body')
  const eleven = `${body}${innControl(body, INN11_WEIGHTS)}`
  return `${eleven}${innControl(eleven, INN12_WEIGHTS)}`
}

/**
 * Builds a valid ОГРН by appending the control digit to its first 12 digits. For tests and demo data.
 * @throws RangeError when `prefix12` is not 12 digits.
 */
export function makeOgrn(prefix12: string): string {
  requireDigits(prefix12, 12, 'An ОГРН prefix')
  return `${prefix12}${ogrnControl(prefix12)}`
}

/**
 * Builds a valid ОГРНИП by appending the control digit to its first 14 digits. For tests and demo data.
 * @throws RangeError when `prefix14` is not 14 digits.
 */
export function makeOgrnip(prefix14: string): string {
  requireDigits(prefix14, 14, 'An ОГРНИП prefix')
  return `${prefix14}${ogrnipControl(prefix14)}`
}

function withAccountKey(prefix: string, digits19: string): string {
  const head = digits19.slice(0, ACCOUNT_KEY_INDEX)
  const tail = digits19.slice(ACCOUNT_KEY_INDEX)
  // The key sits where the weight is 3, and 3·3 ≡ −1 (mod 10), so the key is 3 × the sum without it.
  const key = ((weightedSum(`${prefix}${head}0${tail}`, ACCOUNT_WEIGHTS) % 10) * 3) % 10
  return `${head}${key}${tail}`
}

function requireBik(bik: string): string {
  const bank = checkBik(bik)
  if (!bank.ok) throw new RangeError('A valid БИК is required')
  return bank.value
}

/**
 * Builds a valid settlement account (р/с) for a bank: the key is inserted as the 9th digit of the 19 given
 * digits, e.g. `makeSettlementAccount('4070281038000000001', '044525225')` gives `40702810938000000001`.
 * For tests and demo data.
 * @throws RangeError when `digits19` is not 19 digits or `bik` is not a valid БИК.
 */
export function makeSettlementAccount(digits19: string, bik: string): string {
  requireDigits(digits19, 19, 'An account without its key')
  return withAccountKey(settlementPrefix(requireBik(bik)), digits19)
}

/**
 * Builds a valid correspondent account (к/с) for a bank; the 19 given digits should start with `301` and the
 * key is inserted as the 9th digit. A conventional one is `'30101810' + '00000000' + bik.slice(-3)`.
 * For tests and demo data.
 * @throws RangeError when `digits19` is not 19 digits or `bik` is not a valid БИК.
 */
export function makeCorrespondentAccount(digits19: string, bik: string): string {
  requireDigits(digits19, 19, 'An account without its key')
  return withAccountKey(correspondentPrefix(requireBik(bik)), digits19)
}
