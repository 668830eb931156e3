import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { findCustomFields } from './index.ts'

describe('custom field definitions', () => {
  let t: TestApp
  let admin: Client
  let ru: Client
  let sales: Client

  beforeAll(async () => {
    t = await buildTestApp()
    admin = await t.signIn('admin')
    ru = await t.signIn('admin', { locale: 'ru' })
    sales = await t.signIn('sales_manager')
  })
  afterAll(() => t.close())

  const region = {
    entity: 'client',
    appliesTo: 'organization',
    key: 'region',
    labelRu: 'Регион',
    labelEn: 'Region',
    type: 'select',
    options: [
      { value: 'msk', labelRu: 'Москва', labelEn: 'Moscow' },
      { value: 'spb', labelRu: 'Санкт-Петербург', labelEn: 'Saint Petersburg' },
    ],
    isRequired: true,
    inList: true,
  }

  it('creates a field with an ETag and an audit entry, and lists it to every employee in their language', async () => {
    const res = await admin.post('/api/custom-fields', region)
    expect(res.statusCode).toBe(201)
    expect(res.headers.etag).toBe('"1"')
    const field = res.json()
    expect(field).toMatchObject({
      entity: 'client',
      appliesTo: 'organization',
      key: 'region',
      label: 'Region',
      type: 'select',
      isRequired: true,
      inList: true,
      position: 0,
      version: 1,
      options: [
        { value: 'msk', labelRu: 'Москва', labelEn: 'Moscow', label: 'Moscow' },
        { value: 'spb', labelRu: 'Санкт-Петербург', labelEn: 'Saint Petersburg', label: 'Saint Petersburg' },
      ],
    })

    const second = await admin.post('/api/custom-fields', {
      entity: 'client',
      key: 'budget',
      labelRu: 'Бюджет',
      type: 'money',
    })
    expect(second.statusCode).toBe(201)
    expect(second.json()).toMatchObject({
      appliesTo: 'all',
      position: 1,
      label: 'Бюджет',
      labelEn: '',
      options: [],
    })

    const list = await sales.get('/api/custom-fields?entity=client')
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((f: { key: string }) => f.key)).toEqual(['region', 'budget'])
    const ruList = (await ru.get('/api/custom-fields')).json().items
    expect(ruList[0].label).toBe('Регион')
    expect(ruList[0].options[1].label).toBe('Санкт-Петербург')

    const audit = (await admin.get(`/api/audit?entityType=custom_field&entityId=${field.id}`)).json().items
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      action: 'create',
      entityType: 'custom_field',
      actor: { id: admin.userId },
    })
    expect(audit[0].changes.key).toEqual({ to: 'region' })
    expect(audit[0].changes.options.to).toHaveLength(2)

    const defs = await findCustomFields(t.db.handle.db, 'client')
    expect(defs[0]).toEqual({
      id: field.id,
      entity: 'client',
      appliesTo: 'organization',
      key: 'region',
      labelRu: 'Регион',
      labelEn: 'Region',
      type: 'select',
      options: [
        { value: 'msk', labelRu: 'Москва', labelEn: 'Moscow' },
        { value: 'spb', labelRu: 'Санкт-Петербург', labelEn: 'Saint Petersburg' },
      ],
      isRequired: true,
      inList: true,
      position: 0,
    })
  })

  it('refuses a duplicate key with 409 on the key field, in Russian', async () => {
    const res = await ru.post('/api/custom-fields', { ...region, labelEn: 'Another' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({
      code: 'conflict',
      fields: { key: 'Поле с таким ключом уже есть.' },
    })
  })

  it('gives field-level errors in Russian and stores nothing', async () => {
    const before = (await admin.get('/api/custom-fields')).json().items.length
    const badKey = await ru.post('/api/custom-fields', { ...region, key: 'Bad Key', type: 'wrong' })
    expect(badKey.statusCode).toBe(400)
    expect(badKey.json().error.message).toBe('Некоторые поля заполнены неверно.')
    expect(Object.keys(badKey.json().error.fields).sort()).toEqual(['key', 'type'])
    expect(badKey.json().error.fields.key).toMatch(/[а-я]/)

    const noOptions = await ru.post('/api/custom-fields', { ...region, key: 'no_options', options: [] })
    expect(noOptions.json().error.fields).toEqual({ options: 'Добавьте хотя бы один вариант.' })

    const dup = await ru.post('/api/custom-fields', {
      ...region,
      key: 'dup_options',
      labelRu: '',
      labelEn: '',
      options: [{ value: 'a' }, { value: 'b' }, { value: 'a' }],
    })
    expect(dup.statusCode).toBe(400)
    expect(dup.json().error.fields).toEqual({
      'options.2.value': 'Вариант «a» уже есть в списке.',
      labelRu: 'Введите название на русском или английском.',
      labelEn: 'Введите название на русском или английском.',
    })

    const forbidden = await ru.post('/api/custom-fields', {
      entity: 'client',
      key: 'note_text',
      labelRu: 'Заметка',
      type: 'text',
      options: [{ value: 'x' }],
    })
    expect(forbidden.json().error.fields).toEqual({
      options: 'Варианты бывают только у полей-списков (выбор одного или нескольких).',
    })

    const reserved = await ru.post('/api/custom-fields', {
      entity: 'client',
      key: 'constructor',
      labelRu: 'Конструктор',
      type: 'text',
    })
    expect(reserved.json().error.fields).toEqual({ key: 'Этот ключ зарезервирован, выберите другой.' })

    expect((await admin.get('/api/custom-fields')).json().items.length).toBe(before)
  })

  it('changes a field with If-Match, refuses a stale version with 412, and keeps type and key', async () => {
    const created = (
      await admin.post('/api/custom-fields', {
        entity: 'client',
        key: 'segment',
        labelRu: 'Сегмент',
        labelEn: 'Segment',
        type: 'multiselect',
        options: [{ value: 'a', labelEn: 'A' }, { value: 'b' }],
      })
    ).json()

    expect((await admin.patch(`/api/custom-fields/${created.id}`, { inList: true })).statusCode).toBe(428)

    const changed = await admin.patch(
      `/api/custom-fields/${created.id}`,
      {
        labelEn: 'Market segment',
        options: [{ value: 'b', labelRu: 'Б' }],
        appliesTo: 'person',
        position: 7,
      },
      created.version,
    )
    expect(changed.statusCode).toBe(200)
    expect(changed.headers.etag).toBe(`"${created.version + 1}"`)
    expect(changed.json()).toMatchObject({
      label: 'Market segment',
      appliesTo: 'person',
      position: 7,
      options: [{ value: 'b', labelRu: 'Б', labelEn: '', label: 'Б' }],
    })

    const stale = await admin.patch(`/api/custom-fields/${created.id}`, { inList: true }, created.version)
    expect(stale.statusCode).toBe(412)
    expect(
      (await admin.get('/api/custom-fields')).json().items.find((f: { id: number }) => f.id === created.id),
    ).toMatchObject({ inList: false, version: created.version + 1 })

    const immutable = await ru.patch(
      `/api/custom-fields/${created.id}`,
      { type: 'select', key: 'segment2', options: [] },
      created.version + 1,
    )
    expect(immutable.statusCode).toBe(400)
    expect(immutable.json().error.fields).toEqual({
      type: 'Тип поля изменить нельзя. Добавьте новое поле.',
      key: 'Ключ поля изменить нельзя.',
      options: 'Добавьте хотя бы один вариант.',
    })
    // Sending the unchanged type and key along with other changes is fine.
    const same = await admin.patch(
      `/api/custom-fields/${created.id}`,
      { type: 'multiselect', key: 'segment', isRequired: true },
      created.version + 1,
    )
    expect(same.statusCode).toBe(200)
    expect(same.json().isRequired).toBe(true)

    const audit = (await admin.get(`/api/audit?entityType=custom_field&entityId=${created.id}`)).json().items
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['update', 'update', 'create'])
    expect(audit[1].changes.labelEn).toEqual({ from: 'Segment', to: 'Market segment' })
    expect(audit[1].changes.appliesTo).toEqual({ from: 'all', to: 'person' })
  })

  it('deletes a field with If-Match, audited with the state before', async () => {
    const created = (
      await admin.post('/api/custom-fields', {
        entity: 'client',
        key: 'temp',
        labelEn: 'Temp',
        type: 'boolean',
      })
    ).json()
    expect((await admin.delete(`/api/custom-fields/${created.id}`)).statusCode).toBe(428)
    expect((await admin.delete(`/api/custom-fields/${created.id}`, created.version + 1)).statusCode).toBe(412)
    const res = await admin.delete(`/api/custom-fields/${created.id}`, created.version)
    expect(res.statusCode).toBe(204)
    const keys = (await admin.get('/api/custom-fields')).json().items.map((f: { key: string }) => f.key)
    expect(keys).not.toContain('temp')
    expect((await admin.delete(`/api/custom-fields/${created.id}`, created.version)).statusCode).toBe(404)
    const audit = (await admin.get(`/api/audit?entityType=custom_field&entityId=${created.id}`)).json().items
    expect(audit[0]).toMatchObject({ action: 'delete' })
    expect(audit[0].changes.key).toEqual({ from: 'temp' })
    expect(audit[0].changes.type).toEqual({ from: 'boolean' })

    // The key is free again.
    const again = await admin.post('/api/custom-fields', {
      entity: 'client',
      key: 'temp',
      labelEn: 'Temp',
      type: 'date',
    })
    expect(again.statusCode).toBe(201)
  })

  it('lets only administrators change definitions', async () => {
    const list = (await admin.get('/api/custom-fields')).json().items
    const target = list[0]
    const create = await sales.post('/api/custom-fields', { ...region, key: 'sneaky' })
    expect(create.statusCode).toBe(403)
    expect(
      (await sales.patch(`/api/custom-fields/${target.id}`, { inList: false }, target.version)).statusCode,
    ).toBe(403)
    expect((await sales.delete(`/api/custom-fields/${target.id}`, target.version)).statusCode).toBe(403)
    const after = (await admin.get('/api/custom-fields')).json().items
    expect(after).toEqual(list)
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/custom-fields' })
    expect(anonymous.statusCode).toBe(401)
  })
})
