/**
 * The import's life after the wizard: cancel, rollback, the same file twice, the rejected-rows report,
 * the upload limit and who may touch whose import. Runs on the test database of the run (SQLite, or
 * PostgreSQL when the run is on PostgreSQL), like imports.test.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { OPERATION_STEPS } from '../../jobs.ts'
import { FileStorage } from '../../platform/files/file-storage.ts'
import { makeInn } from '../clients/index.ts'
import { OPERATION_STEP_JOB, runOperationStep } from '../operations/index.ts'
import { IMPORT_BATCH, IMPORT_OPERATION, importStep } from './imports.service.ts'

interface Report {
  total: number
  create: number
  update: number
  skip: number
  error: number
}

interface ImportDto {
  id: number
  status: string
  version: number
  fileName: string
  headers: string[]
  mapping: Array<string | null>
  rowCount: number
  report: Report | null
  operationId: number | null
}

interface ClientCard {
  id: number
  name: string
  inn: string | null
  industry: string
  deletedAt: string | null
  version: number
  channels: Array<{ type: string; normalized: string }>
}

interface AuditItem {
  action: string
  source: string
  changes: Record<string, { from?: unknown; to?: unknown }>
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

/** A valid organization ИНН, different for every `n` (and from the other tests' fixed ones). */
const innOf = (n: number) => makeInn('organization', `52${String(n).padStart(7, '0')}`)

