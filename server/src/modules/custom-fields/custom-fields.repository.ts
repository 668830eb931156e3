import type { Db, Tx } from '../../platform/db/database.ts'
import type { CustomFieldTable } from '../../platform/db/schema.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import type {
  CustomFieldAppliesTo,
  CustomFieldDto,
  CustomFieldEntity,
  CustomFieldType,
} from './custom-fields.schemas.ts'

type Executor = Db | Tx

/** One option of a select / multiselect field. */
export interface CustomFieldOption {
  value: string
  labelRu: string
  labelEn: string
}

/** A field definition as the rest of the server uses it: options parsed, booleans as booleans. */
export interface CustomFieldDef {
  id: number
  entity: CustomFieldEntity
  appliesTo: CustomFieldAppliesTo
  key: string
  labelRu: string
  labelEn: string
  type: CustomFieldType
  options: CustomFieldOption[]
  isRequired: boolean
  inList: boolean
  position: number
}

// The stored type union and the API's must stay the same list.
const _sameTypes: CustomFieldTable['type'] extends CustomFieldType
  ? CustomFieldType extends CustomFieldTable['type']
    ? true
    : never
  : never = true
void _sameTypes

/** A label in the caller's language, falling back to the other one when only one was given. */
export function localLabel(locale: Locale, ru: string, en: string): string {
  return locale === 'en' ? en || ru : ru || en
}

type StoredOption = { value: string; label_ru: string; label_en: string }

function parseOptions(text: string): CustomFieldOption[] {
  const parsed = JSON.parse(text) as StoredOption[]
  return parsed.map((o) => ({ value: o.value, labelRu: o.label_ru, labelEn: o.label_en }))
}

function storeOptions(options: readonly CustomFieldOption[]): string {
  return JSON.stringify(
    options.map((o): StoredOption => ({ value: o.value, label_ru: o.labelRu, label_en: o.labelEn })),
  )
}

function fieldQuery(db: Executor) {
  return db
    .selectFrom('custom_fields')
    .select([
      'id',
      'entity',
      'applies_to',
      'key',
      'label_ru',
      'label_en',
      'type',
      'options',
      'is_required',
      'in_list',
      'position',
      'version',
      'created_at',
      'updated_at',
    ])
}

type FieldRow = Awaited<ReturnType<ReturnType<typeof fieldQuery>['executeTakeFirstOrThrow']>>

function toDef(r: FieldRow): CustomFieldDef {
  return {
    id: r.id,
    entity: r.entity as CustomFieldEntity,
    appliesTo: r.applies_to,
    key: r.key,
    labelRu: r.label_ru,
    labelEn: r.label_en,
    type: r.type,
    options: parseOptions(r.options),
    isRequired: r.is_required === 1,
    inList: r.in_list === 1,
    position: r.position,
  }
}

function toDto(r: FieldRow, locale: Locale): CustomFieldDto {
  const def = toDef(r)
  return {
    ...def,
    label: localLabel(locale, def.labelRu, def.labelEn),
    options: def.options.map((o) => ({ ...o, label: localLabel(locale, o.labelRu, o.labelEn) || o.value })),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** The definitions of one record kind, in display order (position, then id). */
export async function findCustomFields(db: Executor, entity: CustomFieldEntity): Promise<CustomFieldDef[]> {
  const rows = await fieldQuery(db).where('entity', '=', entity).orderBy('position').orderBy('id').execute()
  return rows.map(toDef)
}

export async function findFieldDtos(
  db: Executor,
  entity: CustomFieldEntity,
  locale: Locale,
): Promise<CustomFieldDto[]> {
  const rows = await fieldQuery(db).where('entity', '=', entity).orderBy('position').orderBy('id').execute()
  return rows.map((r) => toDto(r, locale))
}

export async function findFieldDto(
  db: Executor,
  id: number,
  locale: Locale,
): Promise<CustomFieldDto | undefined> {
  const r = await fieldQuery(db).where('id', '=', id).executeTakeFirst()
  return r ? toDto(r, locale) : undefined
}

export async function keyTaken(db: Executor, entity: CustomFieldEntity, key: string): Promise<boolean> {
  const r = await db
    .selectFrom('custom_fields')
    .select('id')
    .where('entity', '=', entity)
    .where('key', '=', key)
    .executeTakeFirst()
  return r !== undefined
}

/** The position after the last field of the kind (0 for the first). */
export async function nextPosition(db: Executor, entity: CustomFieldEntity): Promise<number> {
  const r = await db
    .selectFrom('custom_fields')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('entity', '=', entity)
    .executeTakeFirst()
  return r?.p === null || r?.p === undefined ? 0 : Number(r.p) + 1
}

export interface NewCustomField {
  entity: CustomFieldEntity
  appliesTo: CustomFieldAppliesTo
  key: string
  labelRu: string
  labelEn: string
  type: CustomFieldType
  options: CustomFieldOption[]
  isRequired: boolean
  inList: boolean
  position: number
}

export async function insertCustomField(tx: Tx, v: NewCustomField): Promise<number> {
  const now = new Date().toISOString()
  const row = await tx
    .insertInto('custom_fields')
    .values({
      entity: v.entity,
      applies_to: v.appliesTo,
      key: v.key,
      label_ru: v.labelRu,
      label_en: v.labelEn,
      type: v.type,
      options: storeOptions(v.options),
      is_required: v.isRequired ? 1 : 0,
      in_list: v.inList ? 1 : 0,
      position: v.position,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export type CustomFieldPatch = Partial<{
  appliesTo: CustomFieldAppliesTo
  labelRu: string
  labelEn: string
  options: CustomFieldOption[]
  isRequired: boolean
  inList: boolean
  position: number
}>

/** Updates when the version still matches; false when someone changed it meanwhile. */
export async function updateCustomField(
  tx: Tx,
  id: number,
  version: number,
  v: CustomFieldPatch,
): Promise<boolean> {
  const r = await tx
    .updateTable('custom_fields')
    .set({
      applies_to: v.appliesTo,
      label_ru: v.labelRu,
      label_en: v.labelEn,
      options: v.options ? storeOptions(v.options) : undefined,
      is_required: v.isRequired === undefined ? undefined : v.isRequired ? 1 : 0,
      in_list: v.inList === undefined ? undefined : v.inList ? 1 : 0,
      position: v.position,
      version: version + 1,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function deleteCustomField(tx: Tx, id: number, version: number): Promise<boolean> {
  const r = await tx
    .deleteFrom('custom_fields')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numDeletedRows) === 1
}
