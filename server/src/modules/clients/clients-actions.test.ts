import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'

describe('ownership, merge, personal data and consents', () => {
  let t: TestApp
  let admin: Client
  let head: Client
  let m1: Client
  let m2: Client
  let team: number

  beforeAll(async () => {
    t = await buildTestApp()
    admin = await t.signIn('admin')
    team = (await admin.post('/api/teams', { name: 'Sales' })).json().id
    head = await t.signIn('head_of_sales', { teamId: team })
    m1 = await t.signIn('sales_manager', { teamId: team })
    m2 = await t.signIn('sales_manager', { teamId: team })
  })
  afterAll(() => t.close())

  it('reassigns a filtered set with a reason kept in each client’s history; managers may not', async () => {
    for (const name of ['Опт-1', 'Опт-2', 'Опт-3'])
      await m1.post('/api/clients', { kind: 'organization', name, source: 'выставка' })
    await m1.post('/api/clients', { kind: 'organization', name: 'Другой', source: 'сайт' })
    const refused = await m1.post('/api/clients/reassign', {
      filter: { source: 'выставка' },
      ownerId: m2.userId,
      reason: 'отпуск',
    })
    expect(refused.statusCode).toBe(403)
    const noReason = await head.post('/api/clients/reassign', {
      filter: { source: 'выставка' },
      ownerId: m2.userId,
      reason: '',
    })
    expect(Object.keys(noReason.json().error.fields)).toEqual(['reason'])
    const res = await head.post('/api/clients/reassign', {
      filter: { source: 'выставка', ownerId: String(m1.userId) },
      ownerId: m2.userId,
      reason: 'Уход в отпуск',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'done', changed: 3, total: 3, operationId: null })
    const mine = (await m2.get(`/api/clients?source=${encodeURIComponent('выставка')}`)).json()
    expect(mine.items.map((c: { owner: { id: number } }) => c.owner.id)).toEqual([
      m2.userId,
      m2.userId,
      m2.userId,
    ])
    const h = (await m2.get(`/api/clients/${mine.items[0].id}/history`)).json().items[0]
    expect(h).toMatchObject({ action: 'reassign', actor: { id: head.userId } })
    expect(h.changes.reason).toEqual({ to: 'Уход в отпуск' })
    expect((await m1.get(`/api/clients?source=${encodeURIComponent('сайт')}`)).json().total).toBe(1)
  })

  it('merges two clients: fills empty facts, moves phones, contact persons and notes, keeps both histories, trashes the other', async () => {
    const target = (
      await m1.post('/api/clients', {
        kind: 'organization',
        name: 'Север',
        inn: '7707083893',
        channels: [{ type: 'phone', value: '+7 916 111 11 11' }],
      })
    ).json()
    const other = (
      await m1.post('/api/clients', {
        kind: 'organization',
        name: 'Север (дубль)',
        industry: 'Розница',
        channels: [
          { type: 'phone', value: '8 916 111-11-11' },
          { type: 'email', value: 'sever@example.ru' },
        ],
      })
    ).json()
    await m1.post(`/api/clients/${other.id}/contacts`, { lastName: 'Зайцев', firstName: 'Пётр' })
    expect((await m1.post(`/api/clients/${target.id}/merge`, { sourceId: other.id })).statusCode).toBe(403)
    const stale = await head.request({
      method: 'POST',
      url: `/api/clients/${target.id}/merge`,
      payload: { sourceId: other.id },
      ifMatch: 99,
    })
    expect(stale.statusCode).toBe(412)
    const merged = await head.request({
      method: 'POST',
      url: `/api/clients/${target.id}/merge`,
      payload: { sourceId: other.id },
      ifMatch: target.version,
    })
    expect(merged.statusCode).toBe(200)
    const card = merged.json()
    expect(card).toMatchObject({ name: 'Север', inn: '7707083893', industry: 'Розница' })
    expect(card.channels.map((c: { normalized: string }) => c.normalized)).toEqual([
      '+79161111111',
      'sever@example.ru',
    ])
    expect(
      (await head.get(`/api/clients/${target.id}/contacts`))
        .json()
        .items.map((c: { name: string }) => c.name),
    ).toEqual(['Зайцев Пётр'])
    const gone = (await head.get(`/api/clients/${other.id}`)).json()
    expect(gone).toMatchObject({ mergedIntoId: target.id })
    expect(gone.deletedAt).not.toBeNull()
    const history = (await head.get(`/api/clients/${target.id}/history`)).json().items
    expect(history.map((e: { action: string; entityId: number }) => [e.action, e.entityId])).toEqual(
      expect.arrayContaining([
        ['merge', target.id],
        ['merged_into', other.id],
        ['contact_added', other.id],
        ['create', other.id],
        ['create', target.id],
      ]),
    )
    expect((await head.post(`/api/clients/${other.id}/restore`)).statusCode).toBe(409)
  })

  it('records consents and their withdrawal', async () => {
    const p = (
      await m1.post('/api/clients', { kind: 'person', lastName: 'Белова', firstName: 'Нина' })
    ).json()
    const given = await m1.post(`/api/clients/${p.id}/consents`, {
      purpose: 'Рассылка предложений',
      textVersion: 'v2 от 01.09.2025',
      method: 'web_form',
      source: 'https://example.ru/form',
      givenAt: '2026-11-01T10:00:00+03:00',
    })
    expect(given.statusCode).toBe(201)
    expect(given.json()).toMatchObject({ givenAt: '2026-11-01T07:00:00.000Z', withdrawnAt: null })
    const withdrawn = await m1.post(`/api/clients/${p.id}/consents/${given.json().id}/withdraw`, {})
    expect(withdrawn.json().withdrawnAt).not.toBeNull()
    expect((await m1.post(`/api/clients/${p.id}/consents/${given.json().id}/withdraw`, {})).statusCode).toBe(
      409,
    )
  })

  it('exports everything about a person, then erases the personal data everywhere (client, contact person, notes, search, history values)', async () => {
    const p = (
      await m1.post('/api/clients', {
        kind: 'person',
        lastName: 'Громова',
        firstName: 'Алла',
        birthDate: '1990-01-02',
        inn: '500100732259',
        legalAddress: 'Тверь, ул. Советская, 1',
        channels: [
          { type: 'phone', value: '+7 916 222 33 44' },
          { type: 'email', value: 'alla@example.ru' },
        ],
      })
    ).json()
    const org = (await m1.post('/api/clients', { kind: 'organization', name: 'Работодатель' })).json()
    const contact = (
      await m1.post(`/api/clients/${org.id}/contacts`, {
        lastName: 'Громова',
        firstName: 'Алла',
        personClientId: p.id,
        channels: [{ type: 'phone', value: '+7 916 222 33 44' }],
      })
    ).json()
    await t.db.handle.db
      .insertInto('notes')
      .values({
        subject_type: 'client',
        subject_id: p.id,
        author_id: m1.userId,
        body: '<p>Алла Громова, +7 916 222 33 44</p>',
        text: 'Алла Громова, +7 916 222 33 44',
        mentions: '[]',
        version: 1,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute()

    expect((await m1.get(`/api/clients/${p.id}/personal-data`)).statusCode).toBe(403)
    const exported = await head.get(`/api/clients/${p.id}/personal-data`)
    expect(exported.statusCode).toBe(200)
    expect(exported.headers['content-disposition']).toMatch(/attachment/)
    const data = exported.json()
    expect(data.client.name).toBe('Громова Алла')
    expect(data.contactPersons.map((c: { id: number }) => c.id)).toEqual([contact.id])
    expect(data.notes[0].text).toMatch(/Громова/)

    const erased = await head.post(`/api/clients/${p.id}/erase`, { reason: 'Запрос субъекта от 20.11.2026' })
    expect(erased.statusCode).toBe(200)
    const dump = JSON.stringify({
      client: (await head.get(`/api/clients/${p.id}`)).json(),
      contact: await t.db.handle.db.selectFrom('contacts').selectAll().where('id', '=', contact.id).execute(),
      channels: await t.db.handle.db
        .selectFrom('contact_channels')
        .selectAll()
        .where('contact_id', '=', contact.id)
        .execute(),
      notes: await t.db.handle.db.selectFrom('notes').selectAll().where('subject_id', '=', p.id).execute(),
      clientRow: await t.db.handle.db.selectFrom('clients').selectAll().where('id', '=', p.id).execute(),
      history: (await head.get(`/api/clients/${p.id}/history`)).json(),
      contactHistory: await t.db.handle.db
        .selectFrom('audit_log')
        .select('changes')
        .where('entity_type', '=', 'contact')
        .where('entity_id', '=', contact.id)
        .execute(),
    })
    for (const secret of [
      'Громова',
      'Алла',
      '1990-01-02',
      '500100732259',
      'Тверь',
      '9162223344',
      'alla@example.ru',
    ]) {
      expect(dump).not.toContain(secret)
    }
    expect((await head.get(`/api/clients?q=${encodeURIComponent('Громова')}`)).json().total).toBe(0)
    expect((await head.get(`/api/clients?q=9162223344`)).json().total).toBe(0)
    const trail = (await head.get(`/api/clients/${p.id}/history`)).json().items
    expect(trail[0]).toMatchObject({ action: 'erase_personal_data', actor: { id: head.userId } })
    expect((await head.post(`/api/clients/${p.id}/erase`, { reason: 'ещё раз' })).statusCode).toBe(409)
  })

  it('lets the administrator choose what makes a dossier complete, and the list filters by it', async () => {
    const s = (await admin.get('/api/settings/client-completeness')).json()
    expect(s.available).toContain('inn')
    expect(
      (
        await m1.request({
          method: 'PUT',
          url: '/api/settings/client-completeness',
          payload: { organization: ['inn'], person: [] },
        })
      ).statusCode,
    ).toBe(403)
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/settings/client-completeness',
      payload: { organization: ['nonsense'], person: [] },
    })
    expect(bad.statusCode).toBe(400)
    const ok = await admin.request({
      method: 'PUT',
      url: '/api/settings/client-completeness',
      payload: { organization: ['inn', 'phone'], person: ['phone'] },
    })
    expect(ok.statusCode).toBe(200)
    await t.runJobs()
    const full = (
      await m1.post('/api/clients', {
        kind: 'organization',
        name: 'Полная',
        inn: '1234567894',
        channels: [{ type: 'phone', value: '+7 916 000 00 01' }],
      })
    ).json()
    expect(full.completeness).toBe(100)
    const half = (
      await m1.post('/api/clients', { kind: 'organization', name: 'Половина', inn: '7728168971' })
    ).json()
    expect(half).toMatchObject({ completeness: 50, missing: ['phone'] })
    const incomplete = (await m1.get('/api/clients?completenessBelow=100&pageSize=200'))
      .json()
      .items.map((c: { id: number }) => c.id)
    expect(incomplete).toContain(half.id)
    expect(incomplete).not.toContain(full.id)
  })
})

