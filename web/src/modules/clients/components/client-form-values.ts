import type {
  ChannelType,
  ClientCard,
  ClientCreate,
  ClientSize,
  ClientUpdate,
  CustomField,
  LegalForm,
} from '@mmcrm/server/api-types'
import dayjs, { type Dayjs } from 'dayjs'
import type { FieldName } from '../../../ui/apply-field-errors.ts'
import { changedFields } from '../../../ui/changed-fields.ts'
import { type CustomFormValue, toFormValue, toStoredValue } from '../../custom-fields/api/custom-values.ts'
import { fieldsForKind } from '../../custom-fields/hooks/use-custom-fields.ts'
import { type ClientKind, isClientSize, isLegalForm } from './client-labels.ts'

export interface ChannelRow {
  type: ChannelType
  value: string
  label?: string
  isPrimary?: boolean
}

export interface BankAccountRow {
  bik: string
  bankName?: string
  account: string
  corrAccount?: string
  isPrimary?: boolean
}

/** What the client form holds (dates as dayjs, money in roubles). */
export interface ClientFormValues {
  name?: string
  fullName?: string
  legalForm?: LegalForm
  inn?: string
  kpp?: string
  ogrn?: string
  lastName?: string
  firstName?: string
  middleName?: string
  birthDate?: Dayjs | null
  legalAddress?: string
  postalAddress?: string
  website?: string
  industry?: string
  size?: ClientSize
  source?: string
  description?: string
  ownerId?: number | null
  /** Empty: the owner's team. */
  teamId?: number
  channels?: ChannelRow[]
  bankAccounts?: BankAccountRow[]
  custom?: Record<string, CustomFormValue>
}

const DATE = 'YYYY-MM-DD'

/** A sole proprietor has no КПП and an ОГРНИП; a foreign organization's requisites are free-form. */
export function requisitesOf(legalForm: LegalForm | undefined) {
  const isSoleProprietor = legalForm === 'ИП'
  const isForeign = legalForm === 'foreign'
  return { isSoleProprietor, isForeign, hasKpp: !isSoleProprietor && !isForeign, hasOgrn: !isForeign }
}

export function emptyFormValues(kind: ClientKind, defs: CustomField[] | undefined, ownerId: number | null) {
  const custom: Record<string, CustomFormValue> = {}
  for (const def of fieldsForKind(defs, kind)) custom[def.key] = toFormValue(def, undefined)
  const values: ClientFormValues = { channels: [], custom, ownerId }
  if (kind === 'organization') Object.assign(values, { legalForm: 'ООО', bankAccounts: [] })
  return values
}

export function formValuesOf(card: ClientCard, defs: CustomField[] | undefined): ClientFormValues {
  const custom: Record<string, CustomFormValue> = {}
  for (const def of fieldsForKind(defs, card.kind)) custom[def.key] = toFormValue(def, card.custom[def.key])
  return {
    name: card.name,
    fullName: card.fullName,
    legalForm: card.isForeign ? 'foreign' : isLegalForm(card.legalForm) ? card.legalForm : undefined,
    inn: card.inn ?? '',
    kpp: card.kpp ?? '',
    ogrn: card.ogrn ?? '',
    lastName: card.lastName,
    firstName: card.firstName,
    middleName: card.middleName,
    birthDate: card.birthDate ? dayjs(card.birthDate, DATE) : null,
    legalAddress: card.legalAddress,
    postalAddress: card.postalAddress,
    website: card.website,
    industry: card.industry,
    size: isClientSize(card.size) ? card.size : undefined,
    source: card.source,
    description: card.description,
    ownerId: card.owner?.id ?? null,
    teamId: card.team?.id,
    channels: card.channels.map(({ type, value, label, isPrimary }) => ({ type, value, label, isPrimary })),
    bankAccounts: card.bankAccounts.map(({ bik, bankName, account, corrAccount, isPrimary }) => ({
      bik,
      bankName,
      account,
      corrAccount,
      isPrimary,
    })),
    custom,
  }
}

const trim = (value: string | undefined) => (value ?? '').trim()
const orNull = (value: string | undefined) => trim(value) || null

type Body = Omit<ClientUpdate, 'ownerId' | 'teamId'>

