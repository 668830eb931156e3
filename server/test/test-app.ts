import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import pino from 'pino'
import { buildApp } from '../src/app.ts'
import { type Config, loadConfig } from '../src/config.ts'
import { registerJobs } from '../src/jobs.ts'
import { createUser, findRoleIdByCode } from '../src/modules/staff/index.ts'
import { JobWorker } from '../src/platform/jobs/worker.ts'
import { SYSTEM_ACTOR } from '../src/platform/permissions/actor.ts'
import { createTestDatabase, type TestDatabase } from './test-database.ts'

export const TEST_PASSWORD = 'Test-Password-1'

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', CRM_DATA_DIR: '/tmp/mmcrm-unused', CRM_LOG_LEVEL: 'silent' })
  return { ...base, login: { ...base.login, ratePerMinute: 10_000 }, webDist: '/nonexistent', ...overrides }
}

/** A signed-in caller: injects requests with the session cookie and the CSRF header. */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    readonly userId: number,
    private readonly cookie: string,
    readonly csrfToken: string,
    private readonly locale: 'ru' | 'en' = 'en',
  ) {}

  request(opts: InjectOptions & { ifMatch?: string | number }): Promise<LightMyRequestResponse> {
    const method = (opts.method ?? 'GET').toUpperCase()
    const headers: Record<string, string> = {
      'accept-language': this.locale,
      ...(method !== 'GET' && method !== 'HEAD' ? { 'x-csrf-token': this.csrfToken } : {}),
      ...(opts.headers as Record<string, string>),
    }
    if (opts.ifMatch !== undefined)
      headers['if-match'] = typeof opts.ifMatch === 'number' ? `"${opts.ifMatch}"` : opts.ifMatch
    const { ifMatch: _ignored, ...rest } = opts
    return this.app.inject({ ...rest, headers, cookies: { mmcrm_session: this.cookie } })
  }

  get(url: string) {
    return this.request({ method: 'GET', url })
  }
  post(url: string, payload?: unknown) {
    return this.request({
      method: 'POST',
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    })
  }
  patch(url: string, payload: unknown, ifMatch?: number | string) {
    return this.request({ method: 'PATCH', url, payload: payload as object, ifMatch })
  }
  delete(url: string, ifMatch?: number | string) {
    return this.request({ method: 'DELETE', url, ifMatch })
  }
}

export interface TestApp {
  app: FastifyInstance
  db: TestDatabase
  config: Config
  /** Creates an employee with a built-in (or given) role and returns a signed-in client. */
  signIn(
    roleCode: string,
    opts?: { teamId?: number | null; locale?: 'ru' | 'en'; email?: string },
  ): Promise<Client>
  loginAs(email: string, password?: string, locale?: 'ru' | 'en'): Promise<Client>
  /** Runs every due background job (the product's handlers) until none is left. */
  runJobs(): Promise<void>
  close(): Promise<void>
}

let counter = 0

export async function buildTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const db = await createTestDatabase()
  const config = testConfig(overrides)
  const app = await buildApp({ config, database: db.handle, logger: false })
  await app.ready()

  async function loginAs(
    email: string,
    password = TEST_PASSWORD,
    locale: 'ru' | 'en' = 'en',
  ): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
    if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`)
    const cookie = res.cookies.find((c) => c.name === 'mmcrm_session')
    const me = res.json() as { id: number; csrfToken: string }
    return new Client(app, me.id, cookie!.value, me.csrfToken, locale)
  }

  return {
    app,
    db,
    config,
    loginAs,
    async signIn(roleCode, opts = {}) {
      const roleId = await findRoleIdByCode(db.handle.db, roleCode)
      if (!roleId) throw new Error(`no role ${roleCode}`)
      const email = opts.email ?? `${roleCode}.${++counter}.${Date.now()}@test.example`
      await createUser(
        db.handle.db,
        { actor: SYSTEM_ACTOR, source: 'test' },
        {
          email,
          name: `${roleCode} ${counter}`,
          position: '',
          phone: '',
          password: TEST_PASSWORD,
          roleId,
          teamId: opts.teamId ?? null,
          locale: opts.locale ?? 'en',
        },
        { locale: 'en', timeZone: 'Europe/Moscow' },
      )
      return loginAs(email, TEST_PASSWORD, opts.locale ?? 'en')
    },
    async runJobs() {
      const worker = new JobWorker(app.ctx.jobs, db.handle, pino({ level: 'silent' }))
      registerJobs(worker, app.ctx)
      await worker.drain()
    },
    async close() {
      await app.close()
      await db.destroy()
    },
  }
}
