import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { findAuditEntries } from '../../platform/audit/audit.repository.ts'
import type { Db } from '../../platform/db/database.ts'
import { errorResponses } from '../../platform/http/request.ts'

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

/** The history of one record, newest first (used by every module's `/:id/history` route). */
export function recordHistory(db: Db, entityType: string, entityId: number, before?: number) {
  return findAuditEntries(db, { entityType, entityId, before, limit: 200 })
}

const ENTITY_TYPES = ['user', 'team', 'role'] as const

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['Audit'],
        summary: 'Browse the audit trail (who changed what, when)',
        querystring: z.object({
          entityType: z.enum(ENTITY_TYPES).optional(),
          entityId: z.coerce.number().int().positive().optional(),
          actorId: z.coerce.number().int().positive().optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: historyResponse, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      return findAuditEntries(db, {
        ...q,
        from: q.from ? new Date(q.from).toISOString() : undefined,
        to: q.to ? new Date(q.to).toISOString() : undefined,
      })
    },
  )
}
