/**
 * The client classifier (S1): administrator-defined trees, clients' memberships (by hand or by rule)
 * with their history, and the in-memory index that answers faceted counts and classifier sorting.
 */
import './classifiers.messages.ts'

export { classifiersRoutes } from './classifiers.routes.ts'
export {
  bulkClassifyBody,
  historyEntrySchema,
  membershipSchema,
  movementsQuery,
  movementsSchema,
  setClassificationBody,
} from './classifiers.schemas.ts'
export { countOf, has, idsOf } from './engine/bits.ts'
export type { FacetCount, IndexQuery, PagePlan, SortKey } from './engine/classification-index.ts'
export { ClassificationIndex } from './engine/classification-index.ts'
export {
  ClassificationStore,
  classificationStore,
  purgeIndexChanges,
  structureIndex,
} from './engine/classification-store.ts'
export {
  classificationAsOf,
  classificationHistory,
  classifyClients,
  clientClassification,
  moveClassifications,
  movements,
  reclassify,
  setClientNodes,
} from './membership.ts'
export { applyRulesBatch, RULES_JOB, RULES_NIGHTLY_JOB, registerRuleVariable } from './rules.ts'
