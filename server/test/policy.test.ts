import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertUser } from '../src/modules/staff/index.ts'
import { hashPassword } from '../src/platform/auth/passwords.ts'
import { ROUTE_POLICY } from '../src/platform/permissions/policy.ts'
import { buildTestApp, type Client, TEST_PASSWORD, type TestApp } from './test-app.ts'

interface Operation {
  method: string
  openapiPath: string
  key: string
  url: string
}

const TABLES = ['users', 'teams', 'roles', 'api_tokens', 'audit_log', 'jobs', 'settings'] as const

describe('every API route declares who may call it, and refuses everyone else', () => {
  let t: TestApp
  let operations: Operation[]
  let nobody: Client
  let admin: Client

  async function snapshot(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {}
    for (const table of TABLES) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1`.execute(
        t.db.handle.db,
      )
      out[table] = rows.rows
    }
    return out
  }

  beforeAll(async () => {
    t = await buildTestApp()
    admin = await t.signIn('admin')
    const db = t.db.handle.db
    const now = new Date().toISOString()
    const role = await db
      .insertInto('roles')
      .values({
        code: 'nobody',
        name: 'Nobody',
        description: '',
        is_system: 0,
        permissions: '[]',
        visibility: 'own',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await insertUser(db, {
      email: 'nobody@test.example',
      name: 'Nobody',
      position: '',
      phone: '',
      passwordHash: await hashPassword(TEST_PASSWORD),
      roleId: role.id,
      teamId: null,
      locale: 'en',
      timeZone: 'UTC',
    })
    nobody = await t.loginAs('nobody@test.example')
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    operations = []
    for (const [openapiPath, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const m = method.toUpperCase()
        const fastifyPath = openapiPath.replace(/\{(\w+)\}/g, ':$1')
        operations.push({
          method: m,
          openapiPath,
          key: `${m} ${fastifyPath}`,
          url: openapiPath.replace(/\{\w+\}/g, String(admin.userId)),
        })
      }
    }
  })
  afterAll(() => t.close())

  it('documents every route of the policy file in OpenAPI, and every documented route has a rule', () => {
    const documented = new Set(operations.map((o) => o.key))
    expect([...documented].sort()).toEqual(Object.keys(ROUTE_POLICY).sort())
  })

  it('answers 401 to anonymous callers of every non-public route, changing nothing', async () => {
    const before = await snapshot()
    for (const op of operations) {
      const rule = ROUTE_POLICY[op.key]!
      if (rule.access === 'public') continue
      const res = await t.app.inject({
        method: op.method as 'GET',
        url: op.url,
        payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : {},
      })
      expect({ route: op.key, status: res.statusCode }).toEqual({ route: op.key, status: 401 })
      expect(res.json().error.code).toBe('unauthenticated')
    }
    expect(await snapshot()).toEqual(before)
  })

  it('answers 403 to a role without the permission on every permission-guarded route, changing nothing', async () => {
    const before = await snapshot()
    let checked = 0
    for (const op of operations) {
      const rule = ROUTE_POLICY[op.key]!
      if (rule.access !== 'permission') continue
      const res = await nobody.request({
        method: op.method as 'GET',
        url: op.url,
        ifMatch: 1,
        ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: {} }),
      })
      expect({ route: op.key, status: res.statusCode }).toEqual({ route: op.key, status: 403 })
      checked++
    }
    expect(checked).toBeGreaterThan(15)
    expect(await snapshot()).toEqual(before)
  })

  it('applies the GET rule to the HEAD twin of every GET route', async () => {
    for (const op of operations) {
      if (op.method !== 'GET' || ROUTE_POLICY[op.key]!.access === 'public') continue
      const res = await t.app.inject({ method: 'HEAD', url: op.url })
      expect({ route: op.key, status: res.statusCode }).toEqual({ route: op.key, status: 401 })
    }
  })

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const before = await snapshot()
    const res = await admin.request({
      method: 'POST',
      url: '/api/teams',
      payload: { name: 'Sneaky' },
      headers: { 'x-csrf-token': 'wrong' },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('csrf_failed')
    expect(await snapshot()).toEqual(before)
  })
})
