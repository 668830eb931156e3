import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { expectedVersion, sendWithEtag } from '../../platform/http/etag.ts'
import {
  auditSource,
  errorResponses,
  ifMatchHeader,
  writeErrorResponses,
} from '../../platform/http/request.ts'
import * as repo from './custom-fields.repository.ts'
import {
  customFieldCreateBody,
  customFieldListQuery,
  customFieldSchema,
  customFieldUpdateBody,
  idParams,
} from './custom-fields.schemas.ts'
import * as service from './custom-fields.service.ts'

const noContent = z.null().meta({ description: 'Done' })

export const customFieldRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx

  app.get(
    '/api/custom-fields',
    {
      schema: {
        tags: ['Custom fields'],
        summary: 'Custom field definitions of a record kind, in display order',
        querystring: customFieldListQuery,
        response: { 200: z.object({ items: z.array(customFieldSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await repo.findFieldDtos(db, request.query.entity, request.locale) }),
  )

  app.post(
    '/api/custom-fields',
    {
      schema: {
        tags: ['Custom fields'],
        summary: 'Add a custom field',
        description:
          'The key is unique per record kind and fixed for ever. `select` and `multiselect` need options ' +
          'with distinct values; other types take none. Without `position` the field goes last.',
        body: customFieldCreateBody,
        response: { 201: customFieldSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const field = await service.createCustomField(db, auditSource(request), request.body)
      reply.status(201)
      return sendWithEtag(reply, field)
    },
  )

  app.patch(
    '/api/custom-fields/:id',
    {
      schema: {
        tags: ['Custom fields'],
        summary: 'Change a custom field (labels, options, required, shown in lists, position, kind)',
        description:
          'The type and the key cannot change. Options may be removed even when records use them: ' +
          'the stored values stay and still match filters.',
        params: idParams,
        headers: ifMatchHeader,
        body: customFieldUpdateBody,
        response: { 200: customFieldSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request)
      const field = await service.updateCustomField(
        db,
        auditSource(request),
        request.params.id,
        version,
        request.body,
      )
      return sendWithEtag(reply, field)
    },
  )

  app.delete(
    '/api/custom-fields/:id',
    {
      schema: {
        tags: ['Custom fields'],
        summary: "Delete a custom field definition; values stay in the records' data but are no longer shown",
        description:
          'Records keep what was entered (nothing is rewritten), but forms, lists and filters no longer ' +
          'show it. Adding a field with the same key later shows the kept values again where they fit its type.',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request)
      await service.deleteCustomField(db, auditSource(request), request.params.id, version)
      return reply.status(204).send(null)
    },
  )
}
