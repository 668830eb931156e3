/**
 * The acceptance test of a resumable import: the real server (as `npm start` runs it) is killed with
 * SIGKILL in the middle of a 20,000-row import, started again on the same database and files, and the
 * import completes with every row handled exactly once. SQLite in the SQLite run, PostgreSQL (a schema
 * of the run's database) in the PostgreSQL run.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerProcess, serverEnv, spawnServer, stopServer } from '../../../test/server-process.ts'
import { createTestDatabase, type TestDatabase, testDialect } from '../../../test/test-database.ts'
import { makeInn } from '../clients/index.ts'
import { IMPORT_BATCH } from './imports.service.ts'

const ADMIN = { email: 'crash.admin@test.example', password: 'Crash-Admin-Pass-1' }
const ROWS = 20_000
/** Rows whose ИНН a client already has before the import (the default policy skips them). */
const EXISTING = Array.from({ length: 20 }, (_, k) => 1000 * k + 7)

const innOf = (i: number) => makeInn('organization', `61${String(i).padStart(7, '0')}`)

/** A Russian Excel CSV of organizations: unique ИНН, phones and e-mails. */
function csv(): Buffer {
  const lines = ['Наименование;ИНН;Телефон;E-mail']
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `ООО «Краш ${i}»;${innOf(i)};+7 (933) ${String(1_0000000 + i).slice(1)};info${i}@crash${i}.example`,
    )
  return Buffer.from(lines.join('\r\n'))
}

