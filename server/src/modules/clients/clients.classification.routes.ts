import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { etagOf, expectedVersion } from '../../platform/http/etag.ts'
import { auditSource, errorResponses, writeErrorResponses } from '../../platform/http/request.ts'
import {
  bulkClassifyBody,
  classificationAsOf,
  classificationHistory,
  clientClassification,
  historyEntrySchema,
  membershipSchema,
  movementsQuery,
  movementsSchema,
  setClassificationBody,
} from '../classifiers/index.ts'
import { operationStartedSchema } from '../operations/index.ts'
import { classifierMovements, classifyBulk, setClientClassification } from './clients.classification.ts'
import { clientFacets } from './clients.list.ts'
import { clientFilterQuery, clientIdParams } from './clients.schemas.ts'
import { getClient } from './clients.service.ts'

const facetSchema = z
  .object({
    total: z.number().int().meta({ description: 'Clients matching the whole filter' }),
    nodes: z.array(
      z.object({
        nodeId: z.number().int(),
        count: z
          .number()
          .int()
          .meta({ description: 'Clients of the filtered list in this node (descendants included)' }),
        reach: z.number().int().meta({
          description:
            'Clients the list would have if this node replaced the selection in its classifier (equals count when nothing is chosen there)',
        }),
      }),
    ),
  })
  .meta({ id: 'ClientFacets' })

/** Clients in the classifier: facet counts of the list, a client's classification and its history, bulk classification, movements. */
export const clientClassificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, jobs } = app.ctx
  const dialect = app.ctx.database.kind

  app.get(
    '/api/clients/facets',
    {
      schema: {
        tags: ['Classifiers'],
        summary:
          'How many clients of the filtered list sit in each classifier node (same filter parameters as the list). Fresh: every change committed before the request is counted.',
        querystring: clientFilterQuery,
        response: { 200: facetSchema, ...errorResponses },
      },
    },
    async (request) => clientFacets(db, dialect, requireActor(request), request.query),
  )

  app.get(
    '/api/clients/:id/classification',
    {
      schema: {
        tags: ['Classifiers'],
        summary:
          'The nodes a client sits in, who placed it there and when, and for rule nodes why; with `asOf`, the nodes it sat in at that moment',
        params: clientIdParams,
        querystring: z.object({ asOf: z.iso.datetime({ offset: true }).optional() }),
        response: {
          200: z.object({
            items: z.array(membershipSchema),
            asOf: z.array(z.object({ classifierId: z.number().int(), nodeId: z.number().int() })).optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      await getClient(db, actor, request.params.id)
      const items = await clientClassification(db, request.params.id, actor.locale)
      if (!request.query.asOf) return { items }
      return { items, asOf: await classificationAsOf(db, request.params.id, request.query.asOf) }
    },
  )

  app.get(
    '/api/clients/:id/classification/history',
    {
      schema: {
        tags: ['Classifiers'],
        summary: 'Every entry into and exit from a node, newest first, with the author or the rule',
        params: clientIdParams,
        response: { 200: z.object({ items: z.array(historyEntrySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      await getClient(db, requireActor(request), request.params.id)
      return { items: await classificationHistory(db, request.params.id) }
    },
  )

  app.put(
    '/api/clients/:id/classification/:classifierId',
    {
      schema: {
        tags: ['Classifiers'],
        summary:
          "Set the client's hand-placed nodes in one classifier (send If-Match of the client; the new version comes back in ETag)",
        params: z.object({
          id: z.coerce.number().int().positive(),
          classifierId: z.coerce.number().int().positive(),
        }),
        body: setClassificationBody,
        response: {
          200: z.object({ items: z.array(membershipSchema), version: z.number().int() }),
          ...writeErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request)
      const { version } = await setClientClassification(
        db,
        auditSource(request),
        request.params.id,
        expectedVersion(request),
        request.params.classifierId,
        request.body.nodeIds,
      )
      reply.header('etag', etagOf(version))
      return { items: await clientClassification(db, request.params.id, actor.locale), version }
    },
  )

  app.post(
    '/api/clients/classify',
    {
      schema: {
        tags: ['Classifiers'],
        summary:
          'Put clients into a node or take them out: by ids, or every client under a list filter. Up to 1,000 change at once (200); more are queued as an operation (202, GET /api/operations/{id})',
        body: bulkClassifyBody
          .extend({
            ids: z.array(z.number().int().positive()).max(1000).optional(),
            filter: clientFilterQuery.optional(),
          })
          .refine((b) => b.ids !== undefined || b.filter !== undefined, {
            message: 'ids or filter',
            path: ['ids'],
          }),
        response: { 200: operationStartedSchema, 202: operationStartedSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const result = await classifyBulk(db, jobs, auditSource(request), request.body)
      return reply.status(result.status === 'queued' ? 202 : 200).send(result)
    },
  )

  app.get(
    '/api/classifiers/:id/movements',
    {
      schema: {
        tags: ['Classifiers'],
        summary:
          'How clients moved between the nodes of a classifier over a period (node at the start → node at the end), and which clients made one move',
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: movementsQuery,
        response: { 200: movementsSchema, ...errorResponses },
      },
    },
    async (request) => classifierMovements(db, requireActor(request), request.params.id, request.query),
  )
}
