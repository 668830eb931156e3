import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'

describe('contact persons', () => {
  let t: TestApp
  let a: Client
  let b: Client
  let orgA: number
  let orgA2: number
  let orgB: number

  beforeAll(async () => {
    t = await buildTestApp()
    const admin = await t.signIn('admin')
    const teamA = (await admin.post('/api/teams', { name: 'A' })).json().id
    const teamB = (await admin.post('/api/teams', { name: 'B' })).json().id
    a = await t.signIn('sales_manager', { teamId: teamA })
    b = await t.signIn('sales_manager', { teamId: teamB })
    orgA = (await a.post('/api/clients', { kind: 'organization', name: 'Альфа' })).json().id
    orgA2 = (await a.post('/api/clients', { kind: 'organization', name: 'Бета' })).json().id
    orgB = (await b.post('/api/clients', { kind: 'organization', name: 'Гамма' })).json().id
  })
  afterAll(() => t.close())

  it('adds a contact person with position, phones in any format, the first one primary, and records it in the client history', async () => {
    const res = await a.post(`/api/clients/${orgA}/contacts`, {
      lastName: 'Орлова',
      firstName: 'Вера',
      middleName: 'Павловна',
      position: 'Главный бухгалтер',
      department: 'Бухгалтерия',
      birthday: '1979-06-02',
      channels: [{ type: 'phone', value: '8 916 765 43 21' }],
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      name: 'Орлова Вера Павловна',
      position: 'Главный бухгалтер',
      isPrimary: true,
    })
    expect(res.json().channels[0].normalized).toBe('+79167654321')
    const history = (await a.get(`/api/clients/${orgA}/history`)).json().items
    expect(history[0]).toMatchObject({
      action: 'contact_added',
      changes: { contactPersons: { to: 'Орлова Вера Павловна, Главный бухгалтер' } },
    })
  })

  it('links the same person to a second organization with another role, and moves the primary mark', async () => {
    const vera = (await a.get(`/api/clients/${orgA}/contacts`)).json().items[0]
    const linked = await a.post(`/api/clients/${orgA2}/contacts`, {
      contactId: vera.id,
      position: 'Консультант',
      isPrimary: true,
    })
    expect(linked.statusCode).toBe(201)
    const person = (await a.get(`/api/contacts/${vera.id}`)).json()
    expect(person.organizations.map((o: { name: string; position: string }) => [o.name, o.position])).toEqual(
      [
        ['Альфа', 'Главный бухгалтер'],
        ['Бета', 'Консультант'],
      ],
    )
    const second = (
      await a.post(`/api/clients/${orgA}/contacts`, { lastName: 'Ким', firstName: 'Олег', isPrimary: true })
    ).json()
    const list = (await a.get(`/api/clients/${orgA}/contacts`)).json().items
    expect(list.map((c: { id: number; isPrimary: boolean }) => [c.id, c.isPrimary])).toEqual([
      [second.id, true],
      [vera.id, false],
    ])
    expect((await a.post(`/api/clients/${orgA2}/contacts`, { contactId: vera.id })).statusCode).toBe(409)
  })

  it('keeps contact persons of other teams’ clients invisible; a person linked elsewhere shows only visible organizations', async () => {
    const vera = (await a.get(`/api/clients/${orgA}/contacts`))
      .json()
      .items.find((c: { name: string }) => c.name.startsWith('Орлова'))
    expect((await b.get(`/api/contacts/${vera.id}`)).statusCode).toBe(404)
    expect((await b.get(`/api/clients/${orgA}/contacts`)).statusCode).toBe(404)
    expect((await b.post(`/api/clients/${orgA}/contacts`, { lastName: 'Чужой' })).statusCode).toBe(404)
    expect((await b.patch(`/api/contacts/${vera.id}`, { notes: 'x' }, vera.version)).statusCode).toBe(404)
    expect((await b.post(`/api/clients/${orgB}/contacts`, { contactId: vera.id })).statusCode).toBe(404)
    // linked by an administrator to B's organization, B sees the person with only B's link
    const admin = await t.signIn('admin')
    await admin.post(`/api/clients/${orgB}/contacts`, { contactId: vera.id, position: 'Аудитор' })
    const seenByB = (await b.get(`/api/contacts/${vera.id}`)).json()
    expect(seenByB.organizations.map((o: { name: string }) => o.name)).toEqual(['Гамма'])
    expect(seenByB.hiddenOrganizations).toBe(2)
  })

  it('edits a person with If-Match, and a stale edit is refused', async () => {
    const vera = (await a.get(`/api/clients/${orgA}/contacts`))
      .json()
      .items.find((c: { name: string }) => c.name.startsWith('Орлова'))
    const ok = await a.patch(
      `/api/contacts/${vera.id}`,
      { channels: [{ type: 'email', value: 'V.Orlova@Alfa.ru' }] },
      vera.version,
    )
    expect(ok.statusCode).toBe(200)
    expect(ok.json().channels).toEqual([
      expect.objectContaining({ type: 'email', normalized: 'v.orlova@alfa.ru' }),
    ])
    expect((await a.patch(`/api/contacts/${vera.id}`, { notes: 'old' }, vera.version)).statusCode).toBe(412)
    const bad = await a.patch(`/api/contacts/${vera.id}`, { lastName: '', firstName: '' }, ok.json().version)
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields)).toEqual(['lastName'])
  })

  it('finds contact persons by a name in any case, by a phone typed in another format and by e-mail', async () => {
    const admin = await t.signIn('admin')
    const found = async (who: Client, q: string) => {
      const res = await who.get(`/api/contacts?q=${encodeURIComponent(q)}`)
      expect(res.statusCode).toBe(200)
      return res.json().items as Array<{
        name: string
        organizations: Array<{ id: number; name: string; position: string }>
        phone: string | null
        email: string | null
      }>
    }
    const vera = await found(a, 'ОРЛОВА')
    expect(vera).toEqual([
      {
        id: expect.any(Number),
        name: 'Орлова Вера Павловна',
        organizations: [
          { id: orgA, name: 'Альфа', position: 'Главный бухгалтер' },
          { id: orgA2, name: 'Бета', position: 'Консультант' },
        ],
        personClient: null,
        phone: null,
        email: 'v.orlova@alfa.ru',
      },
    ])
    expect((await found(a, 'вера орлова')).map((c) => c.name)).toEqual(['Орлова Вера Павловна'])
    expect((await found(a, 'v.orlova@ALFA')).map((c) => c.name)).toEqual(['Орлова Вера Павловна'])
    // stored as +7 916 765-43-21, asked for with the trunk prefix and brackets
    await a.post(`/api/clients/${orgA}/contacts`, {
      lastName: 'Ёлкина',
      firstName: 'Анна',
      channels: [{ type: 'phone', value: '+7 916 765-43-22' }],
    })
    expect((await found(a, '8 (916) 765-43-22')).map((c) => c.name)).toEqual(['Ёлкина Анна'])
    expect((await found(a, '765-43-22')).map((c) => c.name)).toEqual(['Ёлкина Анна'])
    expect((await found(a, 'елкина')).map((c) => [c.name, c.phone])).toEqual([
      ['Ёлкина Анна', '+7 916 765 43 22'],
    ])
    expect(await found(a, 'Нет такого')).toEqual([])
    // B sees Vera through its own organization only, and never A's people
    expect((await found(b, 'орлова')).map((c) => c.organizations.map((o) => o.name))).toEqual([['Гамма']])
    expect(await found(b, 'Ёлкина')).toEqual([])
    expect(await found(b, '765-43-22')).toEqual([])
    expect((await found(b, '')).map((c) => c.name)).toEqual(['Орлова Вера Павловна'])
    expect((await found(admin, 'елкина')).map((c) => c.organizations.map((o) => o.name))).toEqual([['Альфа']])
    expect((await a.get('/api/contacts?limit=51')).statusCode).toBe(400)
    const limited = await a.get('/api/contacts?limit=1')
    expect(limited.json().items).toHaveLength(1)
  })

  it('shows a person-client who is also a contact person elsewhere with both sides', async () => {
    const person = (
      await a.post('/api/clients', { kind: 'person', lastName: 'Зайцев', firstName: 'Пётр' })
    ).json()
    const contact = (
      await a.post(`/api/clients/${orgA2}/contacts`, {
        lastName: 'Зайцев',
        firstName: 'Пётр',
        personClientId: person.id,
        position: 'Юрист',
        role: 'ЛПР',
      })
    ).json()
    const card = (await a.get(`/api/contacts/${contact.id}`)).json()
    expect(card.personClient).toEqual({ id: person.id, name: 'Зайцев Пётр' })
    expect(card.organizations).toEqual([
      {
        clientId: orgA2,
        name: 'Бета',
        position: 'Юрист',
        department: '',
        role: 'ЛПР',
        isPrimary: false,
      },
    ])
    const found = (await a.get(`/api/contacts?q=${encodeURIComponent('пётр зайцев')}`)).json().items
    expect(found.map((c: { personClient: unknown }) => c.personClient)).toEqual([
      { id: person.id, name: 'Зайцев Пётр' },
    ])
  })

  it('removes a link; the person is deleted when linked nowhere else', async () => {
    const kim = (await a.get(`/api/clients/${orgA}/contacts`))
      .json()
      .items.find((c: { name: string }) => c.name === 'Ким Олег')
    expect((await a.delete(`/api/clients/${orgA}/contacts/${kim.id}`)).statusCode).toBe(204)
    expect((await a.get(`/api/contacts/${kim.id}`)).statusCode).toBe(404)
    const person = await a.post('/api/clients', { kind: 'person', lastName: 'Ли', firstName: 'Ан' })
    const refused = await a.post(`/api/clients/${person.json().id}/contacts`, { lastName: 'X' })
    expect(refused.statusCode).toBe(409)
  })
})