/** A signed-in employee over HTTP (session cookie and CSRF header, as the web app sends them). */
class Session {
  private constructor(
    private readonly url: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async signIn(url: string): Promise<Session> {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
    const me = (await res.json()) as { csrfToken: string }
    return new Session(url, cookie, me.csrfToken)
  }

  /** The same session against another server (sessions live in the database). */
  on(url: string): Session {
    return new Session(url, this.cookie, this.csrf)
  }

  async call<T>(method: string, route: string, body?: unknown, expected = 200): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf }
    let payload: RequestInit['body']
    if (body instanceof FormData) payload = body
    else if (body !== undefined) {
      headers['content-type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    const res = await fetch(`${this.url}${route}`, { method, headers, body: payload })
    const text = await res.text()
    if (res.status !== expected) throw new Error(`${method} ${route}: ${res.status} ${text}`)
    return (text ? JSON.parse(text) : null) as T
  }
}

interface Progress {
  status: string
  total: number
  done: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe(`an import killed with SIGKILL and resumed by the restarted server (${testDialect()})`, () => {
  let tdb: TestDatabase
  let dir: string
  let env: Record<string, string>
  let server: ServerProcess | undefined

  beforeAll(async () => {
    // A fresh migrated database (a temp SQLite file, or a schema of its own in the run's PostgreSQL database).
    tdb = await createTestDatabase()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-crash-'))
    env = { ...serverEnv(tdb, dir), CRM_ADMIN_EMAIL: ADMIN.email, CRM_ADMIN_PASSWORD: ADMIN.password }
  })
  afterAll(async () => {
    await stopServer(server, 'SIGKILL')
    await tdb?.destroy()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('completes after the restart with every one of 20,000 rows exactly once', {
    timeout: 180_000,
  }, async () => {
    const { db } = tdb.handle
    server = spawnServer(env)
    const admin = await Session.signIn(await server.ready)
    for (const i of EXISTING)
      await admin.call(
        'POST',
        '/api/clients',
        { kind: 'organization', name: `Уже есть ${i}`, inn: innOf(i) },
        201,
      )

    const file = csv()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(file)]), 'краш.csv')
    const imp = await admin.call<{ id: number; rowCount: number; mapping: string[] }>(
      'POST',
      '/api/imports',
      form,
      201,
    )
    expect(imp.rowCount).toBe(ROWS)
    expect(imp.mapping).toEqual(['name', 'inn', 'phone', 'email'])
    const { operationId } = await admin.call<{ operationId: number }>(
      'POST',
      `/api/imports/${imp.id}/run`,
      undefined,
      202,
    )

    // Follow the progress bar until a few batches are in, then kill the server halfway through the next
    // batch (the progress is seen right after a commit, when the next batch has barely started).
    let seen: Progress = { status: 'queued', total: ROWS, done: 0 }
    let changedAt = Date.now()
    let batchMs = 0
    const deadline = Date.now() + 60_000
    while (seen.done < 4 * IMPORT_BATCH) {
      if (Date.now() > deadline) throw new Error(`no progress: ${JSON.stringify(seen)}\n${server.output()}`)
      await sleep(10)
      const now = await admin.call<Progress>('GET', `/api/operations/${operationId}`)
      if (now.done !== seen.done) {
        if (seen.done > 0) batchMs = (Date.now() - changedAt) / ((now.done - seen.done) / IMPORT_BATCH)
        changedAt = Date.now()
      }
      seen = now
    }
    await sleep(batchMs / 2)
    await stopServer(server, 'SIGKILL')
    expect(seen.done, 'the import finished before the kill: the test proves nothing').toBeLessThan(ROWS)

    // What the dead server left: the import half done; its progress and its rows committed together.
    const left = await db
      .selectFrom('operations')
      .select(['status', 'done'])
      .where('id', '=', operationId)
      .executeTakeFirstOrThrow()
    expect(left.status).toBe('running')
    expect(left.done).toBeGreaterThanOrEqual(seen.done)
    expect(left.done).toBeLessThan(ROWS)
    const rowsLeft = await db
      .selectFrom('import_rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('import_id', '=', imp.id)
      .where('phase', '=', 'run')
      .executeTakeFirstOrThrow()
    expect(Number(rowsLeft.n)).toBe(left.done)
    const importLeft = await db
      .selectFrom('imports')
      .select('status')
      .where('id', '=', imp.id)
      .executeTakeFirstOrThrow()
    expect(importLeft.status).toBe('running')
    // The dead worker still holds its job's lease (60 s). On SQLite the restarted process takes such
    // jobs back at once (one process owns the file); on PostgreSQL other live instances may hold leases,
    // so only expiry frees them: there, instead of waiting a minute, let that minute pass.
    const leased = await db
      .selectFrom('jobs')
      .select(['id', 'lease_until', 'status', 'payload', 'attempts'])
      .where('type', '=', 'operations.step')
      .where('status', 'in', ['running', 'pending'])
      .execute()
    // Its next batch is in the queue: taken by the dead worker (most likely) or just enqueued.
    expect(leased.map((j) => JSON.parse(j.payload))).toContainEqual({ operationId })
    for (const job of leased.filter((j) => j.status === 'running'))
      expect(Date.parse(String(job.lease_until))).toBeGreaterThan(Date.now())
    if (testDialect() === 'postgres')
      await db
        .updateTable('jobs')
        .set({ lease_until: new Date(Date.now() - 1000).toISOString() })
        .where('status', '=', 'running')
        .execute()

    // The same database and files, a new process: its worker takes the job back and finishes the import.
    server = spawnServer(env)
    const again = admin.on(await server.ready)
    let status = ''
    const finish = Date.now() + 120_000
    while (status !== 'done') {
      if (Date.now() > finish) {
        const op = await again.call<Progress>('GET', `/api/operations/${operationId}`)
        throw new Error(`the import did not finish: ${op.done} of ${op.total} rows\n${server.output()}`)
      }
      await sleep(200)
      status = (await again.call<{ status: string }>('GET', `/api/imports/${imp.id}`)).status
    }
    const result = await again.call<{ status: string; report: unknown }>('GET', `/api/imports/${imp.id}`)
    const created = ROWS - EXISTING.length
    expect(result).toMatchObject({
      status: 'done',
      report: { total: ROWS, create: created, update: 0, skip: EXISTING.length, error: 0 },
    })
    expect(await again.call<Progress>('GET', `/api/operations/${operationId}`)).toMatchObject({
      status: 'done',
      total: ROWS,
      done: ROWS,
    })
    await stopServer(server, 'SIGTERM')

    // Every ИНН exactly once: 20,000 clients (the 20 that were there and 19,980 new), no duplicates.
    const clients = await db
      .selectFrom('clients')
      .select(['id', 'inn', 'name'])
      .where('deleted_at', 'is', null)
      .execute()
    const inns = new Set(Array.from({ length: ROWS }, (_, i) => innOf(i)))
    expect(clients.filter((c) => c.inn !== null && inns.has(c.inn))).toHaveLength(ROWS)
    expect(clients.filter((c) => c.name.startsWith('ООО «Краш '))).toHaveLength(created)
    const duplicates = await db
      .selectFrom('clients')
      .select(['inn', (eb) => eb.fn.countAll<number>().as('n')])
      .where('inn', 'is not', null)
      .groupBy('inn')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute()
    expect(duplicates).toEqual([])

    // Each row's outcome once; each created row has exactly one (file, row) key, to the client of its ИНН.
    const outcomes = await db
      .selectFrom('import_rows')
      .select(['row', 'action'])
      .where('import_id', '=', imp.id)
      .where('phase', '=', 'run')
      .execute()
    expect(outcomes).toHaveLength(ROWS)
    expect(new Set(outcomes.map((o) => o.row)).size).toBe(ROWS)
    const sha = await db
      .selectFrom('imports')
      .select('sha256')
      .where('id', '=', imp.id)
      .executeTakeFirstOrThrow()
    const keys = await db
      .selectFrom('import_keys as k')
      .innerJoin('clients as c', 'c.id', 'k.client_id')
      .select(['k.row', 'c.inn'])
      .where('k.sha256', '=', sha.sha256)
      .execute()
    expect(keys).toHaveLength(created)
    const skipped = new Set(EXISTING.map((i) => i + 2))
    const byRow = new Map(keys.map((k) => [k.row, k.inn]))
    expect(byRow.size).toBe(created)
    for (let i = 0; i < ROWS; i++) {
      if (skipped.has(i + 2)) expect(byRow.has(i + 2)).toBe(false)
      else expect(byRow.get(i + 2)).toBe(innOf(i))
    }
    // Audited once each as coming from the import: the killed batch left no entry behind.
    const audited = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', 'client')
      .where('action', '=', 'create')
      .where('source', '=', 'import')
      .executeTakeFirstOrThrow()
    expect(Number(audited.n)).toBe(created)
  })
})
