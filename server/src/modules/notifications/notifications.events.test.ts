import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventStreamClient, listen, sessionCookie } from '../../../test/sse-client.ts'
import { buildTestApp, type Client, type TestApp, testConfig } from '../../../test/test-app.ts'
import { testDialect } from '../../../test/test-database.ts'
import { buildApp } from '../../app.ts'
import { openDatabase } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { notify } from './index.ts'

interface Employee {
  client: Client
  id: number
  cookie: string
}

let counter = 0

describe('a new notification pushed to the open pages of its recipient', () => {
  let t: TestApp
  let base: string
  const streams: EventStreamClient[] = []

  async function employee(): Promise<Employee> {
    const email = `events.${++counter}.${Date.now()}@test.example`
    const client = await t.signIn('sales_manager', { email })
    return { client, id: client.userId, cookie: await sessionCookie(t.app, email) }
  }

  async function connect(who: Employee, url = base): Promise<EventStreamClient> {
    const stream = await EventStreamClient.open(url, { cookie: who.cookie })
    streams.push(stream)
    await stream.next('ready')
    return stream
  }

  function mention(userId: number, excerpt: string, dedupeKey: string | null = null) {
    return {
      userId,
      type: 'mention',
      subjectType: 'client',
      subjectId: 1,
      payload: { excerpt },
      dedupeKey,
    }
  }

  async function latestId(who: Employee): Promise<number> {
    return (await who.client.get('/api/notifications?limit=1')).json().items[0].id
  }

  beforeAll(async () => {
    t = await buildTestApp()
    base = await listen(t.app)
  })
  afterAll(async () => {
    for (const s of streams) s.close()
    await t.close()
  })

  it('arrives promptly after the commit, as `event: notification` with its id, and to nobody else', async () => {
    const me = await employee()
    const other = await employee()
    const mine = await connect(me)
    const theirs = await connect(other)
    expect(mine.status).toBe(200)
    expect(mine.response.headers).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    })

    const committed = Date.now()
    await inTransaction(t.db.handle.db, (uow) => notify(uow, mention(me.id, 'hello')))
    const event = await mine.next('notification', 3000)
    expect(Date.now() - committed).toBeLessThan(3000)
    expect(event.data).toEqual({ id: await latestId(me) })

    // The other employee's page, open all along, got nothing (their own event comes through).
    await inTransaction(t.db.handle.db, (uow) => notify(uow, mention(other.id, 'yours')))
    expect((await theirs.next('notification')).data).toEqual({ id: await latestId(other) })
    expect(theirs.events.filter((e) => e.type === 'notification')).toHaveLength(1)
    expect(mine.pending('notification')).toEqual([])
  })

  it('is not sent when the transaction rolls back, nor for a notification that already existed', async () => {
    const me = await employee()
    const mine = await connect(me)
    await expect(
      inTransaction(t.db.handle.db, async (uow) => {
        await notify(uow, mention(me.id, 'rolled back'))
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    await inTransaction(t.db.handle.db, (uow) => notify(uow, mention(me.id, 'once', 'events:once')))
    const first = await mine.next('notification')
    expect(
      await inTransaction(t.db.handle.db, (uow) => notify(uow, mention(me.id, 'once', 'events:once'))),
    ).toBe(false)
    // A later event marks the point by which anything sent before it would have arrived.
    await inTransaction(t.db.handle.db, (uow) => notify(uow, mention(me.id, 'marker')))
    const marker = await mine.next('notification')
    const ids = (await me.client.get('/api/notifications')).json().items.map((i: { id: number }) => i.id)
    expect([first.data, marker.data]).toEqual([{ id: ids[1] }, { id: ids[0] }])
    expect(ids).toHaveLength(2)
    expect(mine.pending('notification')).toEqual([])
  })

  it("tells the employee's other pages when notifications are marked read", async () => {
    const me = await employee()
    const tab = await connect(me)
    await inTransaction(t.db.handle.db, (uow) => notify(uow, mention(me.id, 'read me')))
    await tab.next('notification')
    expect((await me.client.post('/api/notifications/read', { all: true })).statusCode).toBe(204)
    expect((await tab.next('notifications.read')).data).toBeNull()
  })

  it('answers 401 to anonymous callers, without a stream', async () => {
    const res = await EventStreamClient.open(base, {})
    expect(res.status).toBe(401)
    expect(JSON.parse(await res.text()).error.code).toBe('unauthenticated')
  })

  it('forgets a page that disconnects', async () => {
    const me = await employee()
    const first = await connect(me)
    const second = await connect(me)
    expect(t.app.ctx.events.subscriberCount(me.id)).toBe(2)
    first.close()
    second.close()
    const deadline = Date.now() + 2000
    while (t.app.ctx.events.subscriberCount(me.id) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(t.app.ctx.events.subscriberCount(me.id)).toBe(0)
    // Publishing to nobody is fine.
    await inTransaction(t.db.handle.db, (uow) => notify(uow, mention(me.id, 'nobody listening')))
  })

  describe.runIf(testDialect() === 'postgres')('with two instances on one PostgreSQL database', () => {
    it('reaches a page connected to instance B from a transaction of instance A', async () => {
      const handleB = openDatabase(t.db.target)
      const b = await buildApp({ config: testConfig(), database: handleB, logger: false })
      try {
        const baseB = await listen(b)
        const me = await employee()
        const other = await employee()
        const onB = await connect(me, baseB)
        const otherOnB = await connect(other, baseB)
        const onA = await connect(me)
        const committed = Date.now()
        await inTransaction(t.db.handle.db, (uow) => notify(uow, mention(me.id, 'across instances')))
        const event = await onB.next('notification', 3000)
        expect(Date.now() - committed).toBeLessThan(3000)
        expect(event.data).toEqual({ id: await latestId(me) })
        expect((await onA.next('notification')).data).toEqual(event.data)
        expect(otherOnB.pending('notification')).toEqual([])
      } finally {
        await b.close()
        await handleB.close()
      }
    })
  })
})
