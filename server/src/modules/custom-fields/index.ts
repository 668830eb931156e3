/** Administrator-defined fields of records (clients now; dealers and vendors later): definitions, values, filters. */

export {
  type CustomFieldDef,
  type CustomFieldOption,
  findCustomFields,
  localLabel,
} from './custom-fields.repository.ts'
export {
  CUSTOM_FIELD_APPLIES_TO,
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_KEY,
  CUSTOM_FIELD_TYPES,
  type CustomFieldAppliesTo,
  type CustomFieldDto,
  type CustomFieldEntity,
  type CustomFieldType,
  customFieldSchema,
} from './custom-fields.schemas.ts'
export {
  type CustomFieldFilter,
  type CustomFilter,
  customFieldCondition,
  customFilterOps,
  customFilterSchema,
  customSortExpression,
  foldCustomText,
  foldSql,
} from './custom-filters.ts'
export {
  type CustomValuesResult,
  coerceCustomValue,
  validateCustomValues,
  visibleCustomValues,
} from './custom-values.ts'
