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
import {
  idParams,
  noteCreateBody,
  noteListQuery,
  notePageSchema,
  noteSavedSchema,
  noteUpdateBody,
} from './notes.schemas.ts'
import * as service from './notes.service.ts'

const noContent = z.null().meta({ description: 'Done' })

/**
 * The timeline of notes on any record (a client now). The policy only checks the caller is signed in;
 * each handler checks the record the note belongs to (read or write permission, visibility).
 */
export const notesRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = { db: app.ctx.db, subjects: app.ctx.subjects }

  app.get(
    '/api/notes',
    {
      schema: {
        tags: ['Notes'],
        summary: "A record's notes, newest first (keyset: ?before=<id>)",
        querystring: noteListQuery,
        response: { 200: notePageSchema, ...errorResponses },
      },
    },
    async (request) => service.listNotes(ctx, requireActor(request), request.query),
  )

  app.post(
    '/api/notes',
    {
      schema: {
        tags: ['Notes'],
        summary: 'Add a note to a record (mentioned colleagues who can see it are notified)',
        body: noteCreateBody,
        response: { 201: noteSavedSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const note = await service.createNote(ctx, auditSource(request), request.body)
      reply.status(201)
      return sendWithEtag(reply, note)
    },
  )

  app.patch(
    '/api/notes/:id',
    {
      schema: {
        tags: ['Notes'],
        summary: 'Change my note (newly mentioned colleagues are notified)',
        params: idParams,
        headers: ifMatchHeader,
        body: noteUpdateBody,
        response: { 200: noteSavedSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request)
      const note = await service.updateNote(
        ctx,
        auditSource(request),
        request.params.id,
        version,
        request.body,
      )
      return sendWithEtag(reply, note)
    },
  )

  app.delete(
    '/api/notes/:id',
    {
      schema: {
        tags: ['Notes'],
        summary: 'Delete a note (its author or an administrator)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request)
      await service.deleteNote(ctx, auditSource(request), request.params.id, version)
      return reply.status(204).send(null)
    },
  )
}
