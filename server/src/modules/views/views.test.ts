import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'

describe('saved views', () => {
  let t: TestApp
  let head: Client
  let m1: Client
  let other: Client
  beforeAll(async () => {
    t = await buildTestApp()
    const admin = await t.signIn('admin')
    const team = (await admin.post('/api/teams', { name: 'Sales' })).json().id
    const team2 = (await admin.post('/api/teams', { name: 'Partners' })).json().id
    head = await t.signIn('head_of_sales', { teamId: team })
    m1 = await t.signIn('sales_manager', { teamId: team })
    other = await t.signIn('sales_manager', { teamId: team2 })
  })
  afterAll(() => t.close())

  const state = {
    filter: { classIn: '12,13', kind: 'organization' },
    sort: '-class:3,name',
    columns: ['name', 'owner'],
  }

  it('keeps private views to their owner, team views to the team, and lets only sharers share', async () => {
    const mine = await m1.post('/api/views', { entity: 'clients', name: 'Мои горячие', state })
    expect(mine.statusCode).toBe(201)
    expect(mine.json()).toMatchObject({ scope: 'private', state, canEdit: true, isDefault: false })
    const share = await m1.post('/api/views', { entity: 'clients', name: 'Всем', scope: 'all', state })
    expect(share.statusCode).toBe(400)
    expect(Object.keys(share.json().error.fields)).toEqual(['scope'])
    const teamView = (
      await head.post('/api/views', { entity: 'clients', name: 'Отдел: крупные', scope: 'team', state })
    ).json()
    const names = async (c: Client) =>
      (await c.get('/api/views?entity=clients')).json().items.map((v: { name: string }) => v.name)
    expect(await names(m1)).toEqual(['Мои горячие', 'Отдел: крупные'])
    expect(await names(other)).toEqual([])
    expect(await names(head)).toEqual(['Отдел: крупные'])
    // A team member uses the team view but cannot change it.
    const edit = await m1.patch(`/api/views/${teamView.id}`, { name: 'x' }, teamView.version)
    expect(edit.statusCode).toBe(403)
    expect((await other.patch(`/api/views/${mine.json().id}`, { name: 'x' }, 1)).statusCode).toBe(404)
  })

  it('remembers a default per employee and catches stale edits', async () => {
    const v = (await m1.get('/api/views?entity=clients')).json().items[0]
    expect(
      (
        await m1.request({
          method: 'PUT',
          url: '/api/views/default',
          payload: { entity: 'clients', viewId: v.id },
        })
      ).statusCode,
    ).toBe(204)
    expect(
      (await m1.get('/api/views?entity=clients')).json().items.find((x: { id: number }) => x.id === v.id)
        .isDefault,
    ).toBe(true)
    const renamed = await m1.patch(`/api/views/${v.id}`, { name: 'Горячие' }, v.version)
    expect(renamed.statusCode).toBe(200)
    expect((await m1.patch(`/api/views/${v.id}`, { name: 'Снова' }, v.version)).statusCode).toBe(412)
    expect((await m1.delete(`/api/views/${v.id}`, renamed.json().version)).statusCode).toBe(204)
    expect(
      (await m1.get('/api/views?entity=clients'))
        .json()
        .items.some((x: { isDefault: boolean }) => x.isDefault),
    ).toBe(false)
  })
})
