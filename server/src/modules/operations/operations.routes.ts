import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { errorResponses } from '../../platform/http/request.ts'
import { operationSchema } from './operations.schemas.ts'
import { getOperation, listOperations } from './operations.service.ts'

/** Progress of the long operations an employee started. */
export const operationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx

  app.get(
    '/api/operations',
    {
      schema: {
        tags: ['Operations'],
        summary: 'My latest long operations (bulk changes run in the background), newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ items: z.array(operationSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listOperations(db, requireActor(request), request.query.limit) }),
  )

  app.get(
    '/api/operations/:id',
    {
      schema: {
        tags: ['Operations'],
        summary: 'One of my operations: status and progress',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: operationSchema, ...errorResponses },
      },
    },
    async (request) => getOperation(db, requireActor(request), request.params.id),
  )
}
