import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { FileStorage, moveFiles, purgeFilesOf } from './index.ts'

/** A stand-in record type that files attach to, with the clients' permissions (the real one comes later). */
async function registerProbeSubject(t: TestApp) {
  const db = t.db.handle.db
  await sql`create table probe_subject (id integer primary key, owner_id integer, team_id integer)`.execute(
    db,
  )
  t.app.ctx.subjects.register({
    type: 'probe',
    readPermission: 'clients.read',
    writePermission: 'clients.update',
    webPath: (id) => `/probes/${id}`,
    async load(db, id) {
      const { rows } = await sql<{ owner_id: number | null; team_id: number | null }>`
        select owner_id, team_id from probe_subject where id = ${id}`.execute(db)
      const row = rows[0]
      return row ? { ownerId: row.owner_id, teamId: row.team_id, title: `Probe ${id}` } : undefined
    },
  })
  let next = 0
  return async (ownerId: number | null): Promise<number> => {
    const id = ++next
    await sql`insert into probe_subject (id, owner_id, team_id) values (${id}, ${ownerId}, ${null})`.execute(
      db,
    )
    return id
  }
}

interface FilePart {
  filename: string
  type: string
  content: Buffer
  field?: string
}

/** A multipart/form-data body as a browser sends it: text fields, then the file. */
function form(
  fields: Record<string, string | number>,
  file?: FilePart,
  trailing: Record<string, string> = {},
) {
  const boundary = `----mmcrm${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  const field = (name: string, value: string | number) =>
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    )
  for (const [name, value] of Object.entries(fields)) field(name, value)
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    )
  }
  for (const [name, value] of Object.entries(trailing)) field(name, value)
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

function upload(
  c: Client,
  fields: Record<string, string | number>,
  file?: FilePart,
  trailing?: Record<string, string>,
) {
  const { payload, headers } = form(fields, file, trailing)
  return c.request({ method: 'POST', url: '/api/files', payload, headers })
}

function filesOnDisk(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

describe('files of a record', () => {
  let t: TestApp
  let filesDir: string
  let admin: Client
  let owner: Client
  let otherManager: Client
  let marketer: Client
  let newProbe: (ownerId: number | null) => Promise<number>

  async function fileRows(): Promise<number> {
    const r = await t.db.handle.db
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(r.n)
  }

  beforeAll(async () => {
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-files-api-'))
    t = await buildTestApp({ filesDir, uploadMaxMb: 1 })
    newProbe = await registerProbeSubject(t)
    admin = await t.signIn('admin')
    owner = await t.signIn('sales_manager')
    otherManager = await t.signIn('sales_manager')
    marketer = await t.signIn('marketer')
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(filesDir, { recursive: true, force: true })
  })

  it('uploads and downloads a file with a Cyrillic name, byte for byte, always as an attachment', async () => {
    const probe = await newProbe(owner.userId)
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(50_000)])
    const name = 'Договор №5 «Альфа».pdf'
    const res = await upload(
      owner,
      { subjectType: 'probe', subjectId: probe },
      { filename: name, type: 'application/pdf', content },
    )
    expect(res.statusCode).toBe(201)
    const file = res.json()
    expect(file).toMatchObject({
      name,
      size: content.length,
      mime: 'application/pdf',
      sha256: createHash('sha256').update(content).digest('hex'),
      uploader: { id: owner.userId },
      noteId: null,
    })
    const onDisk = filesOnDisk(filesDir)
    expect(onDisk).toHaveLength(1)
    expect(path.basename(onDisk[0]!)).toMatch(/^[0-9a-f-]{36}$/)

    const dl = await owner.get(`/api/files/${file.id}/download`)
    expect(dl.statusCode).toBe(200)
    expect(dl.rawPayload.equals(content)).toBe(true)
    expect(dl.headers['content-type']).toBe('application/octet-stream')
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="_______ _5 _______.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    expect(dl.headers['x-content-type-options']).toBe('nosniff')
    expect(dl.headers['content-security-policy']).toBe("default-src 'none'; sandbox")
    expect(dl.headers['cache-control']).toBe('private, no-store')
    expect(Number(dl.headers['content-length'])).toBe(content.length)

    const list = (await owner.get(`/api/files?subjectType=probe&subjectId=${probe}`)).json()
    expect(list.items).toEqual([file])
  })

  it('serves an uploaded HTML page as an octet-stream attachment, never inline', async () => {
    const probe = await newProbe(owner.userId)
    const res = await upload(
      owner,
      { subjectType: 'probe', subjectId: probe },
      {
        filename: 'page.html',
        type: 'text/html',
        content: Buffer.from('<script>alert(document.cookie)</script>'),
      },
    )
    expect(res.json().mime).toBe('text/html')
    const dl = await owner.get(`/api/files/${res.json().id}/download`)
    expect(dl.headers['content-type']).toBe('application/octet-stream')
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; filename="page\.html"/)
    expect(dl.headers['x-content-type-options']).toBe('nosniff')
  })

  it('refuses a file over the limit with 413 naming the limit, leaving neither a row nor bytes', async () => {
    const probe = await newProbe(owner.userId)
    const rows = await fileRows()
    const disk = filesOnDisk(filesDir)
    const ru = await t.signIn('sales_manager', { locale: 'ru' })
    const mine = await newProbe(ru.userId)
    const res = await upload(
      owner,
      { subjectType: 'probe', subjectId: probe },
      { filename: 'big.bin', type: 'application/octet-stream', content: Buffer.alloc(1024 * 1024 + 1, 7) },
    )
    expect(res.statusCode).toBe(413)
    expect(res.json().error).toMatchObject({
      code: 'payload_too_large',
      message: 'The file is larger than 1 MB.',
    })
    const ruRes = await upload(
      ru,
      { subjectType: 'probe', subjectId: mine },
      { filename: 'big.bin', type: 'application/octet-stream', content: Buffer.alloc(3 * 1024 * 1024, 1) },
    )
    expect(ruRes.statusCode).toBe(413)
    expect(ruRes.json().error.message).toBe('Файл больше 1 МБ.')
    expect(await fileRows()).toBe(rows)
    expect(filesOnDisk(filesDir)).toEqual(disk)

    const exact = await upload(
      owner,
      { subjectType: 'probe', subjectId: probe },
      { filename: 'exact.bin', type: 'application/octet-stream', content: Buffer.alloc(1024 * 1024, 7) },
    )
    expect(exact.statusCode).toBe(201)
  })

  it('refuses an empty file, a missing file, fields after the file and a non-multipart body', async () => {
    const probe = await newProbe(owner.userId)
    const rows = await fileRows()
    const disk = filesOnDisk(filesDir)
    const empty = await upload(
      owner,
      { subjectType: 'probe', subjectId: probe },
      { filename: 'a.txt', type: 'text/plain', content: Buffer.alloc(0) },
    )
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.fields).toEqual({ file: 'The file is empty.' })
    const none = await upload(owner, { subjectType: 'probe', subjectId: probe })
    expect(none.json().error.fields).toEqual({ file: 'Choose a file to upload.' })
    const late = await upload(
      owner,
      { subjectType: 'probe' },
      { filename: 'a.txt', type: 'text/plain', content: Buffer.from('x') },
      { subjectId: String(probe) },
    )
    expect(late.statusCode).toBe(400)
    expect(Object.keys(late.json().error.fields)).toEqual(['subjectId'])
    const unknown = await upload(
      owner,
      { subjectType: 'nothing', subjectId: 1 },
      { filename: 'a.txt', type: 'text/plain', content: Buffer.from('x') },
    )
    expect(unknown.json().error.fields).toEqual({ subjectType: 'Unknown record type.' })
    const json = await owner.post('/api/files', { subjectType: 'probe', subjectId: probe })
    expect(json.statusCode).toBe(415)
    expect(await fileRows()).toBe(rows)
    expect(filesOnDisk(filesDir)).toEqual(disk)
  })

  it("hides another manager's files: no listing, no upload, no download, nothing stored", async () => {
    const probe = await newProbe(owner.userId)
    const file = (
      await upload(
        owner,
        { subjectType: 'probe', subjectId: probe },
        { filename: 'a.txt', type: 'text/plain', content: Buffer.from('secret') },
      )
    ).json()
    const rows = await fileRows()
    const disk = filesOnDisk(filesDir)

    expect((await otherManager.get(`/api/files?subjectType=probe&subjectId=${probe}`)).statusCode).toBe(404)
    expect((await otherManager.get(`/api/files/${file.id}/download`)).statusCode).toBe(404)
    const add = await upload(
      otherManager,
      { subjectType: 'probe', subjectId: probe },
      { filename: 'b.txt', type: 'text/plain', content: Buffer.from('x') },
    )
    expect(add.statusCode).toBe(404)
    expect((await otherManager.delete(`/api/files/${file.id}`)).statusCode).toBe(404)
    expect(await fileRows()).toBe(rows)
    expect(filesOnDisk(filesDir)).toEqual(disk)
  })

  it('lets a marketer list and download but not upload or delete', async () => {
    const probe = await newProbe(owner.userId)
    const file = (
      await upload(
        owner,
        { subjectType: 'probe', subjectId: probe },
        { filename: 'a.txt', type: 'text/plain', content: Buffer.from('hello') },
      )
    ).json()
    const rows = await fileRows()
    const disk = filesOnDisk(filesDir)
    expect((await marketer.get(`/api/files?subjectType=probe&subjectId=${probe}`)).json().items).toHaveLength(
      1,
    )
    expect((await marketer.get(`/api/files/${file.id}/download`)).body).toBe('hello')
    const add = await upload(
      marketer,
      { subjectType: 'probe', subjectId: probe },
      { filename: 'b.txt', type: 'text/plain', content: Buffer.from('x') },
    )
    expect(add.statusCode).toBe(403)
    expect((await marketer.delete(`/api/files/${file.id}`)).statusCode).toBe(403)
    expect(await fileRows()).toBe(rows)
    expect(filesOnDisk(filesDir)).toEqual(disk)
  })

  it("attaches a file to the caller's own note on the same record, shown with the note", async () => {
    const probe = await newProbe(owner.userId)
    const elsewhere = await newProbe(owner.userId)
    const note = (
      await owner.post('/api/notes', { subjectType: 'probe', subjectId: probe, body: '<p>see file</p>' })
    ).json()
    const adminNote = (
      await admin.post('/api/notes', { subjectType: 'probe', subjectId: probe, body: '<p>mine</p>' })
    ).json()
    const part = { filename: 'scan.png', type: 'image/png', content: Buffer.from('png') }

    const wrongRecord = await upload(
      owner,
      { subjectType: 'probe', subjectId: elsewhere, noteId: note.id },
      part,
    )
    expect(wrongRecord.json().error.fields).toEqual({ noteId: 'You have no such note on this record.' })
    const notMine = await upload(
      owner,
      { subjectType: 'probe', subjectId: probe, noteId: adminNote.id },
      part,
    )
    expect(notMine.statusCode).toBe(400)

    const ok = await upload(owner, { subjectType: 'probe', subjectId: probe, noteId: note.id }, part)
    expect(ok.statusCode).toBe(201)
    expect(ok.json().noteId).toBe(note.id)
    const notes = (await owner.get(`/api/notes?subjectType=probe&subjectId=${probe}`)).json().items
    const shown = notes.find((n: { id: number }) => n.id === note.id)
    expect(shown.files).toEqual([{ id: ok.json().id, name: 'scan.png', size: 3, mime: 'image/png' }])
  })

  it('keeps only the last segment of a path-like name', async () => {
    const probe = await newProbe(owner.userId)
    const res = await upload(
      owner,
      { subjectType: 'probe', subjectId: probe },
      { filename: '../../etc/passwd', type: 'text/plain', content: Buffer.from('x') },
    )
    expect(res.json().name).toBe('passwd')
  })

  it('deletes softly (uploader or administrator), audited, the bytes kept for the purge', async () => {
    const probe = await newProbe(owner.userId)
    const part = { filename: 'a.txt', type: 'text/plain', content: Buffer.from('to delete') }
    const mine = (await upload(owner, { subjectType: 'probe', subjectId: probe }, part)).json()
    const byAdmin = (await upload(admin, { subjectType: 'probe', subjectId: probe }, part)).json()

    const refused = await owner.delete(`/api/files/${byAdmin.id}`)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.message).toBe(
      'Only the employee who uploaded the file or an administrator can delete it.',
    )
    expect((await owner.delete(`/api/files/${mine.id}`)).statusCode).toBe(204)
    expect((await admin.delete(`/api/files/${byAdmin.id}`)).statusCode).toBe(204)
    expect((await owner.delete(`/api/files/${mine.id}`)).statusCode).toBe(404)
    expect((await owner.get(`/api/files?subjectType=probe&subjectId=${probe}`)).json().items).toEqual([])
    expect((await owner.get(`/api/files/${mine.id}/download`)).statusCode).toBe(404)

    const audit = await t.db.handle.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'file')
      .where('entity_id', '=', mine.id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete'])
    expect(JSON.parse(audit[0]!.changes)).toMatchObject({
      subjectType: { to: 'probe' },
      subjectId: { to: probe },
      name: { to: 'a.txt' },
      size: { to: 9 },
    })
    const row = await t.db.handle.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', mine.id)
      .executeTakeFirstOrThrow()
    expect(row.deleted_at).not.toBeNull()
    expect(await new FileStorage(filesDir).size(row.storage_key)).toBe(9)
  })

  it('moves files to another record and purges them with their bytes', async () => {
    const from = await newProbe(owner.userId)
    const to = await newProbe(owner.userId)
    const part = { filename: 'a.txt', type: 'text/plain', content: Buffer.from('moving') }
    const a = (await upload(owner, { subjectType: 'probe', subjectId: from }, part)).json()
    await upload(owner, { subjectType: 'probe', subjectId: from }, part)
    await owner.delete(`/api/files/${a.id}`)
    const db = t.db.handle.db
    const keys = (
      await db.selectFrom('files').select('storage_key').where('subject_id', '=', from).execute()
    ).map((r) => r.storage_key)
    const moved = await inTransaction(db, ({ tx }) =>
      moveFiles(tx, { type: 'probe', id: from }, { type: 'probe', id: to }),
    )
    expect(moved).toBe(2)
    expect((await owner.get(`/api/files?subjectType=probe&subjectId=${to}`)).json().items).toHaveLength(1)

    const storage = new FileStorage(filesDir)
    expect(await purgeFilesOf(db, storage, 'probe', to)).toBe(2)
    expect(await db.selectFrom('files').select('id').where('subject_id', '=', to).execute()).toEqual([])
    for (const key of keys) expect(await storage.size(key)).toBeUndefined()

    // Within the caller's unit of work the bytes go only once it commits; a rollback keeps both.
    const other = (await upload(owner, { subjectType: 'probe', subjectId: from }, part)).json()
    const key = (
      await db.selectFrom('files').select('storage_key').where('id', '=', other.id).executeTakeFirstOrThrow()
    ).storage_key
    await expect(
      inTransaction(db, async (uow) => {
        await purgeFilesOf(uow, storage, 'probe', from)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await storage.size(key)).toBe(6)
    await inTransaction(db, (uow) => purgeFilesOf(uow, storage, 'probe', from))
    expect(await storage.size(key)).toBeUndefined()
  })
})
