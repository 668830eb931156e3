/** Browsing the audit trail; the per-record history helper that other modules' routes use. */
export { auditRoutes, historyResponse, recordHistory } from './audit.routes.ts'
