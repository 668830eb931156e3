import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { expectedVersion, sendWithEtag } from '../../platform/http/etag.ts'
import { auditSource, errorResponses, writeErrorResponses } from '../../platform/http/request.ts'
import { addMessages } from '../../platform/i18n/messages.ts'
import {
  defaultBody,
  viewCreateBody,
  viewListQuery,
  viewParams,
  viewSchema,
  viewUpdateBody,
} from './views.schemas.ts'
import * as service from './views.service.ts'

addMessages({
  ru: {
    'views.cannot_share': 'Делиться видами с отделом и со всеми может только тот, у кого есть такое право.',
    'views.no_team': 'Вы не состоите в отделе — поделиться с отделом нельзя.',
    'views.wrong_entity': 'Этот вид относится к другому списку.',
  },
  en: {
    'views.cannot_share': 'Sharing views with the team or everyone needs the right to share.',
    'views.no_team': 'You are not in a team, so there is no team to share with.',
    'views.wrong_entity': 'This view belongs to another list.',
  },
})

const noContent = z.null().meta({ description: 'Done' })

/** Saved list views (filter + sort + columns): private, team or everyone's, and each employee's default. */
export const viewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx

  app.get(
    '/api/views',
    {
      schema: {
        tags: ['Saved views'],
        summary: 'The views of a list I can use (mine, my team’s, everyone’s), with my default marked',
        querystring: viewListQuery,
        response: { 200: z.object({ items: z.array(viewSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listViews(db, requireActor(request), request.query.entity) }),
  )

  app.post(
    '/api/views',
    {
      schema: {
        tags: ['Saved views'],
        summary: 'Save a view (team and everyone scopes need the right to share)',
        body: viewCreateBody,
        response: { 201: viewSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201)
      return sendWithEtag(reply, await service.createView(db, auditSource(request), request.body))
    },
  )

  app.patch(
    '/api/views/:id',
    {
      schema: {
        tags: ['Saved views'],
        summary: 'Change a view (send If-Match)',
        params: viewParams,
        body: viewUpdateBody,
        response: { 200: viewSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await service.updateView(
          db,
          auditSource(request),
          request.params.id,
          expectedVersion(request),
          request.body,
        ),
      ),
  )

  app.delete(
    '/api/views/:id',
    {
      schema: {
        tags: ['Saved views'],
        summary: 'Delete a view (send If-Match)',
        params: viewParams,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await service.deleteView(db, auditSource(request), request.params.id, expectedVersion(request))
      return reply.status(204).send(null)
    },
  )

  app.put(
    '/api/views/default',
    {
      schema: {
        tags: ['Saved views'],
        summary: 'Choose my default view of a list (null: none)',
        body: defaultBody,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await service.setDefaultView(db, requireActor(request), request.body.entity, request.body.viewId)
      return reply.status(204).send(null)
    },
  )
}
