import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'

const ORG = {
  kind: 'organization',
  name: 'Ромашка',
  fullName: 'Общество с ограниченной ответственностью «Ромашка»',
  legalForm: 'ООО',
  inn: '7707083893',
  kpp: '773601001',
  ogrn: '1027700132195',
  legalAddress: 'Москва, ул. Вавилова, 19',
  channels: [
    { type: 'phone', value: '8 (916) 123-45-67' },
    { type: 'email', value: 'Info@Romashka.RU' },
  ],
  bankAccounts: [
    {
      bik: '044525225',
      bankName: 'ПАО Сбербанк',
      account: '40702810938000000001',
      corrAccount: '30101810400000000225',
    },
  ],
}

describe('clients: the dossier', () => {
  let t: TestApp
  let admin: Client
  let teamA: number
  let teamB: number
  let managerA: Client
  let managerB: Client
  let headA: Client

  beforeAll(async () => {
    t = await buildTestApp()
    admin = await t.signIn('admin')
    teamA = (await admin.post('/api/teams', { name: 'A' })).json().id
    teamB = (await admin.post('/api/teams', { name: 'B' })).json().id
    managerA = await t.signIn('sales_manager', { teamId: teamA })
    managerB = await t.signIn('sales_manager', { teamId: teamB, locale: 'ru' })
    headA = await t.signIn('head_of_sales', { teamId: teamA })
  })
  afterAll(() => t.close())

  it('creates an organization with checked requisites, E.164 phones and the creator as owner', async () => {
    const res = await managerA.post('/api/clients', ORG)
    expect(res.statusCode).toBe(201)
    const c = res.json()
    expect(c).toMatchObject({
      kind: 'organization',
      name: 'Ромашка',
      inn: '7707083893',
      kpp: '773601001',
      owner: { id: managerA.userId },
      team: { id: teamA },
      duplicates: [],
    })
    expect(c.channels.map((ch: { normalized: string }) => ch.normalized)).toEqual([
      '+79161234567',
      'info@romashka.ru',
    ])
    expect(c.channels[0].isPrimary).toBe(true)
    expect(c.bankAccounts[0]).toMatchObject({
      bik: '044525225',
      account: '40702810938000000001',
      isPrimary: true,
    })
    expect(c.completeness).toBeGreaterThan(50)
    expect(c.missing).toContain('industry')
    expect(res.headers.etag).toBe('"1"')
  })

  it('says which requisite failed and why, in the user’s language, and stores nothing', async () => {
    const before = (await managerB.get('/api/clients')).json().total
    const res = await managerB.post('/api/clients', {
      ...ORG,
      name: 'Опечатка',
      inn: '7707083894',
      kpp: '77360100',
      ogrn: '1027700132194',
      bankAccounts: [{ bik: '044525225', account: '40702810138000000001' }],
      channels: [{ type: 'phone', value: '12' }],
    })
    expect(res.statusCode).toBe(400)
    const { fields, message } = res.json().error
    expect(message).toBe('Некоторые поля заполнены неверно.')
    expect(fields.inn).toBe('ИНН: не сходится контрольное число — проверьте, нет ли опечатки.')
    expect(fields.kpp).toMatch(/^КПП: должно быть цифр — 9/)
    expect(fields.ogrn).toMatch(/^ОГРН: не сходится контрольное число/)
    expect(fields['bankAccounts.0.account']).toMatch(/^р\/с: не сходится/)
    expect(fields['channels.0.value']).toBeTruthy()
    expect((await managerB.get('/api/clients')).json().total).toBe(before)
  })

  it('checks a sole proprietor and a person by their 12-digit ИНН; foreign organizations skip the checks', async () => {
    const ip = await managerA.post('/api/clients', {
      kind: 'organization',
      legalForm: 'ИП',
      name: 'ИП Петров',
      inn: '500100732259',
      ogrn: '304500116000157',
    })
    expect(ip.statusCode).toBe(201)
    const ipKpp = await managerA.post('/api/clients', {
      kind: 'organization',
      legalForm: 'ИП',
      name: 'ИП Сидоров',
      inn: '500100732259',
      kpp: '773601001',
    })
    expect(ipKpp.statusCode).toBe(400)
    expect(Object.keys(ipKpp.json().error.fields)).toEqual(['kpp'])
    const person = await managerA.post('/api/clients', {
      kind: 'person',
      lastName: 'Иванова',
      firstName: 'Анна',
      middleName: 'Сергеевна',
      inn: '123456789047',
      birthDate: '1985-03-14',
    })
    expect(person.statusCode).toBe(201)
    expect(person.json().name).toBe('Иванова Анна Сергеевна')
    const badPerson = await managerA.post('/api/clients', {
      kind: 'person',
      firstName: 'Без фамилии',
      inn: '7707083893',
      fullName: 'x',
    })
    expect(Object.keys(badPerson.json().error.fields).sort()).toEqual(['fullName', 'inn', 'lastName'])
    const foreign = await managerA.post('/api/clients', {
      kind: 'organization',
      isForeign: true,
      name: 'Acme GmbH',
      inn: 'DE123456789',
    })
    expect(foreign.statusCode).toBe(201)
    expect(foreign.json()).toMatchObject({ inn: 'DE123456789', legalForm: 'foreign' })
  })

  it('keeps other teams’ clients invisible and unchangeable (404, nothing changed); the head sees the team', async () => {
    const mine = (
      await managerA.post('/api/clients', { kind: 'organization', name: 'Секретная', inn: '1234567894' })
    ).json()
    expect((await managerB.get(`/api/clients/${mine.id}`)).statusCode).toBe(404)
    expect(
      (await managerB.patch(`/api/clients/${mine.id}`, { name: 'Взлом' }, mine.version)).statusCode,
    ).toBe(404)
    expect((await managerB.delete(`/api/clients/${mine.id}`, mine.version)).statusCode).toBe(404)
    expect((await managerB.get(`/api/clients/${mine.id}/history`)).statusCode).toBe(404)
    const listB = (await managerB.get('/api/clients?pageSize=200')).json()
    expect(listB.items.some((c: { id: number }) => c.id === mine.id)).toBe(false)
    expect((await admin.get(`/api/clients/${mine.id}`)).json()).toMatchObject({
      name: 'Секретная',
      version: 1,
    })
    expect((await headA.get(`/api/clients/${mine.id}`)).statusCode).toBe(200)
    const marketer = await t.signIn('marketer')
    expect((await marketer.get(`/api/clients/${mine.id}`)).statusCode).toBe(200)
    expect((await marketer.patch(`/api/clients/${mine.id}`, { name: 'X' }, 1)).statusCode).toBe(403)
  })

  it('refuses a stale save with 412 and a message that says what to do; history keeps both authors', async () => {
    const c = (
      await managerA.post('/api/clients', { kind: 'organization', name: 'Конкурс', source: 'выставка' })
    ).json()
    const first = await headA.patch(
      `/api/clients/${c.id}`,
      { description: 'Позвонить в понедельник' },
      c.version,
    )
    expect(first.statusCode).toBe(200)
    const stale = await managerA.patch(`/api/clients/${c.id}`, { industry: 'Розница' }, c.version)
    expect(stale.statusCode).toBe(412)
    expect(stale.json().error.message).toMatch(/Reload it to see their changes/)
    const second = await managerA.patch(`/api/clients/${c.id}`, { industry: 'Розница' }, first.json().version)
    expect(second.statusCode).toBe(200)
    expect(second.json()).toMatchObject({ description: 'Позвонить в понедельник', industry: 'Розница' })
    const history = (await managerA.get(`/api/clients/${c.id}/history`)).json().items
    expect(history.map((h: { actor: { id: number } }) => h.actor.id)).toEqual([
      managerA.userId,
      headA.userId,
      managerA.userId,
    ])
    expect(history[0].changes).toEqual({ industry: { from: '', to: 'Розница' } })
    expect(history[1].changes).toEqual({ description: { from: '', to: 'Позвонить в понедельник' } })
  })

  it('warns about likely duplicates: same ИНН, same phone in another format, very similar name — hiding what the user may not see', async () => {
    const original = (
      await managerA.post('/api/clients', {
        kind: 'organization',
        legalForm: 'ООО',
        name: 'Василёк Трейд',
        inn: '7728168971',
        channels: [{ type: 'phone', value: '+7 495 111-22-33' }],
      })
    ).json()
    const byInn = (
      await managerA.post('/api/clients', { kind: 'organization', name: 'Другое имя', inn: '7728168971' })
    ).json()
    expect(byInn.duplicates).toEqual([
      expect.objectContaining({ id: original.id, reasons: ['inn'], visible: true }),
    ])
    const byPhone = await managerA.get(`/api/clients/duplicates?phone=${encodeURIComponent('8 495 1112233')}`)
    expect(byPhone.json().items.map((d: { id: number }) => d.id)).toContain(original.id)
    const byName = await managerA.get(
      `/api/clients/duplicates?name=${encodeURIComponent('ООО «ВАСИЛЕК ТРЕЙД»')}`,
    )
    expect(byName.json().items.map((d: { id: number }) => d.id)).toContain(original.id)
    const fromOtherTeam = (await managerB.get('/api/clients/duplicates?inn=7728168971')).json().items
    expect(fromOtherTeam[0]).toMatchObject({ visible: false, name: '', inn: null })
  })

  it('lists with search (Cyrillic any case, ё = е, phone digits), filters, multi-key sort and pages', async () => {
    const list = async (query: string) => (await managerA.get(`/api/clients?${query}`)).json()
    expect(
      (await list(`q=${encodeURIComponent('ромаШКА')}`)).items.map((c: { name: string }) => c.name),
    ).toEqual(['Ромашка'])
    expect((await list(`q=${encodeURIComponent('василек')}`)).items[0].name).toBe('Василёк Трейд')
    expect((await list('q=1112233')).items.map((c: { name: string }) => c.name)).toEqual(['Василёк Трейд'])
    expect((await list('q=romashka.ru')).items.map((c: { name: string }) => c.name)).toEqual(['Ромашка'])
    const persons = await list('kind=person')
    expect(persons.items.every((c: { kind: string }) => c.kind === 'person')).toBe(true)
    const sorted = await list('sort=kind,-name&pageSize=100')
    const keys = sorted.items.map((c: { kind: string; name: string }) => [c.kind, c.name])
    const expected = [...keys].sort(
      (a, b) => a[0].localeCompare(b[0]) || (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0),
    )
    expect(keys).toEqual(expected)
    const paged = await list('pageSize=2&page=2&sort=name')
    expect(paged.items).toHaveLength(2)
    expect(paged.total).toBe(sorted.total)
    const bad = await managerA.get('/api/clients?sort=search')
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields)).toEqual(['sort'])
  })

  it('moves to the trash and back; only an administrator purges, and only from the trash', async () => {
    const c = (await managerA.post('/api/clients', { kind: 'organization', name: 'Временная' })).json()
    expect((await managerA.delete(`/api/clients/${c.id}`, c.version)).statusCode).toBe(204)
    expect((await managerA.get(`/api/clients?q=${encodeURIComponent('Временная')}`)).json().total).toBe(0)
    expect(
      (await managerA.get('/api/clients?trash=true')).json().items.map((x: { id: number }) => x.id),
    ).toContain(c.id)
    const marketer = await t.signIn('marketer')
    expect((await marketer.get('/api/clients?trash=true')).statusCode).toBe(403)
    expect((await marketer.get(`/api/clients/${c.id}`)).statusCode).toBe(404)
    const restored = await managerA.post(`/api/clients/${c.id}/restore`)
    expect(restored.statusCode).toBe(200)
    expect((await managerA.get(`/api/clients?q=${encodeURIComponent('Временная')}`)).json().total).toBe(1)
    expect((await admin.delete(`/api/clients/${c.id}/purge`)).statusCode).toBe(409)
    await managerA.delete(`/api/clients/${c.id}`, restored.json().version)
    expect((await managerA.delete(`/api/clients/${c.id}/purge`)).statusCode).toBe(403)
    expect((await admin.delete(`/api/clients/${c.id}/purge`)).statusCode).toBe(204)
    expect((await admin.get(`/api/clients/${c.id}`)).statusCode).toBe(404)
    const trail = (await admin.get(`/api/audit?entityType=client&entityId=${c.id}`)).json().items
    expect(trail.map((e: { action: string }) => e.action)).toEqual([
      'purge',
      'delete',
      'restore',
      'delete',
      'create',
    ])
  })

  it('lets only those allowed give a client to someone else', async () => {
    const c = (await managerA.post('/api/clients', { kind: 'organization', name: 'Передача' })).json()
    const refused = await managerA.patch(`/api/clients/${c.id}`, { ownerId: managerB.userId }, c.version)
    expect(refused.statusCode).toBe(403)
    const byHead = await headA.patch(`/api/clients/${c.id}`, { ownerId: managerB.userId }, c.version)
    expect(byHead.statusCode).toBe(200)
    expect(byHead.json()).toMatchObject({ owner: { id: managerB.userId }, team: { id: teamB } })
    expect((await managerB.get(`/api/clients/${c.id}`)).statusCode).toBe(200)
    expect((await managerA.get(`/api/clients/${c.id}`)).statusCode).toBe(404)
  })
})
