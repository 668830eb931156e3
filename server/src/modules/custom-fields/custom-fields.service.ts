import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError, type FieldProblem, isUniqueViolation } from '../../platform/errors/app-error.ts'
import * as repo from './custom-fields.repository.ts'
import {
  type CustomFieldCreateInput,
  type CustomFieldDto,
  type CustomFieldOptionInput,
  type CustomFieldType,
  type CustomFieldUpdateInput,
  OPTION_TYPES,
} from './custom-fields.schemas.ts'

const AUDIT_ENTITY = 'custom_field'

/** Keys that would shadow what every JavaScript object inherits; refused so `custom[key]` stays safe. */
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype))

function auditState(f: CustomFieldDto): Record<string, unknown> {
  return {
    entity: f.entity,
    appliesTo: f.appliesTo,
    key: f.key,
    labelRu: f.labelRu,
    labelEn: f.labelEn,
    type: f.type,
    options: f.options.map((o) => ({ value: o.value, labelRu: o.labelRu, labelEn: o.labelEn })),
    isRequired: f.isRequired,
    inList: f.inList,
    position: f.position,
  }
}

/** Options must exist, with distinct values, exactly for the list types. */
function optionProblems(
  type: CustomFieldType,
  options: CustomFieldOptionInput[] | undefined,
  problems: Record<string, FieldProblem>,
): void {
  if (!OPTION_TYPES.includes(type)) {
    if (options && options.length > 0) problems.options = { key: 'custom_fields.options_forbidden' }
    return
  }
  if (!options || options.length === 0) {
    problems.options = { key: 'custom_fields.options_required' }
    return
  }
  const seen = new Set<string>()
  options.forEach((o, i) => {
    if (seen.has(o.value))
      problems[`options.${i}.value`] = { key: 'custom_fields.option_duplicate', params: { value: o.value } }
    seen.add(o.value)
  })
}

function labelProblems(labelRu: string, labelEn: string, problems: Record<string, FieldProblem>): void {
  if (labelRu || labelEn) return
  problems.labelRu = { key: 'custom_fields.label_required' }
  problems.labelEn = { key: 'custom_fields.label_required' }
}

function throwIfAny(problems: Record<string, FieldProblem>): void {
  if (Object.keys(problems).length > 0) throw new AppError('validation', { fields: problems })
}

function keyConflict(): AppError {
  return AppError.field('key', 'custom_fields.key_taken', undefined, 'conflict')
}

export async function getCustomField(db: Db, id: number, source: AuditSource): Promise<CustomFieldDto> {
  const field = await repo.findFieldDto(db, id, source.actor.locale)
  if (!field) throw AppError.notFound()
  return field
}

export async function createCustomField(
  db: Db,
  source: AuditSource,
  input: CustomFieldCreateInput,
): Promise<CustomFieldDto> {
  const problems: Record<string, FieldProblem> = {}
  if (RESERVED_KEYS.has(input.key)) problems.key = { key: 'custom_fields.key_reserved' }
  labelProblems(input.labelRu, input.labelEn, problems)
  optionProblems(input.type, input.options, problems)
  throwIfAny(problems)
  try {
    return await inTransaction(db, async ({ tx }) => {
      if (await repo.keyTaken(tx, input.entity, input.key)) throw keyConflict()
      const id = await repo.insertCustomField(tx, {
        ...input,
        options: OPTION_TYPES.includes(input.type) ? (input.options ?? []) : [],
        position: input.position ?? (await repo.nextPosition(tx, input.entity)),
      })
      const field = await getCustomField(tx, id, source)
      await recordAudit(tx, source, {
        action: 'create',
        entityType: AUDIT_ENTITY,
        entityId: id,
        after: auditState(field),
      })
      return field
    })
  } catch (error) {
    // Two administrators adding the same key at once: the unique index decides, on the field.
    if (isUniqueViolation(error)) throw keyConflict()
    throw error
  }
}

export async function updateCustomField(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
  patch: CustomFieldUpdateInput,
): Promise<CustomFieldDto> {
  return inTransaction(db, async ({ tx }) => {
    const before = await getCustomField(tx, id, source)
    if (before.version !== version) throw new AppError('precondition_failed')
    const problems: Record<string, FieldProblem> = {}
    if (patch.type !== undefined && patch.type !== before.type)
      problems.type = { key: 'custom_fields.type_immutable' }
    if (patch.key !== undefined && patch.key !== before.key)
      problems.key = { key: 'custom_fields.key_immutable' }
    if (patch.labelRu !== undefined || patch.labelEn !== undefined)
      labelProblems(patch.labelRu ?? before.labelRu, patch.labelEn ?? before.labelEn, problems)
    if (patch.options !== undefined) optionProblems(before.type, patch.options, problems)
    throwIfAny(problems)
    // Removing an option that records still use is allowed: their stored values stay and filters still
    // find them; forms show them as values no longer offered.
    const changed = await repo.updateCustomField(tx, id, version, {
      appliesTo: patch.appliesTo,
      labelRu: patch.labelRu,
      labelEn: patch.labelEn,
      options: patch.options,
      isRequired: patch.isRequired,
      inList: patch.inList,
      position: patch.position,
    })
    if (!changed) throw new AppError('precondition_failed')
    const after = await getCustomField(tx, id, source)
    await recordAudit(tx, source, {
      action: 'update',
      entityType: AUDIT_ENTITY,
      entityId: id,
      before: auditState(before),
      after: auditState(after),
    })
    return after
  })
}

/** Deletes the definition only: values already stored in records stay in their JSON, unseen. */
export async function deleteCustomField(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const before = await getCustomField(tx, id, source)
    if (before.version !== version) throw new AppError('precondition_failed')
    if (!(await repo.deleteCustomField(tx, id, version))) throw new AppError('precondition_failed')
    await recordAudit(tx, source, {
      action: 'delete',
      entityType: AUDIT_ENTITY,
      entityId: id,
      before: auditState(before),
    })
  })
}
