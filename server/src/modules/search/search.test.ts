import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { dialectOf } from '../../platform/db/database.ts'
import { makeInn, makeOgrn } from '../clients/index.ts'
import { rebuildSearchIndex } from './index.ts'

interface Item {
  kind: string
  id: number
  title: string
  subtitle: string
  match: string
  clientId: number | null
}

describe('global search', () => {
  let t: TestApp
  let a: Client
  let b: Client
  let romashka: { id: number; version: number }
  let elka: number
  let other: number
  const inn = makeInn('organization', '770812345')
  const ogrn = makeOgrn('102770012345')

  const search = async (c: Client, q: string) => {
    const res = await c.get(`/api/search?q=${encodeURIComponent(q)}`)
    expect(res.statusCode).toBe(200)
    return res.json().groups as { clients: Item[]; contacts: Item[] }
  }
  const clientIds = async (c: Client, q: string) => (await search(c, q)).clients.map((i) => i.id)

  beforeAll(async () => {
    t = await buildTestApp()
    const admin = await t.signIn('admin')
    const teamA = (await admin.post('/api/teams', { name: 'A' })).json().id
    const teamB = (await admin.post('/api/teams', { name: 'B' })).json().id
    a = await t.signIn('sales_manager', { teamId: teamA })
    b = await t.signIn('sales_manager', { teamId: teamB })
    const r = await a.post('/api/clients', {
      kind: 'organization',
      name: 'ООО «Ромашка»',
      inn,
      ogrn,
      channels: [
        { type: 'phone', value: '+7 (916) 555-12-34' },
        { type: 'email', value: 'Info@Romashka-Trade.ru' },
      ],
    })
    expect(r.statusCode).toBe(201)
    romashka = r.json()
    elka = (await a.post('/api/clients', { kind: 'organization', name: 'ЁЛКА' })).json().id
    await a.post('/api/clients', { kind: 'organization', name: 'Ромашковое поле' })
    await a.post('/api/clients', { kind: 'organization', name: 'Лесная ромашка' })
    other = (await b.post('/api/clients', { kind: 'organization', name: 'Ромашка Юг' })).json().id
    const contact = await a.post(`/api/clients/${romashka.id}/contacts`, {
      lastName: 'Семёнова',
      firstName: 'Алёна',
      channels: [
        { type: 'phone', value: '8 903 111-22-33' },
        { type: 'email', value: 'alena.semenova@example.org' },
      ],
    })
    expect(contact.statusCode).toBe(201)
    romashka = (await a.get(`/api/clients/${romashka.id}`)).json()
  })
  afterAll(() => t.close())

  it('finds clients by a Cyrillic word and word beginning, case- and ё/е-insensitively, best first', async () => {
    const found = await search(a, 'ромаш')
    expect(found.clients.map((i) => i.title)).toEqual(['Ромашковое поле', 'ООО «Ромашка»', 'Лесная ромашка'])
    expect(found.clients[1]).toMatchObject({
      kind: 'client',
      id: romashka.id,
      clientId: romashka.id,
      match: 'name',
    })
    expect(await clientIds(a, 'РОМАШКА')).toContain(romashka.id)
    expect(await clientIds(a, 'елка')).toEqual([elka])
    expect(await clientIds(a, 'ёлк')).toEqual([elka])
    expect(await clientIds(a, 'лес ром')).toHaveLength(1)
    expect(await clientIds(a, 'машка')).toEqual([])
  })

  it('finds by ИНН, ОГРН (whole or the beginning), phone in another format or by a middle part, and e-mail', async () => {
    const byInn = (await search(a, inn)).clients
    expect(byInn[0]).toMatchObject({ id: romashka.id, match: 'inn', subtitle: `ИНН ${inn}` })
    expect(await clientIds(a, inn.slice(0, 6))).toContain(romashka.id)
    expect((await search(a, ogrn)).clients[0]).toMatchObject({ id: romashka.id, match: 'ogrn' })
    const phone = (await search(a, '8 916 555 1234')).clients
    expect(phone[0]).toMatchObject({ id: romashka.id, match: 'phone' })
    expect(await clientIds(a, '55-12')).toContain(romashka.id)
    // The beginning of a number with the trunk 8, as people type it.
    expect(await clientIds(a, '8 916 555')).toContain(romashka.id)
    expect(await clientIds(a, '8(916)555')).toContain(romashka.id)
    expect(await clientIds(a, '6555')).toContain(romashka.id)
    expect((await search(a, 'romashka-tr')).clients[0]).toMatchObject({ id: romashka.id, match: 'email' })
    expect(await clientIds(a, 'info@romashka-trade.ru')).toEqual([romashka.id])
  })

  it('finds contact persons by name, phone and e-mail, pointing to their organization', async () => {
    for (const q of ['семенова', 'Алена Сем', '111-22', 'alena.sem']) {
      const found = await search(a, q)
      expect(found.contacts, q).toHaveLength(1)
      expect(found.contacts[0]).toMatchObject({
        kind: 'contact',
        title: 'Семёнова Алёна',
        clientId: romashka.id,
      })
    }
  })

  it('respects visibility: a manager of another team finds nothing of ours', async () => {
    expect(await clientIds(b, 'ромашка')).toEqual([other])
    for (const q of [inn, '916 555', 'romashka-trade', 'семенова', '111-22', 'ёлка'])
      expect(await search(b, q), q).toEqual({ clients: [], contacts: [] })
  })

  it('follows renames and deletions; the trash hides', async () => {
    const renamed = await a.patch(`/api/clients/${romashka.id}`, { name: 'ООО «Василёк»' }, romashka.version)
    expect(renamed.statusCode).toBe(200)
    expect(await clientIds(a, 'ромашка')).not.toContain(romashka.id)
    expect(await clientIds(a, 'василек')).toEqual([romashka.id])
    const v = renamed.json().version
    expect((await a.delete(`/api/clients/${romashka.id}`, v)).statusCode).toBe(204)
    expect(await clientIds(a, 'василек')).toEqual([])
    expect(await clientIds(a, inn)).toEqual([])
    expect((await search(a, 'семенова')).contacts).toEqual([])
    expect((await a.post(`/api/clients/${romashka.id}/restore`)).statusCode).toBe(200)
    expect(await clientIds(a, 'василек')).toEqual([romashka.id])
  })

  it('rebuilds its index from the tables', async () => {
    const db = t.db.handle.db
    await rebuildSearchIndex(db, dialectOf(db))
    expect(await clientIds(a, 'василек')).toEqual([romashka.id])
    expect(await clientIds(a, '6555')).toContain(romashka.id)
    expect((await search(a, 'семенова')).contacts).toHaveLength(1)
  })

  it('answers short or empty entries with empty groups, and needs signing in', async () => {
    expect(await search(a, 'р')).toEqual({ clients: [], contacts: [] })
    expect(await search(a, '')).toEqual({ clients: [], contacts: [] })
    expect((await t.app.inject({ method: 'GET', url: '/api/search?q=ромашка' })).statusCode).toBe(401)
  })
})
