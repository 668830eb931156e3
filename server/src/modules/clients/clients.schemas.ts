import { z } from 'zod'
import { paginationQuery } from '../../platform/http/list.ts'

export const LEGAL_FORMS = [
  'ООО',
  'АО',
  'ПАО',
  'НАО',
  'ИП',
  'ГУП',
  'МУП',
  'НКО',
  'АНО',
  'ТСЖ',
  'foreign',
  'other',
] as const
export const CLIENT_SIZES = ['micro', 'small', 'medium', 'large', 'enterprise'] as const
export const CHANNEL_TYPES = ['phone', 'email', 'messenger'] as const

const text = (max: number) => z.string().trim().max(max)
const isoDate = z.iso.date()

export const clientIdParams = z.object({ id: z.coerce.number().int().positive() })

export const channelInput = z.object({
  type: z.enum(CHANNEL_TYPES),
  value: text(500).min(1),
  label: text(100).default(''),
  isPrimary: z.boolean().default(false),
})
export type ChannelInput = z.output<typeof channelInput>

export const bankAccountInput = z.object({
  bik: text(20).min(1),
  bankName: text(500).default(''),
  account: text(30).min(1),
  corrAccount: text(30).default(''),
  isPrimary: z.boolean().default(false),
})
export type BankAccountInput = z.output<typeof bankAccountInput>

/** Fields both kinds share; which of them apply is decided by `kind` in the service. */
const clientFields = {
  name: text(500),
  fullName: text(2000),
  legalForm: z.enum(LEGAL_FORMS).or(z.literal('')),
  inn: text(20).nullable(),
  kpp: text(20).nullable(),
  ogrn: text(20).nullable(),
  isForeign: z.boolean(),
  lastName: text(200),
  firstName: text(200),
  middleName: text(200),
  birthDate: isoDate.nullable(),
  legalAddress: text(2000),
  postalAddress: text(2000),
  website: text(500),
  industry: text(200),
  size: z.enum(CLIENT_SIZES).or(z.literal('')),
  source: text(200),
  description: text(20_000),
  ownerId: z.number().int().positive().nullable(),
  teamId: z.number().int().positive().nullable(),
  channels: z.array(channelInput).max(50),
  bankAccounts: z.array(bankAccountInput).max(20),
  custom: z.record(z.string(), z.unknown()),
}

export const clientCreateBody = z
  .object(clientFields)
  .partial()
  .extend({ kind: z.enum(['organization', 'person']) })
export type ClientCreateInput = z.output<typeof clientCreateBody>

export const clientUpdateBody = z.object(clientFields).partial()
export type ClientUpdateInput = z.output<typeof clientUpdateBody>

const ref = z.object({ id: z.number().int(), name: z.string() })

export const channelSchema = z.object({
  id: z.number().int(),
  type: z.enum(CHANNEL_TYPES),
  value: z.string(),
  normalized: z.string(),
  label: z.string(),
  isPrimary: z.boolean(),
})

export const bankAccountSchema = z.object({
  id: z.number().int(),
  bik: z.string(),
  bankName: z.string(),
  account: z.string(),
  corrAccount: z.string(),
  isPrimary: z.boolean(),
})

export const duplicateSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(['organization', 'person']),
    inn: z.string().nullable(),
    reasons: z.array(z.enum(['inn', 'phone', 'email', 'name'])),
    owner: ref.nullable(),
    visible: z.boolean().meta({ description: 'false: the duplicate exists but is outside your visibility' }),
  })
  .meta({ id: 'ClientDuplicate' })

export const clientSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['organization', 'person']),
    name: z.string(),
    fullName: z.string(),
    legalForm: z.string(),
    inn: z.string().nullable(),
    kpp: z.string().nullable(),
    ogrn: z.string().nullable(),
    isForeign: z.boolean(),
    lastName: z.string(),
    firstName: z.string(),
    middleName: z.string(),
    birthDate: z.string().nullable(),
    legalAddress: z.string(),
    postalAddress: z.string(),
    website: z.string(),
    industry: z.string(),
    size: z.string(),
    source: z.string(),
    description: z.string(),
    custom: z.record(z.string(), z.unknown()),
    completeness: z.number().int(),
    missing: z.array(z.string()),
    owner: ref.nullable(),
    team: ref.nullable(),
    channels: z.array(channelSchema),
    bankAccounts: z.array(bankAccountSchema),
    deletedAt: z.string().nullable(),
    mergedIntoId: z.number().int().nullable(),
    erasedAt: z.string().nullable(),
    createdBy: ref.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Client' })
