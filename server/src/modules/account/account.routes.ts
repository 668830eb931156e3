import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clearSessionCookie, requireActor, setSessionCookie } from '../../platform/auth/auth.plugin.ts'
import { createSession, deleteSession } from '../../platform/auth/auth.repository.ts'
import { expectedVersion, sendWithEtag } from '../../platform/http/etag.ts'
import {
  auditSource,
  errorResponse,
  errorResponses,
  ifMatchHeader,
  writeErrorResponses,
} from '../../platform/http/request.ts'
import { getUser, updateUser } from '../staff/index.ts'
import {
  loginBody,
  meSchema,
  metaSchema,
  meUpdateBody,
  passwordChangeBody,
  tokenCreateBody,
  tokenCreatedSchema,
  tokenSchema,
} from './account.schemas.ts'
import {
  authenticate,
  changeOwnPassword,
  createToken,
  findTokens,
  revokeOwnToken,
} from './account.service.ts'

const VERSION = '0.1.0'
const noContent = z.null().meta({ description: 'Done' })

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config, database } = app.ctx

  async function me(request: Parameters<typeof requireActor>[0]) {
    const actor = requireActor(request)
    const user = await getUser(db, actor.userId!, actor.locale)
    return {
      ...user,
      permissions: [...actor.permissions].sort(),
      visibility: actor.visibility,
      csrfToken: request.authKind === 'session' ? request.csrfToken : null,
    }
  }

  app.get(
    '/api/meta',
    {
      config: { rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: {
        tags: ['Session'],
        summary: 'Product name, version and defaults for the sign-in page',
        response: { 200: metaSchema },
      },
    },
    async () => ({
      name: 'MM CRM',
      version: VERSION,
      defaultLocale: config.defaultLocale,
      defaultTimeZone: config.defaultTimeZone,
      database: database.kind,
    }),
  )

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: config.login.ratePerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['Session'],
        summary: 'Sign in with e-mail and password (sets the session cookie)',
        body: loginBody,
        response: {
          200: meSchema,
          400: errorResponse,
          401: errorResponse,
          423: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const userId = await authenticate(db, config, request.body.email, request.body.password, request.locale)
      const { token, csrfToken } = await createSession(db, {
        userId,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
        ttlMs: config.sessionTtlMs,
      })
      setSessionCookie(request, reply, token, config.sessionTtlMs)
      const user = await getUser(db, userId, request.locale)
      const role = await db
        .selectFrom('roles')
        .select(['permissions', 'visibility'])
        .where('id', '=', user.roleId)
        .executeTakeFirstOrThrow()
      return sendWithEtag(reply, {
        ...user,
        permissions: (JSON.parse(role.permissions) as string[]).sort(),
        visibility: role.visibility,
        csrfToken,
      })
    },
  )

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['Session'],
        summary: 'Sign out (ends this session)',
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.sessionId) await deleteSession(db, request.sessionId)
      clearSessionCookie(reply)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['Session'],
        summary: 'The signed-in employee, their permissions and preferences',
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await me(request)),
  )

  app.patch(
    '/api/me',
    {
      schema: {
        tags: ['Session'],
        summary: 'Change own name, phone, language, theme or time zone',
        headers: ifMatchHeader,
        body: meUpdateBody,
        response: { 200: meSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request)
      const version = expectedVersion(request)
      const updated = await updateUser(db, auditSource(request), actor.userId!, version, request.body)
      request.actor = { ...actor, locale: updated.locale, timeZone: updated.timeZone }
      request.locale = updated.locale
      return sendWithEtag(reply, await me(request))
    },
  )

  app.post(
    '/api/me/password',
    {
      schema: {
        tags: ['Session'],
        summary: 'Change own password (other sessions end)',
        body: passwordChangeBody,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(db, auditSource(request), request.body, request.sessionId)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/me/tokens',
    {
      schema: {
        tags: ['API tokens'],
        summary: 'Own API tokens',
        response: { 200: z.object({ items: z.array(tokenSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await findTokens(db, requireActor(request).userId!) }),
  )

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags: ['API tokens'],
        summary: 'Create a personal API token (shown once)',
        body: tokenCreateBody,
        response: { 201: tokenCreatedSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const created = await createToken(db, auditSource(request), request.body)
      reply.status(201)
      return created
    },
  )

  app.delete(
    '/api/me/tokens/:id',
    {
      schema: {
        tags: ['API tokens'],
        summary: 'Revoke an own API token',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeOwnToken(db, auditSource(request), request.params.id)
      return reply.status(204).send(null)
    },
  )
}
