import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { notify } from './index.ts'

describe('notifications', () => {
  let t: TestApp
  let me: Client
  let colleague: Client

  async function send(userId: number, n: number, extra: { dedupeKey?: string; actorId?: number } = {}) {
    return inTransaction(t.db.handle.db, (uow) =>
      notify(uow, {
        userId,
        type: 'mention',
        subjectType: 'client',
        subjectId: n,
        actorId: extra.actorId ?? null,
        payload: { excerpt: `note ${n}` },
        dedupeKey: extra.dedupeKey ?? null,
      }),
    )
  }

  async function unread(c: Client): Promise<number> {
    return (await c.get('/api/notifications/unread-count')).json().count
  }

  beforeAll(async () => {
    t = await buildTestApp()
    me = await t.signIn('sales_manager')
    colleague = await t.signIn('sales_manager')
    for (const n of [1, 2, 3, 4, 5]) await send(me.userId, n, { actorId: colleague.userId })
    for (const n of [1, 2]) await send(colleague.userId, n)
  })
  afterAll(() => t.close())

  it("lists only the caller's own notifications, newest first, in pages", async () => {
    const first = await me.get('/api/notifications?limit=3')
    expect(first.statusCode).toBe(200)
    const page = first.json()
    expect(page.items.map((i: { subjectId: number }) => i.subjectId)).toEqual([5, 4, 3])
    expect(page.items[0]).toMatchObject({
      type: 'mention',
      subjectType: 'client',
      actor: { id: colleague.userId, name: expect.any(String) },
      payload: { excerpt: 'note 5' },
      readAt: null,
    })
    const rest = (await me.get(`/api/notifications?limit=3&before=${page.nextBefore}`)).json()
    expect(rest.items.map((i: { subjectId: number }) => i.subjectId)).toEqual([2, 1])
    expect(rest.nextBefore).toBeNull()
    const theirs = (await colleague.get('/api/notifications')).json().items
    expect(theirs.map((i: { subjectId: number }) => i.subjectId)).toEqual([2, 1])
    expect(theirs[0].actor).toBeNull()
  })

  it('creates a notification once per dedupe key', async () => {
    const other = await t.signIn('marketer')
    expect(await send(other.userId, 9, { dedupeKey: 'mention:9:x' })).toBe(true)
    expect(await send(other.userId, 9, { dedupeKey: 'mention:9:x' })).toBe(false)
    expect(await unread(other)).toBe(1)
  })

  it("marks read only the caller's own, by id or all, and counts what is left", async () => {
    expect(await unread(me)).toBe(5)
    const mine = (await me.get('/api/notifications')).json().items as Array<{ id: number }>
    const theirs = (await colleague.get('/api/notifications')).json().items as Array<{ id: number }>

    const res = await me.post('/api/notifications/read', { ids: [mine[0]!.id, theirs[0]!.id] })
    expect(res.statusCode).toBe(204)
    expect(await unread(me)).toBe(4)
    expect(await unread(colleague)).toBe(2)

    const unreadOnly = (await me.get('/api/notifications?unread=true')).json().items
    expect(unreadOnly).toHaveLength(4)
    expect(unreadOnly.some((i: { id: number }) => i.id === mine[0]!.id)).toBe(false)
    const read = (await me.get('/api/notifications?unread=false')).json().items
    expect(read).toMatchObject([{ id: mine[0]!.id, readAt: expect.any(String) }])

    expect((await me.post('/api/notifications/read', { all: true })).statusCode).toBe(204)
    expect(await unread(me)).toBe(0)
    expect(await unread(colleague)).toBe(2)
  })

  it('asks which notifications to mark', async () => {
    const res = await me.post('/api/notifications/read', {})
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual({
      ids: 'Say which notifications to mark as read, or mark them all.',
    })
    expect((await me.post('/api/notifications/read', { ids: ['x'] })).statusCode).toBe(400)
  })

  it('answers 401 to anonymous callers', async () => {
    for (const url of ['/api/notifications', '/api/notifications/unread-count']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401)
    }
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      payload: { all: true },
    })
    expect(post.statusCode).toBe(401)
  })
})
