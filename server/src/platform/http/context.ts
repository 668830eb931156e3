import type { Config } from '../../config.ts'
import type { DatabaseHandle, Db } from '../db/database.ts'
import type { EventHub } from '../events/event-hub.ts'
import type { Locale } from '../i18n/messages.ts'
import type { JobQueue } from '../jobs/job-queue.ts'
import type { Actor } from '../permissions/actor.ts'
import type { RouteRule } from '../permissions/policy.ts'
import type { SubjectRegistry } from '../subjects.ts'

/** What every module gets from the platform. */
export interface AppContext {
  config: Config
  database: DatabaseHandle
  db: Db
  jobs: JobQueue
  /** This instance's receiver of real-time events, feeding `GET /api/events` (modules publish with `publishEvent`). */
  events: EventHub
  /** Records that notes, files, activities and tasks attach to; owning modules register theirs. */
  subjects: SubjectRegistry
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext
  }
  interface FastifyRequest {
    locale: Locale
    actor: Actor | null
    authKind: 'session' | 'token' | null
    sessionId: string | null
    csrfToken: string | null
  }
  interface FastifyContextConfig {
    rule?: RouteRule
  }
}
