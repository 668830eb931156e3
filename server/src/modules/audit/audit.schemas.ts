import { z } from 'zod'

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.number().int(),
    changes: z.record(z.string(), z.object({ from: z.unknown().optional(), to: z.unknown().optional() })),
    source: z.string(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' })

export const historyResponse = z.object({
  items: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
})

/** `?before=<id>`: the next page of a history, older than the given entry. */
export const historyQuery = z.object({ before: z.coerce.number().int().positive().optional() })

/** Record types the audit trail can be filtered by. Modules add theirs. */
export const AUDITED_ENTITY_TYPES = [
  'user',
  'team',
  'role',
  'api_token',
  'client',
  'contact',
  'note',
  'file',
  'custom_field',
  'setting',
  'classifier',
  'classifier_node',
  'saved_view',
  'export',
] as const
