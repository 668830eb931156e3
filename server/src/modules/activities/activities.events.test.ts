import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventStreamClient, listen, sessionCookie } from '../../../test/sse-client.ts'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'

describe('activities and tasks changed: the open pages of those concerned are told', () => {
  let t: TestApp
  let base: string
  const streams: EventStreamClient[] = []
  let counter = 0

  async function employee(role: string, teamId: number | null) {
    const email = `act.events.${++counter}.${Date.now()}@test.example`
    const client = await t.signIn(role, { email, teamId })
    const stream = await EventStreamClient.open(base, { cookie: await sessionCookie(t.app, email) })
    streams.push(stream)
    await stream.next('ready')
    return { client, stream }
  }

  beforeAll(async () => {
    t = await buildTestApp()
    base = await listen(t.app)
  })
  afterAll(async () => {
    for (const s of streams) s.close()
    await t.close()
  })

  it('reaches the performer, the creator and the team head, and nobody else', async () => {
    const admin: Client = await t.signIn('admin')
    const team = (await admin.post('/api/teams', { name: 'Events' })).json()
    const head = await employee('head_of_sales', team.id)
    const member = await employee('sales_manager', team.id)
    const outsider = await employee('sales_manager', null)
    await admin.patch(`/api/teams/${team.id}`, { name: 'Events', headId: head.client.userId }, team.version)

    const task = await head.client.post('/api/tasks', {
      title: 'Позвонить',
      assigneeId: member.client.userId,
    })
    expect(task.statusCode).toBe(201)
    for (const who of [head, member]) {
      const e = await who.stream.next('activities.changed')
      expect(e.data).toEqual({ kind: 'task', ids: [task.json().id] })
    }
    // The member plans a call: they and their head hear of it.
    const types = (await member.client.get('/api/activity-types')).json().items as Array<{
      id: number
      code: string
    }>
    const clientId = (
      await member.client.post('/api/clients', { kind: 'organization', name: 'Событие' })
    ).json().id
    const call = await member.client.post('/api/activities', {
      typeId: types.find((x) => x.code === 'call')!.id,
      subjectType: 'client',
      subjectId: clientId,
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
    })
    expect(call.statusCode).toBe(201)
    expect((await member.stream.next('activities.changed')).data).toMatchObject({ kind: 'activity' })
    expect((await head.stream.next('activities.changed')).data).toMatchObject({ kind: 'activity' })
    await new Promise((r) => setTimeout(r, 200))
    expect(outsider.stream.pending('activities.changed')).toEqual([])
  })
})