export type ClientDto = z.infer<typeof clientSchema>

export const clientSavedSchema = clientSchema.extend({ duplicates: z.array(duplicateSchema) })

export const clientListItemSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['organization', 'person']),
    name: z.string(),
    legalForm: z.string(),
    inn: z.string().nullable(),
    kpp: z.string().nullable(),
    ogrn: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    industry: z.string(),
    size: z.string(),
    source: z.string(),
    completeness: z.number().int(),
    owner: ref.nullable(),
    team: ref.nullable(),
    custom: z.record(z.string(), z.unknown()),
    nextActivityAt: z
      .string()
      .nullable()
      .meta({ description: 'The earliest planned activity (in the past: overdue)' }),
    lastContactAt: z.string().nullable().meta({ description: 'The latest activity that took place' }),
    deletedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    nodes: z
      .array(z.number().int())
      .meta({ description: 'The classifier nodes the client sits in (directly)' }),
  })
  .meta({ id: 'ClientListItem' })
export type ClientListItem = z.infer<typeof clientListItemSchema>

export const CLIENT_SORT_KEYS = [
  'name',
  'createdAt',
  'updatedAt',
  'completeness',
  'inn',
  'kind',
  'industry',
  'source',
  'nextActivityAt',
  'lastContactAt',
] as const

/** A list filter: what the list shows, the export exports and a bulk action touches. */
export const clientFilterQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(['organization', 'person']).optional(),
  ownerId: z
    .string()
    .regex(/^(\d+|none)(,(\d+|none))*$/)
    .optional()
    .meta({ description: 'Comma-separated employee ids; `none` for clients without an owner' }),
  teamId: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .optional(),
  industry: z.string().trim().max(200).optional(),
  source: z.string().trim().max(200).optional(),
  size: z.enum(CLIENT_SIZES).optional(),
  completenessBelow: z.coerce.number().int().min(1).max(101).optional(),
  activity: z.enum(['none', 'overdue', 'planned']).optional().meta({
    description:
      '`none`: no planned activity (forgotten clients); `overdue`: a planned activity whose time has passed; `planned`: one is planned',
  }),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
  trash: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  classIn: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .max(2000)
    .optional()
    .meta({
      description:
        'Classifier node ids: a client must be in one of the chosen nodes of each classifier (OR within a classifier, AND across classifiers), descendants included',
    }),
  classNotIn: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .max(2000)
    .optional()
    .meta({ description: 'Classifier node ids the client must not be in (descendants included)' }),
  custom: z.string().max(4000).optional().meta({
    description:
      'JSON: { "<field key>": { "op": "eq" | "in" | "range" | "empty" | "notEmpty" | "contains", … } }',
  }),
})
export type ClientFilter = z.output<typeof clientFilterQuery>

export const clientListQuery = clientFilterQuery.extend({
  ...paginationQuery,
  sort: z
    .string()
    .max(300)
    .default('name')
    .meta({
      description: `Comma-separated keys, \`-\` for descending: ${CLIENT_SORT_KEYS.join(', ')}, custom:<field key>, or class:<classifier id> (by the order of its nodes; classifier keys come first)`,
    }),
})
export type ClientListQuery = z.output<typeof clientListQuery>

export const duplicatesQuery = z.object({
  kind: z.enum(['organization', 'person']).optional(),
  name: z.string().trim().max(500).optional(),
  inn: z.string().trim().max(20).optional(),
  kpp: z.string().trim().max(20).optional(),
  phone: z.string().trim().max(100).optional(),
  email: z.string().trim().max(320).optional(),
  excludeId: z.coerce.number().int().positive().optional(),
})
