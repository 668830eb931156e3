import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { localeFromHeader } from '../i18n/messages.ts'
import type { Actor } from '../permissions/actor.ts'
import { isPublicAsset, ruleFor } from '../permissions/policy.ts'
import { resolveApiToken, resolveSession } from './auth.repository.ts'
import { safeEqual } from './tokens.ts'

export const SESSION_COOKIE = 'mmcrm_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated')
  return request.actor
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  ttlMs: number,
): void {
  const { secureCookies } = request.server.ctx.config
  const secure = secureCookies === 'always' || (secureCookies === 'auto' && request.protocol === 'https')
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
  })
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}

/**
 * Identifies the caller (bearer API token or session cookie) and enforces the route's rule from the
 * policy file before the body is even read: 401 without identity, 403 without the permission, 403 for a
 * cookie-authenticated write without the CSRF token.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('locale', 'ru')
  app.decorateRequest('actor', null)
  app.decorateRequest('authKind', null)
  app.decorateRequest('sessionId', null)
  app.decorateRequest('csrfToken', null)

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      if (method === 'OPTIONS') continue
      // Fastify adds a HEAD twin to every GET route: it must obey the GET rule.
      const rule = ruleFor(method === 'HEAD' ? 'GET' : method, route.url)
      if (rule) {
        route.config = { ...(route.config ?? {}), rule }
      } else if (!isPublicAsset(method, route.url)) {
        throw new Error(`Route ${method} ${route.url} has no rule in platform/permissions/policy.ts`)
      }
    }
  })

  app.addHook('onRequest', async (request) => {
    const { config, db } = request.server.ctx
    request.locale = localeFromHeader(request.headers['accept-language'], config.defaultLocale)
    const rule = request.routeOptions.config.rule
    if (!rule && !request.url.startsWith('/api/')) return

    const authorization = request.headers.authorization
    if (authorization?.toLowerCase().startsWith('bearer ')) {
      const actor = await resolveApiToken(db, authorization.slice(7).trim())
      if (actor) {
        request.actor = actor
        request.authKind = 'token'
      }
    } else {
      const token = request.cookies[SESSION_COOKIE]
      if (token) {
        const resolved = await resolveSession(db, token, config.sessionTtlMs)
        if (resolved) {
          request.actor = resolved.actor
          request.authKind = 'session'
          request.sessionId = resolved.sessionId
          request.csrfToken = resolved.csrfToken
        }
      }
    }
    if (request.actor) request.locale = request.actor.locale

    if (!rule || rule.access === 'public') return
    if (!request.actor) throw new AppError('unauthenticated')
    if (request.authKind === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token']
      if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
        throw new AppError('csrf_failed')
      }
    }
    if (rule.access === 'permission' && !request.actor.permissions.has(rule.permission)) {
      throw new AppError('forbidden')
    }
  })
}
