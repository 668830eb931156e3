import type { AuditEntry, AuditedEntityType } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

/** The record types the log can be filtered by, in the order the filter lists them. */
export const AUDIT_ENTITY_TYPES = [
  'user',
  'team',
  'role',
  'client',
  'contact',
  'note',
  'file',
  'custom_field',
  'classifier',
  'classifier_node',
  'export',
] as const satisfies readonly AuditedEntityType[]
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number]

export interface AuditQuery {
  entityType?: AuditEntityType
  entityId?: number
  actorId?: number
  /** ISO instants: from (inclusive) and to (exclusive). */
  from?: string
  to?: string
  before?: number
  limit?: number
}

export interface AuditPage {
  items: AuditEntry[]
  nextBefore: number | null
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditQuery) => ['audit', 'list', query] as const,
}

export function fetchAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return api<AuditPage>('/api/audit', { query: { ...query }, signal })
}
