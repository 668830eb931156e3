import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { OPERATION_STEPS } from '../../jobs.ts'
import { FileStorage } from '../../platform/files/file-storage.ts'
import { runOperationStep } from '../operations/index.ts'
import { IMPORT_OPERATION, importStep } from './imports.service.ts'

function cp1251(text: string): Buffer {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0)
    else if (ch === 'Ё') out.push(0xa8)
    else if (ch === 'ё') out.push(0xb8)
    else if (ch === '«') out.push(0xab)
    else if (ch === '»') out.push(0xbb)
    else throw new Error(`no cp1251 byte for ${ch}`)
  }
  return Buffer.from(out)
}

function upload(as: Client, name: string, bytes: Buffer) {
  const boundary = `----mmcrm${Math.random().toString(16).slice(2)}`
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return as.request({
    method: 'POST',
    url: '/api/imports',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
}

interface ImportDto {
  id: number
  status: string
  version: number
  headers: string[]
  mapping: Array<string | null>
  rowCount: number
  report: { total: number; create: number; update: number; skip: number; error: number } | null
  format: { kind: string; encoding?: string; delimiter?: string; sheets?: string[]; sheet?: string }
  sample: string[][]
}

describe('importing clients', () => {
  let t: TestApp
  let filesDir: string
  let admin: Client
  let head: Client
  let otherHead: Client

  beforeAll(async () => {
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-import-'))
    t = await buildTestApp({ filesDir })
    admin = await t.signIn('admin')
    const team = (await admin.post('/api/teams', { name: 'Sales' })).json().id
    const team2 = (await admin.post('/api/teams', { name: 'Other' })).json().id
    head = await t.signIn('head_of_sales', { teamId: team, locale: 'ru' })
    otherHead = await t.signIn('head_of_sales', { teamId: team2 })
    await admin.post('/api/custom-fields', {
      entity: 'client',
      key: 'turnover',
      labelRu: 'Оборот',
      labelEn: 'Turnover',
      type: 'money',
    })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(filesDir, { recursive: true, force: true })
  })

  async function prepare(as: Client, name: string, bytes: Buffer, patch: Record<string, unknown> = {}) {
    const res = await upload(as, name, bytes)
    expect(res.statusCode, res.body).toBe(201)
    let imp = res.json() as ImportDto
    if (Object.keys(patch).length) {
      const p = await as.patch(`/api/imports/${imp.id}`, patch, imp.version)
      expect(p.statusCode, p.body).toBe(200)
      imp = p.json()
    }
    return imp
  }

  async function runToEnd(as: Client, id: number) {
    const run = await as.post(`/api/imports/${id}/run`)
    expect(run.statusCode, run.body).toBe(202)
    await t.runJobs()
    const imp = (await as.get(`/api/imports/${id}`)).json() as ImportDto
    return imp
  }

  async function clientsNamed(as: Client, q: string) {
    return (await as.get(`/api/clients?q=${encodeURIComponent(q)}&pageSize=200`)).json().items as Array<{
      id: number
      name: string
      inn: string | null
    }>
  }

  it('reads a Windows-1251 `;` CSV with quotes and line breaks, checks it (nothing written), imports it', async () => {
    const csv = [
      'Наименование;ИНН;КПП;Телефон;E-mail;Дата рождения;Оборот;Комментарий',
      'ООО «Ромашка»;7707083893;773601001;8 (495) 123-45-67;info@romashka.example;;1 234,50;"Многострочный',
      'комментарий; с ""кавычками"""',
      'Лютик;7707083894;;+7 916 000-00-01;;;;плохой ИНН',
      'Василёк;;;;not-an-email;;;',
    ].join('\r\n')
    const imp = await prepare(head, 'клиенты.csv', cp1251(csv))
    expect(imp.format).toEqual({ kind: 'csv', encoding: 'windows-1251', delimiter: ';' })
    expect(imp.rowCount).toBe(3)
    expect(imp.mapping).toEqual([
      'name',
      'inn',
      'kpp',
      'phone',
      'email',
      'birthDate',
      'custom.turnover',
      'description',
    ])
    expect(imp.sample[0]![7]).toBe('Многострочный\r\nкомментарий; с "кавычками"')

    const check = await head.post(`/api/imports/${imp.id}/check`)
    expect(check.statusCode, check.body).toBe(200)
    expect(check.json().report).toEqual({ total: 3, create: 1, update: 0, skip: 0, error: 2 })
    expect(await clientsNamed(admin, 'Ромашка')).toHaveLength(0)
    const errors = (await head.get(`/api/imports/${imp.id}/rows?status=error`)).json()
    expect(errors.total).toBe(2)
    expect(errors.items[0]).toMatchObject({ row: 3, name: 'Лютик', errors: [{ column: 1, field: 'inn' }] })
    expect(errors.items[0].errors[0].message).toMatch(/ИНН|контрольн/i)
    expect(errors.items[1].errors[0]).toMatchObject({ column: 4, field: 'channels.0.value' })

    const done = await runToEnd(head, imp.id)
    expect(done.status).toBe('done')
    expect(done.report).toEqual({ total: 3, create: 1, update: 0, skip: 0, error: 2 })
    const [romashka] = await clientsNamed(head, 'Ромашка')
    const card = (await head.get(`/api/clients/${romashka!.id}`)).json()
    expect(card).toMatchObject({ name: 'ООО «Ромашка»', inn: '7707083893', kpp: '773601001' })
    expect(card.custom).toEqual({ turnover: 123450 })
    expect(card.description).toBe('Многострочный\r\nкомментарий; с "кавычками"')
    expect(card.channels.map((c: { normalized: string }) => c.normalized)).toEqual([
      '+74951234567',
      'info@romashka.example',
    ])
    const history = (await admin.get(`/api/audit?entityType=client&entityId=${romashka!.id}`)).json()
    expect(
      history.items.some(
        (e: { source: string; action: string }) => e.source === 'import' && e.action === 'create',
      ),
    ).toBe(true)

    const report = await head.get(`/api/imports/${imp.id}/report.csv`)
    expect(report.statusCode).toBe(200)
    expect(report.headers['content-disposition']).toMatch(/^attachment;/)
    expect(report.body).toContain('Лютик'.length ? '3;Лютик;ИНН;inn;' : '')

    // The same file again creates nothing new, whatever the policy.
    const again = await prepare(head, 'клиенты.csv', cp1251(csv), { settings: { policy: 'create' } })
    const second = await runToEnd(head, again.id)
    expect(second.report).toMatchObject({ create: 0, skip: 1, error: 2 })
    expect(await clientsNamed(admin, 'Ромашка')).toHaveLength(1)
  })

  it('applies each duplicate policy, matching by ИНН, e-mail and phone, also within the file', async () => {
    const base = await head.post('/api/clients', {
      kind: 'organization',
      name: 'Политика',
      inn: '1234567894',
      industry: 'Торговля',
      channels: [{ type: 'email', value: 'p@policy.example' }],
    })
    expect(base.statusCode, base.body).toBe(201)
    const id = base.json().id
    const csv = (extra: string) =>
      Buffer.from(
        `Название;ИНН;Отрасль;Источник;E-mail\r\nПолитика новая;1234567894;Строительство;${extra};\r\nДругая;;;;p@policy.example\r\nВнутри файла;;;;in@file.example\r\nВнутри файла 2;;;;in@file.example\r\n`,
      )
    const outcome = async (policy: string, extra: string) => {
      const imp = await prepare(head, `p-${policy}.csv`, csv(extra), { settings: { policy } })
      const check = (await head.post(`/api/imports/${imp.id}/check`)).json() as ImportDto
      const done = await runToEnd(head, imp.id)
      expect(done.report, policy).toEqual(check.report)
      return { report: done.report, card: (await head.get(`/api/clients/${id}`)).json() }
    }
    const skip = await outcome('skip', 'a')
    expect(skip.report).toEqual({ total: 4, create: 1, update: 0, skip: 3, error: 0 })
    expect(skip.card).toMatchObject({ name: 'Политика', industry: 'Торговля', source: '' })
    const empty = await outcome('update_empty', 'b')
    expect(empty.report).toMatchObject({ create: 0, update: 1 })
    expect(empty.card).toMatchObject({ name: 'Политика', industry: 'Торговля', source: 'b' })
    const over = await outcome('overwrite', 'c')
    expect(over.card).toMatchObject({ name: 'Другая', industry: 'Строительство', source: 'c' })
    const create = await outcome('create', 'd')
    expect(create.report).toEqual({ total: 4, create: 4, update: 0, skip: 0, error: 0 })

    // Rollback of the overwrite: the old values come back (audited as the import).
    const imports = (await head.get('/api/imports')).json().items as ImportDto[]
    const overwriteImport = imports.find(
      (i) => i.headers && (i as unknown as { fileName: string }).fileName === 'p-overwrite.csv',
    )!
    const rb = await head.post(`/api/imports/${overwriteImport.id}/rollback`)
    expect(rb.statusCode, rb.body).toBe(202)
    await t.runJobs()
    expect((await head.get(`/api/imports/${overwriteImport.id}`)).json().status).toBe('rolled_back')
    expect((await head.get(`/api/clients/${id}`)).json()).toMatchObject({
      name: 'Политика',
      industry: 'Торговля',
      source: 'b',
    })
  })

  it('reads the chosen XLSX sheet, classifier paths, owners by e-mail and contact persons', async () => {
    const cls = (
      await admin.post('/api/classifiers', { name: { ru: 'Размер', en: 'Size' }, multiple: false })
    ).json()
    const large = (
      await admin.post(`/api/classifiers/${cls.id}/nodes`, {
        parentId: null,
        name: { ru: 'Крупные', en: 'Large' },
      })
    ).json()
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Пусто').addRow(['x'])
    const ws = wb.addWorksheet('Клиенты')
    ws.addRow([
      'Компания',
      'ИНН',
      'Категория',
      'Ответственный',
      'Контактное лицо',
      'Должность',
      'Телефон контакта',
    ])
    ws.addRow(['Эксель', '500100732259', 'Size / Large', 'nobody@nowhere.example', '', '', ''])
    ws.addRow([
      'Эксель 2',
      '',
      'Размер / Крупные',
      '',
      'Петров Пётр Петрович',
      'Директор',
      '+7 999 111-22-33',
    ])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    const imp = await prepare(admin, 'book.xlsx', bytes)
    expect(imp.format).toMatchObject({ kind: 'xlsx', sheets: ['Пусто', 'Клиенты'], sheet: 'Пусто' })
    const chosen = (
      await admin.patch(`/api/imports/${imp.id}`, { sheet: 'Клиенты' }, imp.version)
    ).json() as ImportDto
    expect(chosen.rowCount).toBe(2)
    expect(chosen.mapping).toEqual([
      'name',
      'inn',
      'classifier',
      'owner',
      'contactName',
      'contactPosition',
      'contactPhone',
    ])
    const twice = await admin.patch(
      `/api/imports/${imp.id}`,
      { mapping: ['name', 'name', null, null, null, null, null] },
      chosen.version,
    )
    expect(twice.statusCode).toBe(400)
    expect(twice.json().error.fields).toHaveProperty('mapping.1')
    const done = await runToEnd(admin, imp.id)
    expect(done.report).toEqual({ total: 2, create: 1, update: 0, skip: 0, error: 1 })
    const rows = (await admin.get(`/api/imports/${imp.id}/rows?status=error`)).json()
    expect(rows.items[0].errors.map((e: { field: string }) => e.field)).toEqual(['owner'])
    const [excel2] = await clientsNamed(admin, 'Эксель 2')
    const classification = (await admin.get(`/api/clients/${excel2!.id}/classification`)).json()
    expect(JSON.stringify(classification)).toContain(String(large.id))
    const contacts = (await admin.get(`/api/clients/${excel2!.id}/contacts`)).json()
    expect(JSON.stringify(contacts)).toContain('Петров')
  })

  it('never touches clients the importer may not see', async () => {
    const hidden = await otherHead.post('/api/clients', {
      kind: 'organization',
      name: 'Чужая',
      inn: '7707083893',
      kpp: '773601002',
    })
    expect(hidden.statusCode).toBe(201)
    const csv = Buffer.from('Name,INN,KPP,Source\r\nЧужая новая,7707083893,773601002,hack\r\n')
    const imp = await prepare(head, 'x.csv', csv, { settings: { policy: 'overwrite' } })
    const done = await runToEnd(head, imp.id)
    expect(done.report).toMatchObject({ error: 1, update: 0 })
    expect((await otherHead.get(`/api/clients/${hidden.json().id}`)).json()).toMatchObject({
      name: 'Чужая',
      source: '',
    })
    // Someone else's import is not even visible.
    expect((await otherHead.get(`/api/imports/${imp.id}`)).statusCode).toBe(404)
  })

  it('re-imports an export to the same data', async () => {
    const exported = await admin.post('/api/clients/export', {
      format: 'csv',
      filter: {},
      sort: 'name',
      columns: [
        'name',
        'kind',
        'inn',
        'kpp',
        'phone',
        'email',
        'industry',
        'size',
        'source',
        'custom:turnover',
      ],
    })
    expect(exported.statusCode, exported.body).toBe(200)
    const before = (await admin.get('/api/clients?pageSize=200&sort=name')).json().items
    const imp = await prepare(admin, 'export.csv', Buffer.from(exported.rawPayload))
    expect(imp.mapping).toEqual([
      'name',
      'kind',
      'inn',
      'kpp',
      'phone',
      'email',
      'industry',
      'size',
      'source',
      'custom.turnover',
    ])
    // Into an empty database the same rows would be created; here every row matches itself.
    await admin.patch(
      `/api/imports/${imp.id}`,
      { settings: { policy: 'overwrite', matchBy: ['name'] } },
      imp.version,
    )
    const done = await runToEnd(admin, imp.id)
    expect(done.report?.create).toBe(0)
    expect(done.report?.error).toBe(0)
    const after = (await admin.get('/api/clients?pageSize=200&sort=name')).json().items
    const strip = (items: Array<Record<string, unknown>>) =>
      items.map(({ name, inn, kpp, industry, size, source, phone, email }) => ({
        name,
        inn,
        kpp,
        industry,
        size,
        source,
        phone,
        email,
      }))
    expect(strip(after)).toEqual(strip(before))
  })

  it('resumes after a crash between batches, handling every row exactly once', async () => {
    const lines = ['Name;Phone']
    for (let i = 0; i < 1100; i++) lines.push(`Resume ${i};+7 900 ${String(10000000 + i).slice(1)}`)
    const imp = await prepare(admin, 'big.csv', Buffer.from(lines.join('\n')))
    expect((await admin.post(`/api/imports/${imp.id}/run`)).statusCode).toBe(202)
    const { jobs, db } = t.app.ctx
    const steps = { ...OPERATION_STEPS, [IMPORT_OPERATION]: importStep(new FileStorage(filesDir)) }
    // A worker runs the first batch, commits, then dies before acknowledging its job.
    const [job] = await jobs.claim(1, 60_000)
    await runOperationStep(db, jobs, steps, job!)
    await db
      .updateTable('jobs')
      .set({ lease_until: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', job!.id)
      .execute()
    await jobs.reapExpiredLeases()
    await t.runJobs()
    const done = (await admin.get(`/api/imports/${imp.id}`)).json() as ImportDto
    expect(done.status).toBe('done')
    expect(done.report).toEqual({ total: 1100, create: 1100, update: 0, skip: 0, error: 0 })
    const count = await db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', 'like', 'Resume %')
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1100)
  })
})
