import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'
import { migrateToLatest, openDatabase } from '../src/platform/db/database.ts'
import { migrations } from '../src/platform/db/migrations/index.ts'
import { buildTestApp, TEST_PASSWORD, type TestApp, testConfig } from './test-app.ts'
import { runDatabaseUrl, testDialect } from './test-database.ts'

describe('several instances on one database', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await buildTestApp()
  })
  afterAll(() => t.close())

  it('serve the same employees: a session made on one works on the other, and sign-out ends it on both', async () => {
    const handleB = openDatabase(t.db.target)
    const b = await buildApp({ config: testConfig(), database: handleB, logger: false })
    try {
      await t.signIn('sales_manager', { email: 'two@test.example' })
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'two@test.example', password: TEST_PASSWORD },
      })
      const cookie = login.cookies.find((c) => c.name === 'mmcrm_session')!.value
      const csrf = login.json().csrfToken as string
      const onB = await b.inject({ method: 'GET', url: '/api/me', cookies: { mmcrm_session: cookie } })
      expect(onB.statusCode).toBe(200)
      expect(onB.json().email).toBe('two@test.example')
      const out = await b.inject({
        method: 'POST',
        url: '/api/auth/logout',
        cookies: { mmcrm_session: cookie },
        headers: { 'x-csrf-token': csrf },
      })
      expect(out.statusCode).toBe(204)
      const onA = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { mmcrm_session: cookie } })
      expect(onA.statusCode).toBe(401)
    } finally {
      await b.close()
      await handleB.close()
    }
  })
})

describe.runIf(testDialect() === 'postgres')('migrations started by several instances at once', () => {
  it('are applied exactly once', async () => {
    const base = runDatabaseUrl()
    const schema = `m_${randomBytes(5).toString('hex')}`
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    const u = new URL(base)
    u.searchParams.set('options', `-c search_path=${schema}`)
    const handles = Array.from({ length: 4 }, () =>
      openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 2 }),
    )
    try {
      const results = await Promise.all(handles.map((h) => migrateToLatest(h.db)))
      expect(results.flat()).toEqual(Object.keys(migrations))
      const rows = await admin.query(`select name from ${schema}.kysely_migration`)
      expect(rows.rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort())
    } finally {
      await Promise.all(handles.map((h) => h.close()))
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    }
  })
})
