import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventStreamClient, listen, sessionCookie } from '../../../test/sse-client.ts'
import { buildTestApp, type TestApp } from '../../../test/test-app.ts'
import { runDatabaseUrl, testDialect } from '../../../test/test-database.ts'
import { openDatabase } from '../db/database.ts'
import { inTransaction } from '../db/transaction.ts'
import { type AppEvent, MAX_EVENT_BYTES, publishEvent, splitForDelivery } from './event-bus.ts'

describe('an event prepared for delivery', () => {
  it('keeps a small event whole, each recipient once', () => {
    expect(splitForDelivery({ type: 'notification', userIds: [3, 3, 4], data: { id: 7 } })).toEqual([
      { type: 'notification', userIds: [3, 4], data: { id: 7 } },
    ])
    expect(splitForDelivery({ type: 'notification', userIds: [] })).toEqual([])
  })

  it('drops data that would not fit in one NOTIFY, so pages refetch instead', () => {
    const parts = splitForDelivery({ type: 'big', userIds: [1], data: { text: 'я'.repeat(4000) } })
    expect(parts).toEqual([{ type: 'big', userIds: [1] }])
  })

  it('spreads a very long list of recipients over several events, none too big', () => {
    const userIds = Array.from({ length: 3000 }, (_, i) => 1_000_000 + i)
    const parts = splitForDelivery({ type: 'broadcast', userIds, data: { id: 1 } })
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) {
      expect(Buffer.byteLength(JSON.stringify(part))).toBeLessThanOrEqual(MAX_EVENT_BYTES)
      expect(part.data).toBeUndefined()
    }
    expect(parts.flatMap((p) => p.userIds)).toEqual(userIds)
  })

  it('refuses a type that is not a safe SSE event name, or one the platform sends itself', () => {
    for (const type of ['', 'two\nlines', 'Notification', 'a b', 'ready', 'resync']) {
      expect(() => splitForDelivery({ type, userIds: [1] }), type).toThrow('invalid event type')
    }
    expect(() => splitForDelivery({ type: 'x', userIds: [1.5] })).toThrow('integers')
  })
})

describe('GET /api/events', () => {
  let t: TestApp
  let base: string
  let userId: number
  let cookie: string
  const streams: EventStreamClient[] = []

  async function connect(url = base): Promise<EventStreamClient> {
    const stream = await EventStreamClient.open(url, { cookie })
    streams.push(stream)
    await stream.next('ready')
    return stream
  }

  function publish(event: AppEvent): Promise<void> {
    return inTransaction(t.db.handle.db, (uow) => publishEvent(uow, event))
  }

  beforeAll(async () => {
    t = await buildTestApp()
    base = await listen(t.app)
    const email = `events.platform.${Date.now()}@test.example`
    userId = (await t.signIn('auditor', { email })).userId
    cookie = await sessionCookie(t.app, email)
  })
  afterAll(async () => {
    for (const s of streams) s.close()
    await t.close()
  })

  it('delivers data as JSON on one line, whatever its characters, and an oversized event without it', async () => {
    const stream = await connect()
    await publish({ type: 'demo', userIds: [userId], data: { text: 'строка\nвторая «x» \u2028' } })
    expect((await stream.next('demo')).data).toEqual({ text: 'строка\nвторая «x» \u2028' })
    await publish({ type: 'demo', userIds: [userId], data: { text: 'x'.repeat(MAX_EVENT_BYTES) } })
    expect((await stream.next('demo')).data).toBeNull()
  })

  it('answers HEAD with the stream headers and no stream', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/api/events', headers: { cookie } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(res.body).toBe('')
  })

  it('is documented in OpenAPI as an event stream', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(Object.keys(doc.paths['/api/events'].get.responses['200'].content)).toEqual(['text/event-stream'])
  })

  it('ends open streams when the app closes, without waiting for the pages', async () => {
    const other = await buildTestApp()
    try {
      const email = `events.closing.${Date.now()}@test.example`
      await other.signIn('auditor', { email })
      const stream = await EventStreamClient.open(await listen(other.app), {
        cookie: await sessionCookie(other.app, email),
      })
      await stream.next('ready')
      const started = Date.now()
      await other.app.close()
      expect(Date.now() - started).toBeLessThan(2000)
      await stream.text()
      expect(stream.isEnded).toBe(true)
      expect(other.app.ctx.events.subscriberCount()).toBe(0)
    } finally {
      await other.db.destroy()
    }
  })

  describe.runIf(testDialect() === 'postgres')('on PostgreSQL', () => {
    it('re-opens a lost LISTEN connection, tells the pages to resync, and delivers again', async () => {
      const stream = await connect()
      const before = t.app.ctx.events.listener
      expect(before.listening).toBe(true)
      const admin = new pg.Client({ connectionString: runDatabaseUrl() })
      await admin.connect()
      try {
        await admin.query('select pg_terminate_backend($1)', [before.pid])
      } finally {
        await admin.end()
      }
      await stream.next('resync', 5000)
      const after = t.app.ctx.events.listener
      expect(after.listening).toBe(true)
      expect(after.pid).not.toBe(before.pid)
      await publish({ type: 'demo', userIds: [userId], data: { after: 'reconnect' } })
      expect((await stream.next('demo')).data).toEqual({ after: 'reconnect' })
    })

    it('ignores events of another CRM in another schema of the same database', async () => {
      const stream = await connect()
      const schema = `other_${randomBytes(5).toString('hex')}`
      const admin = new pg.Client({ connectionString: runDatabaseUrl() })
      await admin.connect()
      await admin.query(`create schema ${schema}`)
      const url = new URL(runDatabaseUrl())
      url.searchParams.set('options', `-c search_path=${schema}`)
      const elsewhere = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 })
      try {
        await inTransaction(elsewhere.db, (uow) =>
          publishEvent(uow, { type: 'demo', userIds: [userId], data: { from: 'elsewhere' } }),
        )
        await publish({ type: 'demo', userIds: [userId], data: { from: 'here' } })
        expect((await stream.next('demo')).data).toEqual({ from: 'here' })
        expect(stream.pending('demo')).toEqual([])
      } finally {
        await elsewhere.close()
        await admin.query(`drop schema ${schema} cascade`)
        await admin.end()
      }
    })
  })
})
