import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { neutralizeFormula } from './cells.ts'
import { EXPORT_LIMITS } from './exports.service.ts'

const BOM = '\ufeff'

/** RFC 4180 reading (quotes, doubled quotes, line breaks in cells), enough to check what was written. */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === delimiter) {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}

async function readXlsx(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(body as unknown as ArrayBuffer)
  return wb.worksheets[0]!
}

describe('exporting the client list', () => {
  let t: TestApp
  let filesDir: string
  let admin: Client
  let head: Client
  let m1: Client
  let m2: Client
  let team: number
  let industry: { id: number }
  const nodes: Record<string, number> = {}

  async function create(as: Client, body: Record<string, unknown>) {
    const res = await as.post('/api/clients', { kind: 'organization', ...body })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: number; version: number }
  }

  async function exportAs(as: Client, body: Record<string, unknown>) {
    return as.post('/api/clients/export', { format: 'csv', ...body })
  }

  beforeAll(async () => {
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-export-'))
    t = await buildTestApp({ filesDir })
    admin = await t.signIn('admin')
    team = (await admin.post('/api/teams', { name: 'Sales' })).json().id
    head = await t.signIn('head_of_sales', { teamId: team })
    m1 = await t.signIn('sales_manager', { teamId: team, locale: 'ru' })
    m2 = await t.signIn('sales_manager', { teamId: team })
    await admin.post('/api/custom-fields', {
      entity: 'client',
      key: 'turnover',
      labelRu: 'Оборот',
      labelEn: 'Turnover',
      type: 'money',
    })
    await admin.post('/api/custom-fields', {
      entity: 'client',
      key: 'segment',
      labelRu: 'Сегмент',
      labelEn: 'Segment',
      type: 'select',
      options: [
        { value: 'horeca', labelRu: 'Общепит', labelEn: 'HoReCa' },
        { value: 'retail', labelRu: 'Розница', labelEn: 'Retail' },
      ],
    })
    industry = (
      await admin.post('/api/classifiers', { name: { ru: 'Отрасль', en: 'Industry' }, multiple: true })
    ).json()
    const node = async (ru: string, en: string, parentId: number | null = null) => {
      const res = await admin.post(`/api/classifiers/${industry.id}/nodes`, { parentId, name: { ru, en } })
      expect(res.statusCode, res.body).toBe(201)
      nodes[en] = res.json().id
    }
    await node('Торговля', 'Trade')
    await node('Продукты', 'Food', nodes.Trade!)
    await node('Строительство', 'Building')

    const alpha = await create(m1, {
      name: 'Альфа',
      inn: '7707083893',
      source: 'выставка',
      channels: [{ type: 'phone', value: '+7 916 123-45-67' }],
      custom: { turnover: 123450, segment: 'retail' },
    })
    const beta = await create(m1, { name: '=HYPERLINK("http://evil.example";"Бета")', source: 'выставка' })
    await create(m1, { name: 'Вега; "кавычки"\nи перенос', source: 'сайт' })
    await create(m2, { name: 'Чужой', source: 'выставка' })
    for (const [c, ids] of [
      [alpha, [nodes.Food!, nodes.Building!]],
      [beta, [nodes.Trade!]],
    ] as const) {
      const res = await m1.request({
        method: 'PUT',
        url: `/api/clients/${c.id}/classification/${industry.id}`,
        payload: { nodeIds: ids },
        ifMatch: c.version,
      })
      expect(res.statusCode, res.body).toBe(200)
    }
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(filesDir, { recursive: true, force: true })
  })

  it('writes CSV in Russian: BOM, `;`, quoting, the list’s filter and sort, neutralized formulas', async () => {
    const res = await exportAs(m1, {
      filter: { source: 'выставка' },
      sort: '-name',
      columns: [
        'name',
        'phone',
        'inn',
        'custom:turnover',
        'custom:segment',
        `class:${industry.id}`,
        'createdAt',
      ],
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''/)
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toMatch(
      /клиенты-\d{4}-\d{2}-\d{2}\.csv$/,
    )
    expect(res.body.startsWith(BOM)).toBe(true)
    const rows = parseCsv(res.body.slice(1), ';')
    expect(rows[0]).toEqual(['Название', 'Телефон', 'ИНН', 'Оборот', 'Сегмент', 'Отрасль', 'Добавлен'])
    // Only m1's own clients (Чужой belongs to m2), "выставка" only, sorted by name descending.
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Альфа', `'=HYPERLINK("http://evil.example";"Бета")`])
    // Exactly the list's order.
    const list = (await m1.get(`/api/clients?source=${encodeURIComponent('выставка')}&sort=-name`)).json()
    expect(list.items.map((c: { name: string }) => neutralizeFormula(c.name))).toEqual(
      rows.slice(1).map((r) => r[0]),
    )
    const alpha = rows[1]!
    expect(alpha[1]).toBe("'+7 916 123 45 67")
    expect(alpha[2]).toBe('7707083893')
    expect(alpha[3]).toBe('1234,50')
    expect(alpha[4]).toBe('Розница')
    expect(alpha[5]).toBe('Отрасль / Торговля / Продукты; Отрасль / Строительство')
    expect(alpha[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(rows[2]![5]).toBe('Отрасль / Торговля')
  })

  it('writes CSV in English with `,` and keeps line breaks and quotes inside a cell', async () => {
    const res = await exportAs(m2, { filter: {}, columns: ['name', 'source'] })
    expect(res.statusCode).toBe(200)
    expect(res.body.startsWith(BOM)).toBe(true)
    const rows = parseCsv(res.body.slice(1), ',')
    expect(rows[0]).toEqual(['Name', 'Source'])
    // m2 sees their own client only.
    expect(rows.slice(1)).toEqual([['Чужой', 'выставка']])
    const head2 = await exportAs(head, { filter: { source: 'сайт' }, columns: ['name'] })
    expect(parseCsv(head2.body.slice(1), ',')[1]).toEqual(['Вега; "кавычки"\nи перенос'])
  })

  it('writes XLSX: headers in the employee’s language, numbers as numbers, dates as dates, classifier paths', async () => {
    const res = await admin.post('/api/clients/export', {
      filter: { classIn: String(nodes.Trade) },
      sort: 'name',
      columns: [
        'name',
        'phone',
        'completeness',
        'custom:turnover',
        `class:${industry.id}`,
        'updatedAt',
        'owner',
      ],
      format: 'xlsx',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    const sheet = await readXlsx(res.rawPayload)
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Name',
      'Phone',
      'Dossier completeness, %',
      'Turnover',
      'Industry',
      'Changed',
      'Owner',
    ])
    expect(sheet.rowCount).toBe(3)
    expect(sheet.getRow(2).getCell(1).value).toBe(`'=HYPERLINK("http://evil.example";"Бета")`)
    const alpha = sheet.getRow(3)
    expect(alpha.getCell(1).value).toBe('Альфа')
    expect(alpha.getCell(2).value).toBe("'+7 916 123 45 67")
    expect(typeof alpha.getCell(3).value).toBe('number')
    expect(alpha.getCell(4).value).toBe(1234.5)
    expect(alpha.getCell(5).value).toBe('Industry / Trade / Food; Industry / Building')
    expect(alpha.getCell(6).value).toBeInstanceOf(Date)
  })

  it('refuses unknown columns, and those without the permission', async () => {
    const bad = await exportAs(m1, { columns: ['name', 'secret'] })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields)).toEqual(['columns'])
    const partner = await t.signIn('partner_manager')
    expect((await exportAs(partner, { columns: ['name'] })).statusCode).toBe(403)
  })

  it('records every export in the audit trail: who, filter, columns, format, rows', async () => {
    await exportAs(m1, { filter: { source: 'сайт' }, columns: ['name', 'inn'] })
    const audit = (await admin.get('/api/audit?entityType=export&limit=1')).json().items[0]
    expect(audit).toMatchObject({ action: 'export', entityType: 'export', actor: { id: m1.userId } })
    expect(audit.changes.rows).toEqual({ to: 1 })
    expect(audit.changes.columns).toEqual({ to: ['name', 'inn'] })
    expect(audit.changes.format).toEqual({ to: 'csv' })
    expect(audit.changes.filter).toEqual({ to: { source: 'сайт' } })
  })

  it('runs a big export as an operation: progress, the creator’s notification and download, nobody else’s', async () => {
    const saved = { ...EXPORT_LIMITS }
    EXPORT_LIMITS.syncRows = 2
    EXPORT_LIMITS.batchRows = 2
    try {
      for (let i = 0; i < 3; i++) await create(m1, { name: `Пакет ${i}`, source: 'пакет' })
      await create(m2, { name: 'Пакет чужой', source: 'пакет' })
      const res = await head.post('/api/clients/export', {
        filter: { source: 'пакет' },
        sort: 'name',
        columns: ['name', 'owner'],
        format: 'xlsx',
      })
      expect(res.statusCode, res.body).toBe(202)
      const queued = res.json()
      expect(queued).toMatchObject({ status: 'queued', total: 4 })
      expect((await head.get(`/api/exports/${queued.operationId}/download`)).statusCode).toBe(404)
      await t.runJobs()
      const op = (await head.get(`/api/operations/${queued.operationId}`)).json()
      expect(op).toMatchObject({ status: 'done', type: 'clients.export', done: 4 })
      expect(op.result.rows).toBe(4)
      const file = await head.get(`/api/exports/${queued.operationId}/download`)
      expect(file.statusCode).toBe(200)
      expect(file.headers['content-disposition']).toMatch(/^attachment;/)
      const sheet = await readXlsx(file.rawPayload)
      expect(sheet.getColumn(1).values.slice(2)).toEqual(['Пакет 0', 'Пакет 1', 'Пакет 2', 'Пакет чужой'])
      // Only the creator downloads it; the temporary parts are gone.
      expect((await admin.get(`/api/exports/${queued.operationId}/download`)).statusCode).toBe(404)
      expect(fs.existsSync(path.join(filesDir, 'tmp', `export-${queued.operationId}`))).toBe(false)
      // Nor does the generic file route serve it.
      expect((await head.get(`/api/files/${op.result.fileId}/download`)).statusCode).toBe(404)
      const bell = (await head.get('/api/notifications')).json()
      expect(JSON.stringify(bell)).toContain('clients.export')
      const audit = (await admin.get('/api/audit?entityType=export&limit=1')).json().items[0]
      expect(audit).toMatchObject({ entityId: queued.operationId, actor: { id: head.userId } })
      expect(audit.changes.rows).toEqual({ to: 4 })
      // A manager's background export holds only their own clients.
      const mine = await m1.post('/api/clients/export', {
        filter: { source: 'пакет' },
        columns: ['name'],
        format: 'csv',
      })
      expect(mine.statusCode).toBe(202)
      await t.runJobs()
      const csv = await m1.get(`/api/exports/${mine.json().operationId}/download`)
      expect(parseCsv(csv.body.slice(1), ';').slice(1).flat()).toEqual(['Пакет 0', 'Пакет 1', 'Пакет 2'])
    } finally {
      Object.assign(EXPORT_LIMITS, saved)
    }
  })
})
