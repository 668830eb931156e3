import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { buildApp } from '../../app.ts'
import { openDatabase } from '../../platform/db/database.ts'

type Node = {
  id: number
  name: { ru: string; en: string }
  parentId: number | null
  rank: number
  version: number
}

describe('classifiers: trees, classification, facets and sorting', () => {
  let t: TestApp
  let admin: Client
  let head: Client
  let m1: Client
  let m2: Client
  let team: number
  let temp: { id: number; version: number }
  let ind: { id: number }
  const n: Record<string, Node> = {}
  const clients: Record<string, { id: number; version: number }> = {}

  async function node(classifierId: number, name: string, parentId: number | null = null, extra = {}) {
    const res = await admin.post(`/api/classifiers/${classifierId}/nodes`, {
      parentId,
      name: { ru: name, en: name },
      ...extra,
    })
    expect(res.statusCode, res.body).toBe(201)
    n[name] = res.json()
    return res.json() as Node
  }

  async function place(client: string, classifierId: number, nodes: string[], as: Client = admin) {
    const c = clients[client]!
    const res = await as.request({
      method: 'PUT',
      url: `/api/clients/${c.id}/classification/${classifierId}`,
      payload: { nodeIds: nodes.map((x) => n[x]!.id) },
      ifMatch: c.version,
    })
    if (res.statusCode === 200) c.version = res.json().version
    return res
  }

  async function list(query: string, as: Client = admin) {
    const res = await as.get(`/api/clients?pageSize=200&${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as { total: number; items: Array<{ id: number; name: string }> }
  }

  async function facets(query: string, as: Client = admin) {
    const res = await as.get(`/api/clients/facets?${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as { total: number; nodes: Array<{ nodeId: number; count: number; reach: number }> }
  }

  beforeAll(async () => {
    t = await buildTestApp()
    admin = await t.signIn('admin')
    team = (await admin.post('/api/teams', { name: 'Sales' })).json().id
    head = await t.signIn('head_of_sales', { teamId: team })
    m1 = await t.signIn('sales_manager', { teamId: team })
    m2 = await t.signIn('sales_manager')
    temp = (
      await admin.post('/api/classifiers', {
        name: { ru: 'Температура', en: 'Temperature' },
        multiple: false,
      })
    ).json()
    ind = (
      await admin.post('/api/classifiers', { name: { ru: 'Отрасль', en: 'Industry' }, multiple: true })
    ).json()
    for (const name of ['cold', 'warm', 'hot']) await node(temp.id, name)
    await node(ind.id, 'Retail')
    await node(ind.id, 'Food', n.Retail!.id)
    await node(ind.id, 'Bakeries', n.Food!.id)
    await node(ind.id, 'Clothes', n.Retail!.id)
    await node(ind.id, 'Industry')
    const make = async (name: string, as: Client) => {
      const c = (await as.post('/api/clients', { kind: 'organization', name })).json()
      clients[name] = { id: c.id, version: c.version }
    }
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta']) await make(name, m1)
    for (const name of ['Echo', 'Foxtrot']) await make(name, m2)
    // Alpha: hot, Bakeries. Bravo: warm, Clothes + Industry. Charlie: cold, Food. Delta: hot, nothing else.
    // Echo: hot, Bakeries. Foxtrot: (no temperature), Industry.
    expect((await place('Alpha', temp.id, ['hot'])).statusCode).toBe(200)
    await place('Alpha', ind.id, ['Bakeries'])
    await place('Bravo', temp.id, ['warm'])
    await place('Bravo', ind.id, ['Clothes', 'Industry'])
    await place('Charlie', temp.id, ['cold'])
    await place('Charlie', ind.id, ['Food'])
    await place('Delta', temp.id, ['hot'])
    await place('Echo', temp.id, ['hot'])
    await place('Echo', ind.id, ['Bakeries'])
    await place('Foxtrot', ind.id, ['Industry'])
  })
  afterAll(() => t.close())

  const names = (r: { items: Array<{ name: string }> }) => r.items.map((i) => i.name)
  const ids = (...xs: string[]) => xs.map((x) => n[x]!.id).join(',')

  it('keeps nodes in order: siblings by position, parents before children', async () => {
    const got = (await admin.get(`/api/classifiers/${ind.id}`)).json()
    expect(got.nodes.map((x: Node) => x.name.en)).toEqual([
      'Retail',
      'Food',
      'Bakeries',
      'Clothes',
      'Industry',
    ])
    // Reorder: hot first.
    const hot = n.hot!
    const moved = await admin.request({
      method: 'POST',
      url: `/api/classifiers/${temp.id}/nodes/${hot.id}/move`,
      payload: { parentId: null, position: 0 },
      ifMatch: hot.version,
    })
    expect(moved.statusCode, moved.body).toBe(200)
    const back = await admin.request({
      method: 'POST',
      url: `/api/classifiers/${temp.id}/nodes/${hot.id}/move`,
      payload: { parentId: null, position: 2 },
      ifMatch: moved.json().version,
    })
    expect(back.json().rank).toBe(2)
    n.hot = back.json()
    // Classifiers themselves are ordered too: Industry first, then Temperature.
    const indRow = (await admin.get(`/api/classifiers/${ind.id}`)).json()
    const reordered = await admin.patch(`/api/classifiers/${ind.id}`, { position: 0 }, indRow.version)
    expect(reordered.statusCode, reordered.body).toBe(200)
    expect((await admin.get('/api/classifiers')).json().items.map((c: { id: number }) => c.id)).toEqual([
      ind.id,
      temp.id,
    ])
    // A node cannot go inside itself.
    const loop = await admin.request({
      method: 'POST',
      url: `/api/classifiers/${ind.id}/nodes/${n.Retail!.id}/move`,
      payload: { parentId: n.Bakeries!.id, position: 0 },
      ifMatch: n.Retail!.version,
    })
    expect(loop.statusCode).toBe(400)
    expect(Object.keys(loop.json().error.fields)).toEqual(['parentId'])
  })

  it('filters with OR within a tree, AND across trees, descendants included, and NOT', async () => {
    expect(names(await list(`classIn=${ids('Retail')}&sort=name`))).toEqual([
      'Alpha',
      'Bravo',
      'Charlie',
      'Echo',
    ])
    expect(names(await list(`classIn=${ids('Food', 'Industry')}&sort=name`))).toEqual([
      'Alpha',
      'Bravo',
      'Charlie',
      'Echo',
      'Foxtrot',
    ])
    expect(names(await list(`classIn=${ids('Food', 'hot')}&sort=name`))).toEqual(['Alpha', 'Echo'])
    expect(names(await list(`classIn=${ids('hot')}&classNotIn=${ids('Food')}&sort=name`))).toEqual(['Delta'])
    // Combined with the other filters: a sales manager sees their own clients only.
    expect(names(await list(`classIn=${ids('hot')}&sort=name`, m1))).toEqual(['Alpha', 'Delta'])
    expect(names(await list(`classIn=${ids('hot')}&q=${encodeURIComponent('ech')}&sort=name`))).toEqual([
      'Echo',
    ])
    const bad = await admin.get('/api/clients?classIn=999999')
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields)).toEqual(['classIn'])
  })

  it('counts each node under the current filter, and the counts equal the filtered lists', async () => {
    for (const [query, as] of [
      ['', admin],
      [`classIn=${ids('Retail')}`, admin],
      [`classIn=${ids('hot', 'warm')}&classNotIn=${ids('Clothes')}`, admin],
      ['', m1],
      [`q=${encodeURIComponent('a')}`, admin],
    ] as const) {
      const f = await facets(query, as)
      expect(f.total).toBe((await list(query, as)).total)
      const params = new URLSearchParams(query)
      const chosen = (params.get('classIn') ?? '').split(',').filter(Boolean).map(Number)
      for (const x of f.nodes) {
        // Without a selection in the node's tree, the count is the list with the node added.
        if (chosen.some((id) => sameTree(id, x.nodeId))) continue
        const withNode = new URLSearchParams(params)
        withNode.set('classIn', [...chosen, x.nodeId].join(','))
        expect(x.count, `${query} node ${x.nodeId}`).toBe((await list(withNode.toString(), as)).total)
      }
    }
    // With a selection in a tree, each node of that tree shows what choosing it instead would give.
    const f = await facets(`classIn=${ids('hot')}`)
    const warm = f.nodes.find((x) => x.nodeId === n.warm!.id)!
    expect(warm.count).toBe(0)
    expect(warm.reach).toBe((await list(`classIn=${ids('warm')}`)).total)
  })

  function sameTree(a: number, b: number): boolean {
    const tempIds = ['cold', 'warm', 'hot'].map((x) => n[x]!.id)
    return tempIds.includes(a) === tempIds.includes(b)
  }

  it('sorts by two classifier orders then name, ascending and descending, kept with paging', async () => {
    const byTempDesc = await list(`sort=-class:${temp.id},class:${ind.id},name`)
    // hot (Alpha Bakeries, Echo Bakeries, Delta none), warm (Bravo), cold (Charlie), none (Foxtrot).
    expect(names(byTempDesc)).toEqual(['Alpha', 'Echo', 'Delta', 'Bravo', 'Charlie', 'Foxtrot'])
    const byTemp = await list(`sort=class:${temp.id},name`)
    expect(names(byTemp)).toEqual(['Charlie', 'Bravo', 'Alpha', 'Delta', 'Echo', 'Foxtrot'])
    const page2 = (await admin.get(`/api/clients?sort=class:${temp.id},name&pageSize=2&page=2`)).json()
    expect(names(page2)).toEqual(['Alpha', 'Delta'])
    expect(page2.total).toBe(6)
    const late = await admin.get(`/api/clients?sort=name,class:${temp.id}`)
    expect(late.statusCode).toBe(400)
  })

  it('refuses a second node in an exclusive tree and rule nodes by hand; checks visibility and versions', async () => {
    const two = await place('Delta', temp.id, ['hot', 'cold'])
    expect(two.statusCode).toBe(400)
    expect(two.json().error.fields.nodeIds).toBeTruthy()
    // Another team's manager cannot touch the client: 404 or 403, and nothing changes.
    const foreign = await place('Alpha', temp.id, ['cold'], m2)
    expect([403, 404]).toContain(foreign.statusCode)
    const stale = await admin.request({
      method: 'PUT',
      url: `/api/clients/${clients.Delta!.id}/classification/${temp.id}`,
      payload: { nodeIds: [n.cold!.id] },
      ifMatch: clients.Delta!.version - 1,
    })
    expect(stale.statusCode).toBe(412)
    const card = (await admin.get(`/api/clients/${clients.Alpha!.id}/classification`)).json()
    expect(card.items.find((x: { classifierId: number }) => x.classifierId === temp.id).nodeId).toBe(
      n.hot!.id,
    )
  })

  it('fills rule nodes from the data and follows changes at once; the card says why', async () => {
    const vip = await node(ind.id, 'Big ones', null, {
      rule: { match: 'all', conditions: [{ variable: 'size', op: 'eq', value: 'large' }] },
    })
    const c = (
      await admin.patch(`/api/clients/${clients.Delta!.id}`, { size: 'large' }, clients.Delta!.version)
    ).json()
    clients.Delta!.version = c.version
    expect(names(await list(`classIn=${vip.id}`))).toEqual(['Delta'])
    const why = (await admin.get(`/api/clients/${clients.Delta!.id}/classification`)).json()
    const entry = why.items.find((x: { nodeId: number }) => x.nodeId === vip.id)
    expect(entry.byRule).toBe(true)
    expect(entry.why.join(' ')).toContain('large')
    // By hand: refused.
    const manual = await place('Alpha', ind.id, ['Big ones'])
    expect(manual.statusCode).toBe(400)
    // The data changes: the client leaves the node in the same transaction.
    const d = (
      await admin.patch(`/api/clients/${clients.Delta!.id}`, { size: 'small' }, clients.Delta!.version)
    ).json()
    clients.Delta!.version = d.version
    expect((await list(`classIn=${vip.id}`)).total).toBe(0)
    // Existing clients enter a new rule node through the background job.
    const b = (
      await admin.patch(`/api/clients/${clients.Bravo!.id}`, { size: 'large' }, clients.Bravo!.version)
    ).json()
    clients.Bravo!.version = b.version
    const rule2 = await node(ind.id, 'Large again', null, {
      rule: { match: 'any', conditions: [{ variable: 'size', op: 'in', value: ['large', 'enterprise'] }] },
    })
    expect((await list(`classIn=${rule2.id}`)).total).toBe(0)
    await t.runJobs()
    expect(names(await list(`classIn=${rule2.id}`))).toEqual(['Bravo'])
    // Text conditions ignore case in Cyrillic too, on both databases.
    const e = (
      await admin.patch(
        `/api/clients/${clients.Echo!.id}`,
        { industry: 'Мебельное производство' },
        clients.Echo!.version,
      )
    ).json()
    clients.Echo!.version = e.version
    const furniture = await node(ind.id, 'Furniture', null, {
      rule: { conditions: [{ variable: 'industry', op: 'contains', value: 'МЕБЕЛ' }] },
    })
    await t.runJobs()
    expect(names(await list(`classIn=${furniture.id}`))).toEqual(['Echo'])
    const bad = await admin.post(`/api/classifiers/${ind.id}/nodes`, {
      name: { ru: 'x', en: 'x' },
      rule: { conditions: [{ variable: 'nonsense', op: 'eq', value: 1 }] },
    })
    expect(bad.statusCode).toBe(400)
  })

  it('rule nodes read custom fields (numbers and lists, negations included)', async () => {
    await admin.post('/api/custom-fields', {
      entity: 'client',
      key: 'staff',
      labelRu: 'Штат',
      labelEn: 'Staff',
      type: 'number',
    })
    await admin.post('/api/custom-fields', {
      entity: 'client',
      key: 'channel',
      labelRu: 'Канал',
      labelEn: 'Channel',
      type: 'select',
      options: [
        { value: 'retail', labelRu: 'Розница', labelEn: 'Retail' },
        { value: 'b2b', labelRu: 'B2B', labelEn: 'B2B' },
      ],
    })
    const set = async (name: string, custom: Record<string, unknown>) => {
      const c = (
        await admin.patch(`/api/clients/${clients[name]!.id}`, { custom }, clients[name]!.version)
      ).json()
      clients[name]!.version = c.version
    }
    await set('Alpha', { staff: 250, channel: 'b2b' })
    await set('Bravo', { staff: 40, channel: 'retail' })
    await set('Charlie', { staff: 120 })
    const big = await node(ind.id, 'Big staff, not retail', null, {
      rule: {
        conditions: [
          { variable: 'custom.staff', op: 'gte', value: 100 },
          { variable: 'custom.channel', op: 'ne', value: 'retail' },
        ],
      },
    })
    await t.runJobs()
    expect(names(await list(`classIn=${big.id}&sort=name`))).toEqual(['Alpha', 'Charlie'])
    const why = (await admin.get(`/api/clients/${clients.Alpha!.id}/classification`)).json()
    expect(why.items.find((x: { nodeId: number }) => x.nodeId === big.id).why).toEqual([
      'Staff ≥ 100',
      'Channel ≠ b2b'.replace('b2b', 'retail'),
    ])
    await set('Alpha', { staff: 250, channel: 'retail' })
    expect(names(await list(`classIn=${big.id}&sort=name`))).toEqual(['Charlie'])
    const badOp = await admin.post(`/api/classifiers/${ind.id}/nodes`, {
      name: { ru: 'x', en: 'x' },
      rule: { conditions: [{ variable: 'custom.staff', op: 'contains', value: '1' }] },
    })
    expect(badOp.statusCode).toBe(400)
  })

  it('keeps every entry and exit: history, classification as of a past date, movements report', async () => {
    const before = new Date().toISOString()
    await new Promise((r) => setTimeout(r, 20))
    expect((await place('Charlie', temp.id, ['hot'])).statusCode).toBe(200)
    const hist = (await admin.get(`/api/clients/${clients.Charlie!.id}/classification/history`)).json().items
    expect(hist[0]).toMatchObject({ action: 'enter', nodeId: n.hot!.id, actor: { id: admin.userId } })
    expect(hist[1]).toMatchObject({ action: 'exit', nodeId: n.cold!.id })
    const asOf = (
      await admin.get(`/api/clients/${clients.Charlie!.id}/classification?asOf=${encodeURIComponent(before)}`)
    ).json().asOf
    const then = asOf.map((x: { nodeId: number }) => x.nodeId)
    expect(then).toEqual(expect.arrayContaining([n.cold!.id, n.Food!.id]))
    expect(then).not.toContain(n.hot!.id)
    const moves = (
      await admin.get(
        `/api/classifiers/${temp.id}/movements?from=${encodeURIComponent(before)}&to=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}&fromNodeId=${n.cold!.id}&toNodeId=${n.hot!.id}`,
      )
    ).json()
    expect(moves.cells).toEqual([{ fromNodeId: n.cold!.id, toNodeId: n.hot!.id, clients: 1 }])
    expect(moves.clients.map((x: { name: string }) => x.name)).toEqual(['Charlie'])
  })

  it('classifies a selection in bulk, and a large filtered set in the background', async () => {
    const res = await head.post('/api/clients/classify', {
      ids: [clients.Alpha!.id, clients.Bravo!.id],
      nodeId: n.cold!.id,
      action: 'add',
    })
    expect(res.json()).toMatchObject({ status: 'done', changed: 2 })
    // Exclusive tree: cold replaced their former node.
    expect(names(await list(`classIn=${ids('cold')}&sort=name`))).toEqual(['Alpha', 'Bravo'])
    const removed = await head.post('/api/clients/classify', {
      filter: { q: 'alpha' },
      nodeId: n.cold!.id,
      action: 'remove',
    })
    expect(removed.json()).toMatchObject({ status: 'done', changed: 1 })
    expect(
      (
        await m1.post('/api/clients/classify', {
          ids: [clients.Alpha!.id],
          nodeId: n.cold!.id,
          action: 'add',
        })
      ).statusCode,
    ).toBe(403)
    // 1,100 more clients: the filtered set goes to an operation.
    const now = new Date().toISOString()
    const rows = Array.from({ length: 1100 }, (_, i) => ({
      kind: 'person',
      name: `Массовый ${i}`,
      source: 'bulk',
      created_at: now,
      updated_at: now,
    }))
    for (let i = 0; i < rows.length; i += 275)
      await t.db.handle.db
        .insertInto('clients')
        .values(rows.slice(i, i + 275) as never)
        .execute()
    const queued = await admin.post('/api/clients/classify', {
      filter: { source: 'bulk' },
      nodeId: n.warm!.id,
      action: 'add',
    })
    expect(queued.statusCode).toBe(202)
    await t.runJobs()
    const op = (await admin.get(`/api/operations/${queued.json().operationId}`)).json()
    expect(op).toMatchObject({ status: 'done', done: 1100, result: { changed: 1100 } })
    expect((await list(`source=bulk&classIn=${ids('warm')}`)).total).toBe(1100)
    expect((await facets('source=bulk')).nodes.find((x) => x.nodeId === n.warm!.id)!.count).toBe(1100)
  })

  it('another app instance on the same database sees a change at its next request', async () => {
    const other = openDatabase(t.db.target)
    try {
      const app2 = await buildApp({ config: t.config, database: other, logger: false })
      await app2.ready()
      const read = async () => {
        const res = await app2.inject({
          method: 'GET',
          url: `/api/clients/facets?classIn=${n.hot!.id}`,
          headers: { authorization: `Bearer ${token}` },
        })
        return res.json().total as number
      }
      const token = (await admin.post('/api/me/tokens', { name: 'second instance' })).json().token
      const before = await read()
      expect((await place('Foxtrot', temp.id, ['hot'])).statusCode).toBe(200)
      expect(await read()).toBe(before + 1)
      await app2.close()
    } finally {
      await other.close()
    }
  })

  it('deletes a node: its clients go where the administrator says, and the history keeps it', async () => {
    const cold = (await admin.get(`/api/classifiers/${temp.id}`))
      .json()
      .nodes.find((x: Node) => x.id === n.cold!.id)
    const was = (await list(`classIn=${ids('cold')}`)).total
    const res = await admin.request({
      method: 'DELETE',
      url: `/api/classifiers/${temp.id}/nodes/${cold.id}?moveTo=${n.warm!.id}`,
      ifMatch: cold.version,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().moved).toBe(was)
    expect((await admin.get(`/api/clients?classIn=${cold.id}`)).statusCode).toBe(400)
    const bravo = (await admin.get(`/api/clients/${clients.Bravo!.id}/classification/history`)).json().items
    expect(
      bravo.some((h: { action: string; nodeId: number }) => h.action === 'exit' && h.nodeId === cold.id),
    ).toBe(true)
  })
})
