import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { recordAudit } from '../../platform/audit/audit.ts'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { auditSource, errorResponses, writeErrorResponses } from '../../platform/http/request.ts'
import { setSetting } from '../../platform/settings.ts'
import { idParams } from './activities.schemas.ts'
import { createFeed, feedStatus, renderFeed, revokeFeed } from './calendar-feed.ts'
import { ESCALATION_SETTING, escalationSettings, escalationSettingsSchema } from './escalation.ts'
import { dismissReminder, snoozeReminder } from './reminders.dispatch.ts'

const feedStatusSchema = z
  .object({ active: z.boolean(), createdAt: z.string().nullable(), lastUsedAt: z.string().nullable() })
  .meta({ id: 'CalendarFeedStatus' })

/** Snooze and dismiss, the personal calendar feed, and the escalation setting. */
export const remindersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx

  app.post(
    '/api/reminders/:id/snooze',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'Snooze one of my reminders: it fires again in the given minutes',
        params: idParams,
        body: z.object({ minutes: z.number().int().min(1).max(10_080).default(10) }),
        response: { 204: z.null(), ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request)
      const ok = await inTransaction(db, ({ tx }) =>
        snoozeReminder(tx, actor.userId ?? -1, request.params.id, request.body.minutes),
      )
      if (!ok) throw AppError.notFound()
      return reply.status(204).send(null)
    },
  )
  app.post(
    '/api/reminders/:id/dismiss',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'Dismiss one of my reminders (it will not fire again)',
        params: idParams,
        response: { 204: z.null(), ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request)
      const ok = await inTransaction(db, ({ tx }) =>
        dismissReminder(tx, actor.userId ?? -1, request.params.id),
      )
      if (!ok) throw AppError.notFound()
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'Whether my iCalendar feed is on (its address is shown only when created)',
        response: { 200: feedStatusSchema, ...errorResponses },
      },
    },
    async (request) => feedStatus(db, requireActor(request).userId ?? -1),
  )
  app.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'Create a new secret address for my iCalendar feed (the previous one stops working)',
        response: { 201: z.object({ token: z.string(), path: z.string() }), ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const { token } = await createFeed(db, auditSource(request))
      reply.status(201)
      return { token, path: `/api/calendar/${token}.ics` }
    },
  )
  app.delete(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'Turn my iCalendar feed off (its address stops working)',
        response: { 204: z.null(), ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await revokeFeed(db, auditSource(request))
      return reply.status(204).send(null)
    },
  )
  app.get(
    '/api/calendar/:file',
    {
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags: ['Organizer'],
        summary: 'An iCalendar feed by its secret address (`<token>.ics`), for calendar apps',
        params: z.object({
          file: z
            .string()
            .max(120)
            .regex(/^[A-Za-z0-9_-]+\.ics$/),
        }),
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = await renderFeed(db, request.params.file.replace(/\.ics$/, ''), app.ctx.config.publicUrl)
      if (body === null) throw AppError.notFound()
      reply.header('content-type', 'text/calendar; charset=utf-8')
      reply.header('cache-control', 'private, max-age=300')
      return body
    },
  )

  app.get(
    '/api/settings/escalation',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'When overdue activities and tasks are reported to the team head',
        response: { 200: escalationSettingsSchema, ...errorResponses },
      },
    },
    async () => escalationSettings(db),
  )
  app.put(
    '/api/settings/escalation',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'Set when overdue activities and tasks are reported to the team head',
        body: escalationSettingsSchema,
        response: { 200: escalationSettingsSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const source = auditSource(request)
      await inTransaction(db, async ({ tx }) => {
        const before = await escalationSettings(tx)
        await setSetting(tx, ESCALATION_SETTING, request.body)
        await recordAudit(tx, source, {
          action: 'update',
          entityType: 'setting',
          entityId: 0,
          before: { escalation: before },
          after: { escalation: request.body },
        })
      })
      return request.body
    },
  )
}
