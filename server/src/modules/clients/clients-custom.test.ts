import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'

describe('custom fields on clients', () => {
  let t: TestApp
  let admin: Client
  let m: Client
  let segment: { id: number; version: number }

  beforeAll(async () => {
    t = await buildTestApp()
    admin = await t.signIn('admin')
    m = await t.signIn('sales_manager', { locale: 'ru' })
    segment = (
      await admin.post('/api/custom-fields', {
        entity: 'client',
        appliesTo: 'organization',
        key: 'segment',
        labelRu: 'Сегмент',
        labelEn: 'Segment',
        type: 'select',
        options: [
          { value: 'horeca', labelRu: 'HoReCa', labelEn: 'HoReCa' },
          { value: 'retail', labelRu: 'Розница', labelEn: 'Retail' },
        ],
        isRequired: true,
        inList: true,
      })
    ).json()
    await admin.post('/api/custom-fields', {
      entity: 'client',
      key: 'turnover',
      labelRu: 'Оборот',
      labelEn: 'Turnover',
      type: 'money',
    })
  })
  afterAll(() => t.close())

  it('requires a required field, validates values in the user’s language, and shows them on the card', async () => {
    const missing = await m.post('/api/clients', { kind: 'organization', name: 'Без сегмента' })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.fields['custom.segment']).toMatch(/[а-я]/)
    const wrong = await m.post('/api/clients', {
      kind: 'organization',
      name: 'Ошибка',
      custom: { segment: 'space', turnover: 10.5 },
    })
    expect(Object.keys(wrong.json().error.fields).sort()).toEqual(['custom.segment', 'custom.turnover'])
    const person = await m.post('/api/clients', { kind: 'person', lastName: 'Ким', firstName: 'Ли' })
    expect(person.statusCode).toBe(201)
    const ok = await m.post('/api/clients', {
      kind: 'organization',
      name: 'Кафе',
      custom: { segment: 'horeca', turnover: 150000000 },
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json().custom).toEqual({ segment: 'horeca', turnover: 150000000 })
    await m.post('/api/clients', {
      kind: 'organization',
      name: 'Магазин',
      custom: { segment: 'retail', turnover: 90000000 },
    })
  })

  it('filters and sorts the list by custom fields', async () => {
    const horeca = (
      await m.get(
        `/api/clients?custom=${encodeURIComponent(JSON.stringify({ segment: { op: 'eq', value: 'horeca' } }))}`,
      )
    ).json()
    expect(horeca.items.map((c: { name: string }) => c.name)).toEqual(['Кафе'])
    const big = (
      await m.get(
        `/api/clients?custom=${encodeURIComponent(JSON.stringify({ turnover: { op: 'range', from: 100000000 } }))}`,
      )
    ).json()
    expect(big.items.map((c: { name: string }) => c.name)).toEqual(['Кафе'])
    const sorted = (await m.get('/api/clients?kind=organization&sort=-custom:turnover')).json()
    expect(sorted.items.map((c: { name: string }) => c.name)).toEqual(['Кафе', 'Магазин'])
    const unknown = await m.get(
      `/api/clients?custom=${encodeURIComponent(JSON.stringify({ nope: { op: 'empty' } }))}`,
    )
    expect(unknown.statusCode).toBe(400)
    expect((await m.get('/api/clients?sort=custom:nope')).statusCode).toBe(400)
  })

  it('hides the values of a deleted field without losing them', async () => {
    expect((await admin.delete(`/api/custom-fields/${segment.id}`, segment.version)).statusCode).toBe(204)
    const cafe = (await m.get(`/api/clients?q=${encodeURIComponent('Кафе')}`)).json().items[0]
    expect(cafe.custom).toEqual({ turnover: 150000000 })
    const row = await t.db.handle.db
      .selectFrom('clients')
      .select('custom')
      .where('id', '=', cafe.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(row.custom).segment).toBe('horeca')
  })
})
