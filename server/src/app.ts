import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Config } from './config.ts'
import { accountRoutes } from './modules/account/account.routes.ts'
import { activitiesRoutes, remindersRoutes } from './modules/activities/index.ts'
import { auditRoutes } from './modules/audit/audit.routes.ts'
import { classifiersRoutes } from './modules/classifiers/index.ts'
import { clientClassificationRoutes } from './modules/clients/clients.classification.routes.ts'
import { clientActionsRoutes } from './modules/clients/clients.more.routes.ts'
import { clientsRoutes } from './modules/clients/clients.routes.ts'
import { contactsRoutes } from './modules/clients/contacts.routes.ts'
import { customFieldRoutes } from './modules/custom-fields/custom-fields.routes.ts'
import { exportsRoutes } from './modules/exports/index.ts'
import { filesRoutes } from './modules/files/index.ts'
import { importsRoutes } from './modules/imports/index.ts'
import { mailSettingsRoutes } from './modules/mail-settings/index.ts'
import { notesRoutes } from './modules/notes/index.ts'
import { notificationsRoutes } from './modules/notifications/index.ts'
import { operationsRoutes } from './modules/operations/index.ts'
import { searchRoutes } from './modules/search/index.ts'
import { staffRoutes } from './modules/staff/staff.routes.ts'
import { viewsRoutes } from './modules/views/index.ts'
import { registerAuth } from './platform/auth/auth.plugin.ts'
import type { DatabaseHandle } from './platform/db/database.ts'
import { AppError } from './platform/errors/app-error.ts'
import { registerErrorHandling } from './platform/errors/error-handler.ts'
import { validatorCompiler } from './platform/errors/validation.ts'
import { EventHub } from './platform/events/event-hub.ts'
import { eventsRoutes } from './platform/events/events.routes.ts'
import type { AppContext } from './platform/http/context.ts'
import { registerSecurityHeaders } from './platform/http/security-headers.ts'
import { JobQueue } from './platform/jobs/job-queue.ts'
import { SubjectRegistry } from './platform/subjects.ts'

export interface BuildOptions {
  config: Config
  database: DatabaseHandle
  /** Log to this stream instead of stdout (tests pass a sink, or false to silence). */
  logger?: boolean
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

/** Builds the whole application (platform plugins + modules). Never listens: `main.ts` does. */
export async function buildApp({ config, database, logger = true }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
        }
      : false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id']
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    jobs: JobQueue.forDatabase(database),
    events: new EventHub(database, app.log),
    subjects: new SubjectRegistry(),
  }
  app.decorate('ctx', ctx)
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  registerErrorHandling(app)
  await app.register(cookie)
  registerSecurityHeaders(app, { hsts: config.secureCookies === 'always' })
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new AppError('rate_limited', { params: { retryAfter: Math.ceil(context.ttl / 1000) } }), {
        statusCode: 429,
      }),
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'MM CRM API',
        version: '0.1.0',
        description:
          'Authenticate with a personal API token (`Authorization: Bearer mmcrm_…`, created under Profile → API tokens) or the session cookie. ' +
          'Writes to a record send `If-Match` with the ETag from its GET; a stale one gets 412. ' +
          "Errors are `{ error: { code, message, fields? } }`, worded in the caller's language.",
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token' },
          session: { type: 'apiKey', in: 'cookie', name: 'mmcrm_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  registerAuth(app)

  app.get(
    '/api/health',
    {
      config: { rateLimit: { max: 1200, timeWindow: 60_000 } },
      schema: {
        tags: ['Operations'],
        summary: 'Liveness and database check',
        security: [],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }),
          503: z.object({ status: z.literal('unavailable'), database: z.enum(['sqlite', 'postgres']) }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(database.db)
        return { status: 'ok' as const, database: database.kind }
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: database.kind })
      }
    },
  )

  await app.register(accountRoutes)
  await app.register(staffRoutes)
  await app.register(auditRoutes)
  await app.register(notesRoutes)
  await app.register(filesRoutes)
  await app.register(notificationsRoutes)
  await app.register(eventsRoutes)
  await app.register(customFieldRoutes)
  await app.register(clientsRoutes)
  await app.register(contactsRoutes)
  await app.register(clientActionsRoutes)
  await app.register(classifiersRoutes)
  await app.register(clientClassificationRoutes)
  await app.register(viewsRoutes)
  await app.register(operationsRoutes)
  await app.register(exportsRoutes)
  await app.register(importsRoutes)
  await app.register(mailSettingsRoutes)
  await app.register(searchRoutes)
  await app.register(activitiesRoutes)
  await app.register(remindersRoutes)

  registerWebApp(app, config)
  return app
}

function defaultWebDist(): string {
  return path.resolve(import.meta.dirname, '../../web/dist')
}

/** Serves the built single-page app; any non-API path falls back to its index.html. */
function registerWebApp(app: FastifyInstance, config: Config): void {
  const root = config.webDist ?? defaultWebDist()
  const index = path.join(root, 'index.html')
  if (!fs.existsSync(index)) return
  app.register(fastifyStatic, {
    root,
    index: false,
    wildcard: false,
    setHeaders: (res, filePath) => {
      res.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      )
    },
  })
  const html = fs.readFileSync(index)
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) throw AppError.notFound()
    const file = path.join(root, decodeURIComponent(request.url.split('?')[0] ?? '/'))
    if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(root, file))
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html)
  })
}
