import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { expectedVersion, sendWithEtag } from '../../platform/http/etag.ts'
import {
  auditSource,
  errorResponses,
  ifMatchHeader,
  writeErrorResponses,
} from '../../platform/http/request.ts'
import { historyQuery, historyResponse, recordHistory } from '../audit/index.ts'
import { clientIdParams } from './clients.schemas.ts'
import {
  clientContactSchema,
  contactCreateBody,
  contactLinkParams,
  contactSchema,
  contactSearchQuery,
  contactSearchResponse,
  contactUpdateBody,
  linkUpdateBody,
} from './contacts.schemas.ts'
import * as service from './contacts.service.ts'

const noContent = z.null().meta({ description: 'Done' })

/** Contact persons: people at organization clients, each possibly working for several organizations. */
export const contactsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx

  app.get(
    '/api/clients/:id/contacts',
    {
      schema: {
        tags: ['Contact persons'],
        summary: 'Contact persons of an organization (primary first)',
        params: clientIdParams,
        response: { 200: z.object({ items: z.array(clientContactSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await service.listClientContacts(db, requireActor(request), request.params.id),
    }),
  )

  app.post(
    '/api/clients/:id/contacts',
    {
      schema: {
        tags: ['Contact persons'],
        summary: 'Add a contact person to an organization (a new one, or link one who works elsewhere too)',
        params: clientIdParams,
        body: contactCreateBody,
        response: { 201: clientContactSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const contact = await service.addContact(db, auditSource(request), request.params.id, request.body)
      reply.status(201)
      return sendWithEtag(reply, contact)
    },
  )

  app.patch(
    '/api/clients/:id/contacts/:contactId',
    {
      schema: {
        tags: ['Contact persons'],
        summary:
          'Change the position, department, role or primary mark of a contact person at this organization',
        params: contactLinkParams,
        body: linkUpdateBody,
        response: { 200: clientContactSchema, ...writeErrorResponses },
      },
    },
    async (request) =>
      service.updateContactLink(
        db,
        auditSource(request),
        request.params.id,
        request.params.contactId,
        request.body,
      ),
  )

  app.delete(
    '/api/clients/:id/contacts/:contactId',
    {
      schema: {
        tags: ['Contact persons'],
        summary:
          'Remove a contact person from this organization (the person is deleted when linked nowhere else)',
        params: contactLinkParams,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await service.removeContact(db, auditSource(request), request.params.id, request.params.contactId)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/contacts',
    {
      schema: {
        tags: ['Contact persons'],
        summary:
          'Find contact persons you can see by name, phone or e-mail (to link one to another organization)',
        querystring: contactSearchQuery,
        response: { 200: contactSearchResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await service.findContacts(db, requireActor(request), request.query),
    }),
  )

  app.get(
    '/api/contacts/:id',
    {
      schema: {
        tags: ['Contact persons'],
        summary: 'A contact person with the organizations they work for',
        params: clientIdParams,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await service.getContact(db, requireActor(request), request.params.id)),
  )

  app.get(
    '/api/contacts/:id/history',
    {
      schema: {
        tags: ['Contact persons'],
        summary: 'Change history of a contact person',
        params: clientIdParams,
        querystring: historyQuery,
        response: { 200: historyResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.getContact(db, requireActor(request), request.params.id)
      return recordHistory(db, 'contact', request.params.id, request.query.before)
    },
  )

  app.patch(
    '/api/contacts/:id',
    {
      schema: {
        tags: ['Contact persons'],
        summary: 'Change a contact person (name, phones, e-mails, birthday, notes); send If-Match',
        params: clientIdParams,
        headers: ifMatchHeader,
        body: contactUpdateBody,
        response: { 200: contactSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await service.updateContact(
          db,
          auditSource(request),
          request.params.id,
          expectedVersion(request),
          request.body,
        ),
      ),
  )
}
