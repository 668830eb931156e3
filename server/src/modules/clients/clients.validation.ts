import type { ClientKind } from '../../platform/db/schema.ts'
import type { FieldProblem } from '../../platform/errors/app-error.ts'
import type { BankAccountInput, ChannelInput } from './clients.schemas.ts'
import { normalizeEmail, normalizePhone, normalizeWebsite, phoneDigits } from './contacts-normalize.ts'
import {
  type Check,
  checkBik,
  checkCorrespondentAccount,
  checkInn,
  checkKpp,
  checkOgrn,
  checkOgrnip,
  checkSettlementAccount,
  type RequisiteProblem,
} from './requisites.ts'

export type Problems = Record<string, FieldProblem>

function requisiteProblem(field: string, problem: RequisiteProblem): FieldProblem {
  switch (problem.code) {
    case 'length':
      return { key: 'requisites.length', params: { field, expected: problem.expected.join(' / ') } }
    default:
      return { key: `requisites.${problem.code}`, params: { field } }
  }
}

/** Runs one requisite check; on failure records why, on the field, and returns null. */
function check(problems: Problems, path: string, label: string, result: Check): string | null {
  if (result.ok) return result.value
  problems[path] = requisiteProblem(label, result.problem)
  return null
}

export interface Requisites {
  inn: string | null
  kpp: string | null
  ogrn: string | null
}

/**
 * Checks ИНН, КПП and ОГРН(ИП) by the kind of client and its legal form: a legal entity has a 10-digit
 * ИНН, a КПП and a 13-digit ОГРН; a sole proprietor (ИП) and a person have a 12-digit ИНН and, for the
 * ИП, a 15-digit ОГРНИП and no КПП. Foreign organizations are stored as typed.
 */
export function checkRequisites(
  kind: ClientKind,
  legalForm: string,
  isForeign: boolean,
  input: Requisites,
  problems: Problems,
): Requisites {
  const clean = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim())
  const inn = clean(input.inn)
  const kpp = clean(input.kpp)
  const ogrn = clean(input.ogrn)
  if (isForeign && kind === 'organization') return { inn, kpp, ogrn }
  const soleProprietor = kind === 'person' || legalForm === 'ИП'
  const out: Requisites = { inn: null, kpp: null, ogrn: null }
  if (inn !== null)
    out.inn = check(problems, 'inn', 'ИНН', checkInn(inn, soleProprietor ? 'person' : 'organization'))
  if (kpp !== null) {
    if (soleProprietor) problems.kpp = { key: 'requisites.kpp_not_applicable' }
    else out.kpp = check(problems, 'kpp', 'КПП', checkKpp(kpp))
  }
  if (ogrn !== null) {
    if (kind === 'person') problems.ogrn = { key: 'requisites.ogrn_not_applicable' }
    else if (soleProprietor) out.ogrn = check(problems, 'ogrn', 'ОГРНИП', checkOgrnip(ogrn))
    else out.ogrn = check(problems, 'ogrn', 'ОГРН', checkOgrn(ogrn))
  }
  return out
}

export interface NormalizedChannel {
  type: ChannelInput['type']
  value: string
  normalized: string
  digits: string
  label: string
  isPrimary: boolean
}

/** Phones to E.164 from any format, e-mails folded; one primary per type. */
export function normalizeChannels(
  channels: ChannelInput[],
  problems: Problems,
  prefix = 'channels',
): NormalizedChannel[] {
  const out: NormalizedChannel[] = []
  channels.forEach((c, i) => {
    const path = `${prefix}.${i}.value`
    if (c.type === 'phone') {
      const p = normalizePhone(c.value)
      if (!p.ok) {
        problems[path] = { key: `channels.phone_${p.problem}` }
        return
      }
      const shown = p.extension ? `${p.international} доб. ${p.extension}` : p.international
      out.push({
        type: 'phone',
        value: shown,
        normalized: p.e164,
        digits: phoneDigits(p.e164),
        label: c.label,
        isPrimary: c.isPrimary,
      })
    } else if (c.type === 'email') {
      const e = normalizeEmail(c.value)
      if (!e.ok) {
        problems[path] = { key: 'channels.email_invalid' }
        return
      }
      out.push({
        type: 'email',
        value: e.email,
        normalized: e.email,
        digits: '',
        label: c.label,
        isPrimary: c.isPrimary,
      })
    } else {
      const v = c.value.trim()
      out.push({
        type: 'messenger',
        value: v,
        normalized: v.toLowerCase(),
        digits: '',
        label: c.label,
        isPrimary: c.isPrimary,
      })
    }
  })
  for (const type of ['phone', 'email', 'messenger'] as const) {
    const ofType = out.filter((c) => c.type === type)
    if (ofType.length && !ofType.some((c) => c.isPrimary)) ofType[0]!.isPrimary = true
    let seen = false
    for (const c of ofType) {
      if (c.isPrimary && seen) c.isPrimary = false
      if (c.isPrimary) seen = true
    }
  }
  return out
}

export function checkBankAccounts(accounts: BankAccountInput[], problems: Problems): BankAccountInput[] {
  const out: BankAccountInput[] = []
  accounts.forEach((a, i) => {
    const p = `bankAccounts.${i}`
    const bik = check(problems, `${p}.bik`, 'БИК', checkBik(a.bik))
    if (bik === null) return
    const account = check(problems, `${p}.account`, 'р/с', checkSettlementAccount(a.account, bik))
    const corr = a.corrAccount.trim()
      ? check(problems, `${p}.corrAccount`, 'к/с', checkCorrespondentAccount(a.corrAccount, bik))
      : ''
    if (account === null || corr === null) return
    out.push({ ...a, bik, account, corrAccount: corr })
  })
  if (out.length && !out.some((a) => a.isPrimary)) out[0]!.isPrimary = true
  return out
}

export function checkWebsite(value: string, problems: Problems): string {
  if (!value.trim()) return ''
  const w = normalizeWebsite(value)
  if (!w.ok) {
    problems.website = { key: 'clients.website_invalid' }
    return value
  }
  return w.url
}

/** The display name of a person: "Last First Middle". */
export function personName(last: string, first: string, middle: string): string {
  return [last, first, middle]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ')
}
