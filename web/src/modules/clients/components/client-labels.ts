import type { ChannelType, ClientCard, ClientSize, LegalForm } from '@mmcrm/server/api-types'
import type { ConsentMethod } from '../api/consents-api.ts'

export type ClientKind = ClientCard['kind']

/** i18n keys of the value lists; typed by the server's lists so a new value cannot be forgotten. */
export const KIND_LABELS = {
  organization: 'clients.kinds.organization',
  person: 'clients.kinds.person',
} as const satisfies Record<ClientKind, string>

export const KIND_COLORS = { organization: 'blue', person: 'purple' } as const satisfies Record<
  ClientKind,
  string
>

export const SIZE_LABELS = {
  micro: 'clients.sizes.micro',
  small: 'clients.sizes.small',
  medium: 'clients.sizes.medium',
  large: 'clients.sizes.large',
  enterprise: 'clients.sizes.enterprise',
} as const satisfies Record<ClientSize, string>

export const LEGAL_FORM_LABELS = {
  ООО: 'clients.legalForms.ooo',
  АО: 'clients.legalForms.ao',
  ПАО: 'clients.legalForms.pao',
  НАО: 'clients.legalForms.nao',
  ИП: 'clients.legalForms.ip',
  ГУП: 'clients.legalForms.gup',
  МУП: 'clients.legalForms.mup',
  НКО: 'clients.legalForms.nko',
  АНО: 'clients.legalForms.ano',
  ТСЖ: 'clients.legalForms.tszh',
  foreign: 'clients.legalForms.foreign',
  other: 'clients.legalForms.other',
} as const satisfies Record<LegalForm, string>

export const CHANNEL_LABELS = {
  phone: 'clients.channels.phone',
  email: 'clients.channels.email',
  messenger: 'clients.channels.messenger',
} as const satisfies Record<ChannelType, string>

export const CONSENT_METHOD_LABELS = {
  web_form: 'clients.consents.methods.web_form',
  paper: 'clients.consents.methods.paper',
  email: 'clients.consents.methods.email',
  phone: 'clients.consents.methods.phone',
  messenger: 'clients.consents.methods.messenger',
  in_person: 'clients.consents.methods.in_person',
} as const satisfies Record<ConsentMethod, string>

export const CLIENT_KINDS = Object.keys(KIND_LABELS) as ClientKind[]
export const CLIENT_SIZES = Object.keys(SIZE_LABELS) as ClientSize[]
export const LEGAL_FORMS = Object.keys(LEGAL_FORM_LABELS) as LegalForm[]
export const CHANNEL_TYPES = Object.keys(CHANNEL_LABELS) as ChannelType[]

export function isClientSize(value: string | null | undefined): value is ClientSize {
  return (CLIENT_SIZES as string[]).includes(value ?? '')
}

export function isLegalForm(value: string | null | undefined): value is LegalForm {
  return (LEGAL_FORMS as string[]).includes(value ?? '')
}

export function isClientKind(value: string | null | undefined): value is ClientKind {
  return value === 'organization' || value === 'person'
}

/** The i18n key of a legal form, or undefined for a value the list does not know. */
export function legalFormLabel(value: string): string | undefined {
  return isLegalForm(value) ? LEGAL_FORM_LABELS[value] : undefined
}

/** The facts the completeness indicator can look at (standard ones; custom fields are `custom.<key>`). */
export const COMPLETENESS_FIELD_LABELS: Record<string, string> = {
  inn: 'clients.fields.inn',
  kpp: 'clients.fields.kpp',
  ogrn: 'clients.fields.ogrn',
  fullName: 'clients.fields.fullName',
  legalAddress: 'clients.fields.legalAddress',
  postalAddress: 'clients.fields.postalAddress',
  website: 'clients.fields.website',
  industry: 'clients.fields.industry',
  size: 'clients.fields.size',
  source: 'clients.fields.source',
  description: 'clients.fields.description',
  birthDate: 'clients.fields.birthDate',
  phone: 'clients.fields.phone',
  email: 'clients.fields.email',
  messenger: 'clients.fields.messenger',
  bankAccount: 'clients.fields.bankAccount',
  owner: 'clients.fields.owner',
}
