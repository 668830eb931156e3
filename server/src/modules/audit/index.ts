/** Browsing the audit trail; the per-record history that other modules' `/:id/history` routes serve. */
export { AUDITED_ENTITY_TYPES, historyQuery, historyResponse } from './audit.schemas.ts'
export { recordHistory } from './audit.service.ts'
