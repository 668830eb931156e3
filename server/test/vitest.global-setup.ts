import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * For a PostgreSQL run: creates one database for this run from CRM_TEST_DATABASE_URL and drops it at
 * the end; each test file then works in a schema of its own inside it.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.CRM_TEST_DIALECT !== 'postgres') return undefined
  const serverUrl = process.env.CRM_TEST_DATABASE_URL
  if (!serverUrl) throw new Error('CRM_TEST_DIALECT=postgres needs CRM_TEST_DATABASE_URL')
  const name = `mmcrm_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  process.env.CRM_TEST_RUN_DATABASE_URL = url.toString()
  return async () => {
    const c = new pg.Client({ connectionString: serverUrl })
    await c.connect()
    await c.query(`drop database if exists ${name} with (force)`)
    await c.end()
  }
}
