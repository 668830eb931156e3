import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { expectedVersion, sendWithEtag } from '../../platform/http/etag.ts'
import { pageSchema } from '../../platform/http/list.ts'
import {
  auditSource,
  errorResponses,
  ifMatchHeader,
  writeErrorResponses,
} from '../../platform/http/request.ts'
import { historyQuery, historyResponse, recordHistory } from '../audit/index.ts'
import { fileStorage, purgeFilesOf } from '../files/index.ts'
import { mergedFamily } from './clients.actions.ts'
import { listClientsFor } from './clients.list.ts'
import * as repo from './clients.repository.ts'
import {
  clientCreateBody,
  clientIdParams,
  clientListItemSchema,
  clientListQuery,
  clientSavedSchema,
  clientSchema,
  clientUpdateBody,
  duplicateSchema,
  duplicatesQuery,
} from './clients.schemas.ts'
import * as service from './clients.service.ts'

const noContent = z.null().meta({ description: 'Done' })

export const clientsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.ctx
  const storage = fileStorage(config)

  app.ctx.subjects.register({
    type: 'client',
    readPermission: 'clients.read',
    writePermission: 'clients.update',
    webPath: (id) => `/clients/${id}`,
    async load(database, id) {
      const row = await repo.findClientRow(database, id)
      if (!row || row.deleted_at) return undefined
      return { ownerId: row.owner_id, teamId: row.team_id, title: row.name }
    },
  })

  app.get(
    '/api/clients',
    {
      schema: {
        tags: ['Clients'],
        summary: 'List clients: filters, multi-key sort, pages (only the clients you may see)',
        querystring: clientListQuery,
        response: { 200: pageSchema(clientListItemSchema), ...errorResponses },
      },
    },
    async (request) => listClientsFor(db, app.ctx.database.kind, requireActor(request), request.query),
  )

  app.get(
    '/api/clients/duplicates',
    {
      schema: {
        tags: ['Clients'],
        summary:
          'Likely duplicates of a client being entered (same ИНН+КПП, phone, e-mail or a very similar name)',
        querystring: duplicatesQuery,
        response: { 200: z.object({ items: z.array(duplicateSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const items = await service.findDuplicates(db, requireActor(request), {
        kind: q.kind,
        name: q.name,
        inn: q.inn,
        kpp: q.kpp,
        phones: q.phone ? [q.phone] : [],
        emails: q.email ? [q.email] : [],
        excludeId: q.excludeId,
      })
      return { items }
    },
  )

  app.get(
    '/api/clients/:id',
    {
      schema: {
        tags: ['Clients'],
        summary: 'The dossier of one client',
        params: clientIdParams,
        response: { 200: clientSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await service.getClient(db, requireActor(request), request.params.id)),
  )

  app.get(
    '/api/clients/:id/history',
    {
      schema: {
        tags: ['Clients'],
        summary: 'Who changed which fact of the dossier, and when',
        params: clientIdParams,
        querystring: historyQuery,
        response: { 200: historyResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.loadClientFor(db, requireActor(request), request.params.id, 'clients.read')
      return recordHistory(db, 'client', await mergedFamily(db, request.params.id), request.query.before)
    },
  )

  app.post(
    '/api/clients',
    {
      schema: {
        tags: ['Clients'],
        summary: 'Create a client (organization or person); the answer lists likely duplicates',
        body: clientCreateBody,
        response: { 201: clientSavedSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const { client, duplicates } = await service.createClient(db, auditSource(request), request.body)
      reply.status(201)
      return sendWithEtag(reply, { ...client, duplicates })
    },
  )

  app.patch(
    '/api/clients/:id',
    {
      schema: {
        tags: ['Clients'],
        summary: 'Change a client (send If-Match); the answer lists likely duplicates',
        params: clientIdParams,
        headers: ifMatchHeader,
        body: clientUpdateBody,
        response: { 200: clientSavedSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request)
      const { client, duplicates } = await service.updateClient(
        db,
        auditSource(request),
        request.params.id,
        version,
        request.body,
      )
      return sendWithEtag(reply, { ...client, duplicates })
    },
  )

  app.delete(
    '/api/clients/:id',
    {
      schema: {
        tags: ['Clients'],
        summary: 'Move a client to the trash (restorable)',
        params: clientIdParams,
        headers: ifMatchHeader,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await service.trashClient(db, auditSource(request), request.params.id, expectedVersion(request))
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/api/clients/:id/restore',
    {
      schema: {
        tags: ['Clients'],
        summary: 'Restore a client from the trash',
        params: clientIdParams,
        response: { 200: clientSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await service.restoreClient(db, auditSource(request), request.params.id)),
  )

  app.delete(
    '/api/clients/:id/purge',
    {
      schema: {
        tags: ['Clients'],
        summary: 'Delete a client from the trash for good (administrators)',
        params: clientIdParams,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await service.purgeClient(db, auditSource(request), request.params.id, async (uow, id) => {
        // Bytes of files are removed after the commit; notes, links and consents go with the client.
        await purgeFilesOf(uow, storage, 'client', id)
        await uow.tx
          .deleteFrom('notes')
          .where('subject_type', '=', 'client')
          .where('subject_id', '=', id)
          .execute()
        await uow.tx.deleteFrom('contact_links').where('client_id', '=', id).execute()
        await uow.tx
          .updateTable('contacts')
          .set({ person_client_id: null })
          .where('person_client_id', '=', id)
          .execute()
      })
      return reply.status(204).send(null)
    },
  )
}