/** Every field of the kind as the API takes it (the custom values of the kind's definitions included). */
export function bodyOf(kind: ClientKind, v: ClientFormValues, defs: CustomField[] | undefined): Body {
  const channels = (v.channels ?? []).map((c) => ({
    type: c.type,
    value: trim(c.value),
    label: trim(c.label),
    isPrimary: c.isPrimary === true,
  }))
  const custom: Record<string, unknown> = {}
  for (const def of fieldsForKind(defs, kind)) custom[def.key] = toStoredValue(def, v.custom?.[def.key])
  const common = {
    inn: orNull(v.inn),
    legalAddress: trim(v.legalAddress),
    source: trim(v.source),
    description: trim(v.description),
    channels,
    custom,
  }
  if (kind === 'person') {
    return {
      ...common,
      lastName: trim(v.lastName),
      firstName: trim(v.firstName),
      middleName: trim(v.middleName),
      birthDate: v.birthDate ? v.birthDate.format(DATE) : null,
    }
  }
  const r = requisitesOf(v.legalForm)
  return {
    ...common,
    name: trim(v.name),
    fullName: trim(v.fullName),
    legalForm: v.legalForm ?? '',
    isForeign: r.isForeign,
    kpp: r.hasKpp ? orNull(v.kpp) : null,
    ogrn: r.hasOgrn ? orNull(v.ogrn) : null,
    postalAddress: trim(v.postalAddress),
    website: trim(v.website),
    industry: trim(v.industry),
    size: v.size ?? '',
    bankAccounts: (v.bankAccounts ?? []).map((a) => ({
      bik: trim(a.bik),
      bankName: trim(a.bankName),
      account: trim(a.account),
      corrAccount: trim(a.corrAccount),
      isPrimary: a.isPrimary === true,
    })),
  }
}

export function createBody(
  kind: ClientKind,
  v: ClientFormValues,
  defs: CustomField[] | undefined,
  canReassign: boolean,
): ClientCreate {
  const body: ClientCreate = { kind, ...bodyOf(kind, v, defs) }
  if (canReassign) {
    body.ownerId = v.ownerId ?? null
    if (v.teamId) body.teamId = v.teamId
  }
  return body
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * Only what the employee changed: compared with the card as this form would send it, so values the
 * form merely reformats are not written back over someone else's newer ones.
 */
export function updatePatch(
  card: ClientCard,
  v: ClientFormValues,
  defs: CustomField[] | undefined,
  canReassign: boolean,
): ClientUpdate {
  const before = bodyOf(card.kind, formValuesOf(card, defs), defs)
  const after = bodyOf(card.kind, v, defs)
  const { custom: customBefore = {}, ...restBefore } = before
  const { custom: customAfter = {}, ...restAfter } = after
  const patch: ClientUpdate = changedFields<Body>(restBefore, restAfter)
  const custom: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(customAfter)) {
    if (!same(value, customBefore[key])) custom[key] = value
  }
  if (Object.keys(custom).length) patch.custom = custom
  if (canReassign) {
    const ownerId = v.ownerId ?? null
    if (ownerId !== (card.owner?.id ?? null)) patch.ownerId = ownerId
    // No team chosen: the server gives the client the (new) owner's team.
    if (typeof v.teamId === 'number' && v.teamId !== card.team?.id) patch.teamId = v.teamId
  }
  return patch
}

/**
 * Where a server error path shows in this form: `channels.0.value` under that row's input,
 * `custom.region` under the custom field; null when the form does not show that field.
 */
export function fieldNameOf(path: string, shown: Set<string>, customKeys: Set<string>): FieldName | null {
  const [head = '', ...rest] = path.split('.')
  if (head === 'custom') return customKeys.has(rest[0] ?? '') ? ['custom', rest[0] ?? ''] : null
  if ((head === 'channels' || head === 'bankAccounts') && shown.has(head)) {
    const index = Number(rest[0])
    if (!Number.isInteger(index)) return head
    return rest[1] ? [head, index, rest[1]] : [head, index, head === 'channels' ? 'value' : 'account']
  }
  const name = head === 'isForeign' ? 'legalForm' : head
  return shown.has(name) ? name : null
}
