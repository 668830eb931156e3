import { findAuditEntries } from '../../platform/audit/audit.repository.ts'
import type { Db } from '../../platform/db/database.ts'

/** The history of one record, newest first (used by every module's `/:id/history` route). */
export function recordHistory(db: Db, entityType: string, entityId: number | number[], before?: number) {
  return Array.isArray(entityId)
    ? findAuditEntries(db, { entityType, entityIds: entityId, before, limit: 200 })
    : findAuditEntries(db, { entityType, entityId, before, limit: 200 })
}