describe('reassigning a large filtered set', () => {
  let t: TestApp
  let head: Client
  let m1: Client
  let m2: Client
  let team: number

  beforeAll(async () => {
    t = await buildTestApp()
    const admin = await t.signIn('admin')
    team = (await admin.post('/api/teams', { name: 'Sales' })).json().id
    head = await t.signIn('head_of_sales', { teamId: team })
    m1 = await t.signIn('sales_manager', { teamId: team })
    m2 = await t.signIn('sales_manager', { teamId: team })
  })
  afterAll(() => t.close())

  it('reassigns a large filtered set in the background, in batches, with progress and a notification', async () => {
    const now = new Date().toISOString()
    const rows = Array.from({ length: 1203 }, (_, i) => ({
      kind: 'organization',
      name: `Массовый ${String(i).padStart(4, '0')}`,
      source: 'массово',
      owner_id: m1.userId,
      team_id: team,
      created_at: now,
      updated_at: now,
    }))
    for (let i = 0; i < rows.length; i += 300)
      // Only the columns this test needs; the table's defaults fill the rest.
      await t.db.handle.db
        .insertInto('clients')
        .values(rows.slice(i, i + 300) as never)
        .execute()
    const res = await head.post('/api/clients/reassign', {
      filter: { source: 'массово' },
      ownerId: m2.userId,
      reason: 'Перераспределение',
    })
    expect(res.statusCode).toBe(202)
    const started = res.json()
    expect(started).toMatchObject({ status: 'queued', changed: 0, total: 1203 })
    const queued = (await head.get(`/api/operations/${started.operationId}`)).json()
    expect(queued).toMatchObject({ status: 'queued', total: 1203, done: 0, type: 'clients.reassign' })
    // Someone else's operation is not even found.
    expect((await m1.get(`/api/operations/${started.operationId}`)).statusCode).toBe(404)
    // Nothing changed before the worker runs.
    expect(
      (await m2.get(`/api/clients?source=${encodeURIComponent('массово')}&ownerId=${m2.userId}`)).json()
        .total,
    ).toBe(0)

    await t.runJobs()
    const finished = (await head.get(`/api/operations/${started.operationId}`)).json()
    expect(finished).toMatchObject({ status: 'done', total: 1203, done: 1203, result: { changed: 1203 } })
    expect(finished.finishedAt).not.toBeNull()
    expect(
      (await m2.get(`/api/clients?source=${encodeURIComponent('массово')}&ownerId=${m2.userId}`)).json()
        .total,
    ).toBe(1203)
    const last = (
      await m2.get(`/api/clients?source=${encodeURIComponent('массово')}&sort=-name&pageSize=1`)
    ).json().items[0]
    const h = (await m2.get(`/api/clients/${last.id}/history`)).json().items[0]
    expect(h).toMatchObject({ action: 'reassign', actor: { id: head.userId } })
    expect(h.changes.reason).toEqual({ to: 'Перераспределение' })
    const bell = (await head.get('/api/notifications')).json().items
    expect(bell[0]).toMatchObject({
      type: 'operation.done',
      payload: { operationType: 'clients.reassign', changed: 1203 },
    })
    expect((await head.get('/api/operations')).json().items[0].id).toBe(started.operationId)
  })
})
