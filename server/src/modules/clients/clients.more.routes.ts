import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { expectedVersion, sendWithEtag } from '../../platform/http/etag.ts'
import { auditSource, errorResponses, writeErrorResponses } from '../../platform/http/request.ts'
import { operationStartedSchema } from '../operations/index.ts'
import { mergeClients, reassignClients } from './clients.actions.ts'
import {
  addConsent,
  eraseContactPerson,
  erasePerson,
  exportPersonalData,
  findConsents,
  withdrawConsent,
} from './clients.privacy.ts'
import { clientFilterQuery, clientIdParams, clientSchema } from './clients.schemas.ts'
import { getCompletenessSettings, setCompletenessSettings } from './clients.settings.ts'
import { consentCreateBody, consentSchema } from './consents.schemas.ts'

const completenessSchema = z.object({
  organization: z.array(z.string()),
  person: z.array(z.string()),
  available: z.array(z.string()),
})
const reason = z.string().trim().min(3).max(1000)
const noContent = z.null().meta({ description: 'Done' })

/** Ownership, merging, personal data and consents, and the completeness settings of client dossiers. */
export const clientActionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, jobs } = app.ctx

  app.post(
    '/api/clients/reassign',
    {
      schema: {
        tags: ['Clients'],
        summary:
          "Give clients (by ids, up to 5,000, or every client matching a list filter) to another employee, with a reason kept in each client's history. Up to 1,000 clients change at once (200); a larger filtered set is queued as an operation (202) to follow at GET /api/operations/{id}",
        body: z
          .object({
            ids: z.array(z.number().int().positive()).max(5000).optional(),
            filter: clientFilterQuery.optional(),
            ownerId: z.number().int().positive().nullable(),
            teamId: z.number().int().positive().nullable().optional(),
            reason,
          })
          .refine((b) => b.ids !== undefined || b.filter !== undefined, {
            message: 'ids or filter',
            path: ['ids'],
          }),
        response: { 200: operationStartedSchema, 202: operationStartedSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const result = await reassignClients(db, jobs, auditSource(request), request.body)
      return reply.status(result.status === 'queued' ? 202 : 200).send(result)
    },
  )

  app.post(
    '/api/clients/:id/merge',
    {
      schema: {
        tags: ['Clients'],
        summary:
          'Merge another client into this one (send If-Match of this one): everything attached moves here; the other goes to the trash',
        params: clientIdParams,
        body: z.object({ sourceId: z.number().int().positive() }),
        response: { 200: clientSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await mergeClients(
          db,
          auditSource(request),
          request.params.id,
          expectedVersion(request),
          request.body.sourceId,
        ),
      ),
  )

  app.get(
    '/api/clients/:id/personal-data',
    {
      schema: {
        tags: ['Personal data'],
        summary:
          'Everything held about a client, as a JSON file (a data subject request); the export is audited',
        params: clientIdParams,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (request, reply) => {
      const data = await exportPersonalData(db, auditSource(request), request.params.id)
      reply.header(
        'content-disposition',
        `attachment; filename="personal-data-client-${request.params.id}.json"`,
      )
      reply.header('cache-control', 'no-store')
      return data
    },
  )

  app.post(
    '/api/clients/:id/erase',
    {
      schema: {
        tags: ['Personal data'],
        summary:
          "Erase an individual client's personal data (the record and its accounting stay; the act is audited)",
        params: clientIdParams,
        body: z.object({ reason }),
        response: { 200: clientSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await erasePerson(db, auditSource(request), request.params.id, request.body.reason),
      ),
  )

  app.post(
    '/api/contacts/:id/erase',
    {
      schema: {
        tags: ['Personal data'],
        summary: "Erase a contact person's personal data",
        params: clientIdParams,
        body: z.object({ reason }),
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await eraseContactPerson(db, auditSource(request), request.params.id, request.body.reason)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/clients/:id/consents',
    {
      schema: {
        tags: ['Personal data'],
        summary: 'Consents to personal data processing: what, when, how, which text, withdrawn when',
        params: clientIdParams,
        response: { 200: z.object({ items: z.array(consentSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await findConsents(db, requireActor(request), request.params.id) }),
  )

  app.post(
    '/api/clients/:id/consents',
    {
      schema: {
        tags: ['Personal data'],
        summary: 'Record a consent',
        params: clientIdParams,
        body: consentCreateBody,
        response: { 201: consentSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const consent = await addConsent(db, auditSource(request), request.params.id, request.body)
      reply.status(201)
      return consent
    },
  )

  app.post(
    '/api/clients/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags: ['Personal data'],
        summary: 'Record the withdrawal of a consent',
        params: z.object({
          id: z.coerce.number().int().positive(),
          consentId: z.coerce.number().int().positive(),
        }),
        body: z.object({ withdrawnAt: z.iso.datetime({ offset: true }).optional() }),
        response: { 200: consentSchema, ...writeErrorResponses },
      },
    },
    async (request) =>
      withdrawConsent(
        db,
        auditSource(request),
        request.params.id,
        request.params.consentId,
        request.body.withdrawnAt,
      ),
  )

  app.get(
    '/api/settings/client-completeness',
    {
      schema: {
        tags: ['Clients'],
        summary: 'Which fields make a dossier complete, per kind (and which can be chosen)',
        response: { 200: completenessSchema, ...errorResponses },
      },
    },
    async () => getCompletenessSettings(db),
  )

  app.put(
    '/api/settings/client-completeness',
    {
      schema: {
        tags: ['Clients'],
        summary:
          'Choose the fields that make a dossier complete; every client is recomputed in the background',
        body: z.object({ organization: z.array(z.string()).max(50), person: z.array(z.string()).max(50) }),
        response: { 200: completenessSchema, ...writeErrorResponses },
      },
    },
    async (request) => setCompletenessSettings(db, jobs, auditSource(request), request.body),
  )
}
