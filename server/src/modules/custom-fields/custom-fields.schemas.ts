import { z } from 'zod'

/** Record kinds that carry custom fields. Dealers and vendors join this list when they arrive. */
export const CUSTOM_FIELD_ENTITIES = ['client'] as const
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number]

export const CUSTOM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'boolean',
  'select',
  'multiselect',
  'link',
] as const
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number]

/** Which kind of client a field is for. */
export const CUSTOM_FIELD_APPLIES_TO = ['organization', 'person', 'all'] as const
export type CustomFieldAppliesTo = (typeof CUSTOM_FIELD_APPLIES_TO)[number]

/** Types whose values are picked from the definition's options. */
export const OPTION_TYPES: readonly CustomFieldType[] = ['select', 'multiselect']

/** The key of a field inside a record's JSON; it also becomes part of SQL paths, hence the strict shape. */
export const CUSTOM_FIELD_KEY = /^[a-z][a-z0-9_]{1,63}$/

export const MAX_OPTIONS = 200
export const MAX_OPTION_VALUE = 100

export const customFieldEntitySchema = z.enum(CUSTOM_FIELD_ENTITIES)
export const customFieldTypeSchema = z.enum(CUSTOM_FIELD_TYPES)
export const customFieldAppliesToSchema = z.enum(CUSTOM_FIELD_APPLIES_TO)

export const idParams = z.object({ id: z.coerce.number().int().positive() })

const label = z.string().trim().max(200)

export const customFieldOptionSchema = z
  .object({ value: z.string(), labelRu: z.string(), labelEn: z.string(), label: z.string() })
  .meta({ id: 'CustomFieldOption' })

export const customFieldSchema = z
  .object({
    id: z.number().int(),
    entity: customFieldEntitySchema,
    appliesTo: customFieldAppliesToSchema,
    key: z.string(),
    label: z.string().meta({ description: "The label in the caller's language" }),
    labelRu: z.string(),
    labelEn: z.string(),
    type: customFieldTypeSchema,
    options: z.array(customFieldOptionSchema),
    isRequired: z.boolean(),
    inList: z.boolean(),
    position: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CustomField' })
export type CustomFieldDto = z.infer<typeof customFieldSchema>

export const customFieldOptionInput = z.object({
  value: z.string().trim().min(1).max(MAX_OPTION_VALUE),
  labelRu: label.default(''),
  labelEn: label.default(''),
})
export type CustomFieldOptionInput = z.infer<typeof customFieldOptionInput>

export const customFieldListQuery = z.object({ entity: customFieldEntitySchema.default('client') })

export const customFieldCreateBody = z.object({
  entity: customFieldEntitySchema,
  appliesTo: customFieldAppliesToSchema.default('all'),
  key: z.string().trim().regex(CUSTOM_FIELD_KEY),
  labelRu: label.default(''),
  labelEn: label.default(''),
  type: customFieldTypeSchema,
  options: z.array(customFieldOptionInput).max(MAX_OPTIONS).optional(),
  isRequired: z.boolean().default(false),
  inList: z.boolean().default(false),
  position: z.number().int().min(0).max(1_000_000).optional(),
})
export type CustomFieldCreateInput = z.infer<typeof customFieldCreateBody>

export const customFieldUpdateBody = z.object({
  appliesTo: customFieldAppliesToSchema.optional(),
  labelRu: label.optional(),
  labelEn: label.optional(),
  options: z.array(customFieldOptionInput).max(MAX_OPTIONS).optional(),
  isRequired: z.boolean().optional(),
  inList: z.boolean().optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
  // Accepted only to be refused with a field error when they differ: a field's type and key are fixed.
  type: customFieldTypeSchema.optional().meta({ description: 'Cannot change; must equal the current type' }),
  key: z.string().optional().meta({ description: 'Cannot change; must equal the current key' }),
})
export type CustomFieldUpdateInput = z.infer<typeof customFieldUpdateBody>
