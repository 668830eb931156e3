import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { dialectOf } from '../../platform/db/database.ts'
import { errorResponses } from '../../platform/http/request.ts'
import { searchQuerystring, searchResultSchema } from './search.schemas.ts'
import { globalSearch } from './search.service.ts'

/** Global search (Ctrl+K): clients, contact persons and, later, every module's records, grouped. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx
  const dialect = dialectOf(db)

  app.get(
    '/api/search',
    {
      schema: {
        tags: ['Search'],
        summary: 'Find records by name words or their beginnings, ИНН, ОГРН, any part of a phone, e-mail',
        querystring: searchQuerystring,
        response: { 200: searchResultSchema, ...errorResponses },
      },
    },
    async (request) => globalSearch(db, dialect, requireActor(request), request.query.q, request.query.limit),
  )
}