describe('an import after the wizard: cancel, rollback, report, limits, access', () => {
  let t: TestApp
  let filesDir: string
  let admin: Client
  let head: Client
  let headEn: Client
  let otherHead: Client
  let manager: Client

  beforeAll(async () => {
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-import-life-'))
    // A 1 MB upload limit (the smallest CRM_UPLOAD_MAX_MB allows), to test it without big files.
    t = await buildTestApp({ filesDir, uploadMaxMb: 1 })
    admin = await t.signIn('admin')
    const team = (await admin.post('/api/teams', { name: 'Sales' })).json().id
    const team2 = (await admin.post('/api/teams', { name: 'Other' })).json().id
    head = await t.signIn('head_of_sales', { teamId: team, locale: 'ru' })
    headEn = await t.signIn('head_of_sales', { teamId: team, locale: 'en' })
    otherHead = await t.signIn('head_of_sales', { teamId: team2 })
    manager = await t.signIn('sales_manager', { teamId: team })
  })
  afterAll(async () => {
    await t?.close()
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
    return (await as.get(`/api/imports/${id}`)).json() as ImportDto
  }

  async function countClients(where: { nameLike: string; trashed?: boolean }) {
    const row = await t.app.ctx.db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', 'like', where.nameLike)
      .$if(where.trashed === true, (q) => q.where('deleted_at', 'is not', null))
      .$if(where.trashed === false, (q) => q.where('deleted_at', 'is', null))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async function audit(as: Client, clientId: number) {
    const res = await as.get(`/api/audit?entityType=client&entityId=${clientId}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json().items as AuditItem[]
  }

  /** Organizations named `<prefix> <i>`, each with its own mobile number in the `+7 <code>` range. */
  const rows = (prefix: string, count: number, code: number) => {
    const lines = ['Название;Телефон']
    for (let i = 0; i < count; i++) lines.push(`${prefix} ${i};+7 ${code} ${String(10000000 + i).slice(1)}`)
    return Buffer.from(lines.join('\r\n'))
  }

  it('cancels a running import after the current batch: the rows done stay, no further row is imported', async () => {
    const total = 3 * IMPORT_BATCH + 100
    const file = rows('Отмена', total, 901)
    // Policy `create`: only the file's own keys (file hash, row) can keep a row from being created twice.
    const imp = await prepare(head, 'cancel.csv', file, { settings: { policy: 'create' } })
    expect(imp.rowCount).toBe(total)
    await t.runJobs() // nothing else waiting: the next job claimed is the import's first batch
    const run = await head.post(`/api/imports/${imp.id}/run`)
    expect(run.statusCode, run.body).toBe(202)
    const operationId = run.json().operationId as number
    const { jobs, db } = t.app.ctx
    const steps = { ...OPERATION_STEPS, [IMPORT_OPERATION]: importStep(new FileStorage(filesDir)) }
    const [job] = await jobs.claim(1, 60_000)
    expect(job?.type).toBe(OPERATION_STEP_JOB)
    await runOperationStep(db, jobs, steps, job!)
    await jobs.complete(job!.id)

    // The progress bar after the first batch.
    const progress = (await head.get(`/api/operations/${operationId}`)).json()
    expect(progress).toMatchObject({ status: 'running', total, done: IMPORT_BATCH })
    expect((await head.get(`/api/imports/${imp.id}`)).json().status).toBe('running')

    const cancel = await head.post(`/api/imports/${imp.id}/cancel`)
    expect(cancel.statusCode, cancel.body).toBe(200)
    const firstBatch = { total: IMPORT_BATCH, create: IMPORT_BATCH, update: 0, skip: 0, error: 0 }
    expect(cancel.json()).toMatchObject({ status: 'cancelled', report: firstBatch })
    // Only a running import (or dry run) can be cancelled.
    const again = await head.post(`/api/imports/${imp.id}/cancel`)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('conflict')

    // The batch already queued finds the import cancelled and stops; nothing more is imported.
    await t.runJobs()
    const after = (await head.get(`/api/imports/${imp.id}`)).json() as ImportDto
    expect(after).toMatchObject({ status: 'cancelled', report: firstBatch })
    expect(await countClients({ nameLike: 'Отмена %' })).toBe(IMPORT_BATCH)
    const done = (await head.get(`/api/imports/${imp.id}/rows?pageSize=1`)).json()
    expect(done.total).toBe(IMPORT_BATCH)
    const last = (await head.get(`/api/imports/${imp.id}/rows?page=${IMPORT_BATCH}&pageSize=1`)).json()
    expect(last.items[0]).toMatchObject({ row: IMPORT_BATCH + 1, action: 'create' })
    const op = (await head.get(`/api/operations/${operationId}`)).json()
    expect(op.status).toBe('done') // the operation has ended (no job of it is left)…
    expect(op.done).toBe(IMPORT_BATCH) // …with what it did, not as if complete
    expect(op.result).toEqual({ create: IMPORT_BATCH })
    expect(await jobs.claim(10, 60_000)).toEqual([])

    // The same file again (a new import, still `create`): the rows done before are not created twice.
    const second = await prepare(head, 'cancel-again.csv', file, { settings: { policy: 'create' } })
    const finished = await runToEnd(head, second.id)
    expect(finished).toMatchObject({
      status: 'done',
      report: { total, create: total - IMPORT_BATCH, update: 0, skip: IMPORT_BATCH, error: 0 },
    })
    expect(await countClients({ nameLike: 'Отмена %' })).toBe(total)
    const dupes = await db
      .selectFrom('clients')
      .select(['name', (eb) => eb.fn.countAll<number>().as('n')])
      .where('name', 'like', 'Отмена %')
      .groupBy('name')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute()
    expect(dupes).toEqual([])
    // And a third time after it finished: nothing at all.
    const third = await prepare(head, 'cancel-third.csv', file, { settings: { policy: 'create' } })
    expect((await runToEnd(head, third.id)).report).toEqual({
      total,
      create: 0,
      update: 0,
      skip: total,
      error: 0,
    })
    expect(await countClients({ nameLike: 'Отмена %' })).toBe(total)
  })

  it('rolls back every client of a cancelled import that was then run to the end', async () => {
    const total = IMPORT_BATCH + 50
    const imp = await prepare(head, 'resume.csv', rows('Возобновить', total, 902))
    const run = await head.post(`/api/imports/${imp.id}/run`)
    expect(run.statusCode).toBe(202)
    const { jobs, db } = t.app.ctx
    const steps = { ...OPERATION_STEPS, [IMPORT_OPERATION]: importStep(new FileStorage(filesDir)) }
    const [job] = await jobs.claim(1, 60_000)
    await runOperationStep(db, jobs, steps, job!)
    await jobs.complete(job!.id)
    expect((await head.post(`/api/imports/${imp.id}/cancel`)).statusCode).toBe(200)
    await t.runJobs()
    const done = await runToEnd(head, imp.id)
    expect(done.status).toBe('done')
    expect(await countClients({ nameLike: 'Возобновить %', trashed: false })).toBe(total)
    expect((await head.post(`/api/imports/${imp.id}/rollback`)).statusCode).toBe(202)
    await t.runJobs()
    expect((await head.get(`/api/imports/${imp.id}`)).json().status).toBe('rolled_back')
    expect(await countClients({ nameLike: 'Возобновить %', trashed: false })).toBe(0)
  })

  it('rolls back: created clients go to the trash, updated ones get their values back, all audited as the import', async () => {
    const existing = await head.post('/api/clients', {
      kind: 'organization',
      name: 'Откат прежний',
      inn: innOf(1),
      industry: 'Торговля',
      channels: [{ type: 'email', value: 'old@rollback.example' }],
    })
    expect(existing.statusCode, existing.body).toBe(201)
    const existingId = existing.json().id as number
    const csv = [
      'Название;ИНН;Отрасль;Телефон',
      `Откат прежний;${innOf(1)};Строительство;+7 916 555-00-01`,
      `Откат новый 1;${innOf(2)};Связь;+7 916 555-00-02`,
      `Откат новый 2;${innOf(3)};;+7 916 555-00-03`,
      `Откат новый 3;${innOf(4)};Связь;`,
    ].join('\r\n')
    const imp = await prepare(head, 'rollback.csv', Buffer.from(csv), { settings: { policy: 'overwrite' } })
    const done = await runToEnd(head, imp.id)
    expect(done).toMatchObject({
      status: 'done',
      report: { total: 4, create: 3, update: 1, skip: 0, error: 0 },
    })
    const updated = (await head.get(`/api/clients/${existingId}`)).json() as ClientCard
    expect(updated.industry).toBe('Строительство')
    expect(updated.channels.map((c) => c.normalized).sort()).toEqual(['+79165550001', 'old@rollback.example'])
    const created = (await head.get(`/api/imports/${imp.id}/rows?status=create`)).json().items as Array<{
      clientId: number
    }>
    const createdIds = created.map((r) => r.clientId)
    expect(createdIds).toHaveLength(3)
    for (const id of createdIds)
      expect(await audit(admin, id)).toEqual([
        expect.objectContaining({ action: 'create', source: 'import' }),
      ])
    expect(await audit(admin, existingId)).toContainEqual(
      expect.objectContaining({
        action: 'update',
        source: 'import',
        changes: expect.objectContaining({ industry: { from: 'Торговля', to: 'Строительство' } }),
      }),
    )

    const rb = await head.post(`/api/imports/${imp.id}/rollback`)
    expect(rb.statusCode, rb.body).toBe(202)
    const operationId = rb.json().operationId as number
    // While the rollback runs, a second one is refused.
    expect((await head.post(`/api/imports/${imp.id}/rollback`)).statusCode).toBe(409)
    await t.runJobs()
    expect((await head.get(`/api/operations/${operationId}`)).json()).toMatchObject({
      status: 'done',
      total: 4,
      done: 4,
      result: { undone: 4, failed: 0 },
    })
    expect((await head.get(`/api/imports/${imp.id}`)).json().status).toBe('rolled_back')

    // The created clients are in the trash: not in the list, in the trash list, their card says so.
    const list = (await head.get(`/api/clients?q=${encodeURIComponent('Откат')}&pageSize=50`)).json()
    expect(list.items.map((c: { id: number }) => c.id)).toEqual([existingId])
    const trash = (
      await head.get(`/api/clients?q=${encodeURIComponent('Откат')}&trash=true&pageSize=50`)
    ).json()
    expect(trash.items.map((c: { id: number }) => c.id).sort()).toEqual([...createdIds].sort())
    for (const id of createdIds) {
      expect((await head.get(`/api/clients/${id}`)).json().deletedAt).not.toBeNull()
      expect(await audit(admin, id)).toContainEqual(
        expect.objectContaining({ action: 'delete', source: 'import' }),
      )
    }
    // The updated client has its field and its channels as they were.
    const restored = (await head.get(`/api/clients/${existingId}`)).json() as ClientCard
    expect(restored).toMatchObject({ name: 'Откат прежний', industry: 'Торговля', deletedAt: null })
    expect(restored.channels.map((c) => c.normalized)).toEqual(['old@rollback.example'])
    const history = await audit(admin, existingId)
    expect(history).toContainEqual(
      expect.objectContaining({
        action: 'update',
        source: 'import',
        changes: expect.objectContaining({ industry: { from: 'Строительство', to: 'Торговля' } }),
      }),
    )

    // Rolling back twice is refused and changes nothing; so is running a rolled-back import again.
    const auditBefore = await t.app.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const twice = await head.post(`/api/imports/${imp.id}/rollback`)
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.code).toBe('conflict')
    expect((await head.post(`/api/imports/${imp.id}/run`)).statusCode).toBe(409)
    await t.runJobs()
    const auditAfter = await t.app.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n))
    expect((await head.get(`/api/imports/${imp.id}`)).json().status).toBe('rolled_back')
    expect((await head.get(`/api/clients/${existingId}`)).json().version).toBe(restored.version)

    // A rolled-back import's new clients are forgotten: the same file again creates them anew.
    const again = await prepare(head, 'rollback-again.csv', Buffer.from(csv), {
      settings: { policy: 'overwrite' },
    })
    expect((await runToEnd(head, again.id)).report).toMatchObject({ total: 4, create: 3, error: 0 })
    expect(await countClients({ nameLike: 'Откат новый %', trashed: false })).toBe(3)
    expect(await countClients({ nameLike: 'Откат новый %', trashed: true })).toBe(3)
  })

  it('after a rollback, the same file again makes its updates again too', async () => {
    const existing = await head.post('/api/clients', {
      kind: 'organization',
      name: 'Откат дважды',
      inn: innOf(5),
      industry: 'Торговля',
    })
    expect(existing.statusCode, existing.body).toBe(201)
    const csv = Buffer.from(`Название;ИНН;Отрасль\r\nОткат дважды;${innOf(5)};Строительство\r\n`)
    const first = await prepare(head, 'twice.csv', csv, { settings: { policy: 'overwrite' } })
    expect((await runToEnd(head, first.id)).report).toMatchObject({ update: 1 })
    expect((await head.post(`/api/imports/${first.id}/rollback`)).statusCode).toBe(202)
    await t.runJobs()
    expect((await head.get(`/api/clients/${existing.json().id}`)).json().industry).toBe('Торговля')
    const second = await prepare(head, 'twice.csv', csv, { settings: { policy: 'overwrite' } })
    expect((await runToEnd(head, second.id)).report).toMatchObject({ update: 1, skip: 0 })
    expect((await head.get(`/api/clients/${existing.json().id}`)).json().industry).toBe('Строительство')
  })

  it('offers the rejected rows as a CSV attachment in the reader’s language, formulas neutralized', async () => {
    const csv = [
      // Column titles a spreadsheet would run as formulas; `;` inside a quoted title.
      'Название;=ИНН;+Телефон;"@E-mail; рабочий"',
      `Отчёт хороший;${innOf(10)};+7 916 777-00-01;good@report.example`,
      'Отчёт плохой ИНН;7707083894;;',
      'Отчёт плохая почта;;;not-an-email',
    ].join('\r\n')
    const mapping = { mapping: ['name', 'inn', 'phone', 'email'] }
    const imp = await prepare(head, 'report.csv', Buffer.from(csv), mapping)
    const done = await runToEnd(head, imp.id)
    expect(done.report).toEqual({ total: 3, create: 1, update: 0, skip: 0, error: 2 })

    const res = await head.get(`/api/imports/${imp.id}/report.csv`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    const disposition = String(res.headers['content-disposition'])
    expect(disposition).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`отклонённые-строки-${imp.id}.csv`)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.body.startsWith('\ufeff')).toBe(true)
    const lines = res.body.slice(1).split('\r\n')
    expect(lines.at(-1)).toBe('')
    expect(lines[0]).toBe('Строка;Название в файле;Столбец;Поле;Ошибка')
    expect(lines).toHaveLength(4)
    // Row 3: the ИНН, reason in Russian; the formula-like column title starts with an apostrophe.
    expect(lines[1]).toMatch(/^3;[^;]*;'=ИНН;inn;.*контрольное число/)
    // Row 4: the e-mail; the title holds `;` so it is quoted (and neutralized inside the quotes).
    expect(lines[2]).toMatch(/^4;[^;]*;"'@E-mail; рабочий";channels\.0\.value;[^;]*[а-яё]/i)
    for (const line of lines.slice(1, 3)) {
      const reason = line.slice(line.lastIndexOf(';') + 1)
      expect(reason).toMatch(/[а-яё]/i)
      expect(reason).not.toMatch(/^[=+\-@]/)
    }

    // Another reader gets the titles in their language (an administrator may read any import).
    const en = await admin.get(`/api/imports/${imp.id}/report.csv`)
    expect(en.statusCode).toBe(200)
    expect(en.body.slice(1).split('\r\n')[0]).toBe('Row;Name in the file;Column;Field;Error')
    expect(decodeURIComponent(String(en.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(
      `rejected-rows-${imp.id}.csv`,
    )

    // An English-speaking importer gets English reasons.
    const enImp = await prepare(
      headEn,
      'report-en.csv',
      Buffer.from(csv.replace(/Отчёт/g, 'Report')),
      mapping,
    )
    await runToEnd(headEn, enImp.id)
    const enLines = (await headEn.get(`/api/imports/${enImp.id}/report.csv`)).body.slice(1).split('\r\n')
    expect(enLines[0]).toBe('Row;Name in the file;Column;Field;Error')
    expect(enLines[1]).toMatch(/^3;[^;]*;'=ИНН;inn;.*check digit/)
    expect(enLines[2]).toMatch(/^4;[^;]*;"'@E-mail; рабочий";channels\.0\.value;[A-Za-z]/)
  })

  it('refuses a file over the upload limit with 413 and a message, storing nothing', async () => {
    const before = (await head.get('/api/imports')).json().items.length as number
    const header = 'Название;Телефон\r\n'
    const big = Buffer.concat([Buffer.from(header), Buffer.alloc(1024 * 1024, 'а;\r\n')])
    const ru = await upload(head, 'big.csv', big)
    expect(ru.statusCode).toBe(413)
    expect(ru.json().error).toMatchObject({ code: 'payload_too_large', message: 'Файл больше 1 МБ.' })
    const en = await upload(headEn, 'big.csv', big)
    expect(en.statusCode).toBe(413)
    expect(en.json().error.message).toBe('The file is larger than 1 MB.')
    expect((await head.get('/api/imports')).json().items).toHaveLength(before)
    // Just under the limit is fine.
    const filler = 'x'.repeat(300)
    const lines = ['Название;Комментарий']
    for (let i = 0; i < 3000; i++) lines.push(`Лимит ${i};${filler}`)
    const fits = Buffer.from(lines.join('\r\n'))
    expect(fits.length).toBeGreaterThan(900 * 1024)
    expect(fits.length).toBeLessThan(1024 * 1024)
    const ok = await upload(head, 'fits.csv', fits)
    expect(ok.statusCode, ok.body).toBe(201)
  })

  it('keeps an import to its creator (and administrators): others get 404, roles without imports 403', async () => {
    const imp = await prepare(head, 'mine.csv', Buffer.from(`Название;ИНН\r\nЧужой импорт;${innOf(20)}\r\n`))
    const done = await runToEnd(head, imp.id)
    expect(done.status).toBe('done')
    const stateBefore = await t.app.ctx.db
      .selectFrom('imports')
      .select(['status', 'version', 'report'])
      .where('id', '=', imp.id)
      .executeTakeFirstOrThrow()
    const operationsBefore = await t.app.ctx.db
      .selectFrom('operations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()

    const attempts = (as: Client) => [
      as.get(`/api/imports/${imp.id}`),
      as.get(`/api/imports/${imp.id}/rows`),
      as.get(`/api/imports/${imp.id}/report.csv`),
      as.patch(`/api/imports/${imp.id}`, { settings: { policy: 'overwrite' } }, done.version),
      as.post(`/api/imports/${imp.id}/check`),
      as.post(`/api/imports/${imp.id}/run`),
      as.post(`/api/imports/${imp.id}/cancel`),
      as.post(`/api/imports/${imp.id}/rollback`),
    ]
    // Another head of sales (allowed to import, but not this import): as if it did not exist.
    for (const res of await Promise.all(attempts(otherHead))) {
      expect(res.statusCode, `${res.body}`).toBe(404)
      expect(res.json().error.code).toBe('not_found')
    }
    expect((await otherHead.get('/api/imports')).json().items).toEqual([])
    // A sales manager has no right to import at all.
    for (const res of await Promise.all([...attempts(manager), manager.get('/api/imports')]))
      expect(res.statusCode, `${res.body}`).toBe(403)
    // Nothing changed: same state, no operation started, the client still there.
    expect(
      await t.app.ctx.db
        .selectFrom('imports')
        .select(['status', 'version', 'report'])
        .where('id', '=', imp.id)
        .executeTakeFirstOrThrow(),
    ).toEqual(stateBefore)
    const operationsAfter = await t.app.ctx.db
      .selectFrom('operations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(operationsAfter.n)).toBe(Number(operationsBefore.n))
    expect(await countClients({ nameLike: 'Чужой импорт', trashed: false })).toBe(1)
    // An administrator may read it (and its report).
    expect((await admin.get(`/api/imports/${imp.id}`)).statusCode).toBe(200)
    expect((await admin.get(`/api/imports/${imp.id}/rows`)).json().total).toBe(1)
  })
})
