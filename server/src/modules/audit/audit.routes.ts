import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { findAuditEntries } from '../../platform/audit/audit.repository.ts'
import { errorResponses } from '../../platform/http/request.ts'
import { AUDITED_ENTITY_TYPES, historyResponse } from './audit.schemas.ts'

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['Audit'],
        summary: 'Browse the audit trail (who changed what, when)',
        querystring: z.object({
          entityType: z.enum(AUDITED_ENTITY_TYPES).optional(),
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
