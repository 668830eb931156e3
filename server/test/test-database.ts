import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { prepareDatabase } from '../src/platform/bootstrap.ts'
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/platform/db/database.ts'

/** Which database the API and repository tests run on: SQLite always, PostgreSQL when CI sets it. */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.CRM_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite'
}

/** The per-run PostgreSQL database made by the global setup (see vitest.global-setup.ts). */
export function runDatabaseUrl(): string {
  const url = process.env.CRM_TEST_RUN_DATABASE_URL
  if (!url) throw new Error('CRM_TEST_RUN_DATABASE_URL is not set: run the tests through npm test')
  return url
}

export interface TestDatabase {
  handle: DatabaseHandle
  /** For PostgreSQL: a connection string that lands in this test's own schema (for a second app instance). */
  target: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }
  destroy(): Promise<void>
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url)
  u.searchParams.set('options', `-c search_path=${schema}`)
  return u.toString()
}

/** A fresh, migrated database for one test file: a temp SQLite file, or a PostgreSQL schema of its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDialect() === 'postgres') {
    const base = runDatabaseUrl()
    const schema = `t_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    await admin.end()
    const url = withSearchPath(base, schema)
    const handle = openDatabase({ kind: 'postgres', url, poolSize: 5 })
    await migrateToLatest(handle.db)
    await prepareDatabase(handle.db)
    return {
      handle,
      target: { kind: 'postgres', url },
      async destroy() {
        await handle.close()
        const c = new pg.Client({ connectionString: base })
        await c.connect()
        await c.query(`drop schema ${schema} cascade`)
        await c.end()
      },
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-test-'))
  const file = path.join(dir, 'crm.sqlite')
  const handle = openDatabase({ kind: 'sqlite', file })
  await migrateToLatest(handle.db)
  await prepareDatabase(handle.db)
  return {
    handle,
    target: { kind: 'sqlite', file },
    async destroy() {
      await handle.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
