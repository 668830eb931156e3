import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { errorResponses } from '../../platform/http/request.ts'
import * as repo from './notifications.repository.ts'
import {
  markReadBody,
  notificationListQuery,
  notificationPageSchema,
  unreadCountSchema,
} from './notifications.schemas.ts'
import * as service from './notifications.service.ts'

const noContent = z.null().meta({ description: 'Done' })

/** The signed-in employee's own notifications: nobody reads or marks anyone else's. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx

  function userId(request: Parameters<typeof requireActor>[0]): number {
    const actor = requireActor(request)
    if (actor.userId === null) throw AppError.forbidden()
    return actor.userId
  }

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['Notifications'],
        summary: 'My notifications, newest first (keyset: ?before=<id>)',
        querystring: notificationListQuery,
        response: { 200: notificationPageSchema, ...errorResponses },
      },
    },
    async (request) => repo.findNotifications(db, userId(request), request.query),
  )

  app.get(
    '/api/notifications/unread-count',
    {
      schema: {
        tags: ['Notifications'],
        summary: 'How many of my notifications are unread',
        response: { 200: unreadCountSchema, ...errorResponses },
      },
    },
    async (request) => ({ count: await repo.countUnread(db, userId(request)) }),
  )

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['Notifications'],
        summary: 'Mark my notifications read: the given ids, or all',
        body: markReadBody,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.markRead(db, userId(request), request.body)
      return reply.status(204).send(null)
    },
  )
}
