import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'

/** A stand-in record type that notes attach to, with the clients' permissions (the real one comes later). */
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
  return async (ownerId: number | null, teamId: number | null = null): Promise<number> => {
    const id = ++next
    await sql`insert into probe_subject (id, owner_id, team_id) values (${id}, ${ownerId}, ${teamId})`.execute(
      db,
    )
    return id
  }
}

const mention = (c: Client, name = 'someone') => `<span data-mention="${c.userId}">@${name}</span>`

describe('notes on a record', () => {
  let t: TestApp
  let admin: Client
  let owner: Client
  let otherManager: Client
  let marketer: Client
  let auditor: Client
  let newProbe: (ownerId: number | null, teamId?: number | null) => Promise<number>

  async function countRows(table: 'notes' | 'notifications' | 'audit_log'): Promise<number> {
    const row = await t.db.handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async function notificationsOf(c: Client) {
    return (await c.get('/api/notifications')).json().items as Array<{
      type: string
      subjectType: string
      subjectId: number
      actor: { id: number } | null
      payload: Record<string, unknown>
    }>
  }

  beforeAll(async () => {
    t = await buildTestApp()
    newProbe = await registerProbeSubject(t)
    admin = await t.signIn('admin')
    owner = await t.signIn('sales_manager')
    otherManager = await t.signIn('sales_manager')
    marketer = await t.signIn('marketer')
    auditor = await t.signIn('auditor')
  })
  afterAll(() => t.close())

  it('keeps formatting and strips scripts, event handlers, javascript: links and images', async () => {
    const probe = await newProbe(owner.userId)
    const res = await owner.post('/api/notes', {
      subjectType: 'probe',
      subjectId: probe,
      body:
        '<p>Call <strong>Ivan</strong> &amp; <em>agree</em> the <u>price</u> <s>today</s></p>' +
        '<script>alert(1)</script><img src="x" onerror="alert(2)">' +
        '<ul><li>one</li><li>two</li></ul><blockquote>quote</blockquote>' +
        '<p onclick="steal()" style="color:red" class="x"><a href="javascript:alert(3)">bad</a> ' +
        '<a href="https://example.com/?a=1&amp;b=2" target="_self">site</a></p>',
    })
    expect(res.statusCode).toBe(201)
    const note = res.json()
    expect(note.body).not.toMatch(/script|alert|onerror|onclick|<img|javascript|style=|class=/i)
    expect(note.body).toContain('<strong>Ivan</strong>')
    expect(note.body).toContain('<em>agree</em>')
    expect(note.body).toContain('<ul><li>one</li><li>two</li></ul>')
    expect(note.body).toContain('<blockquote>quote</blockquote>')
    expect(note.body).toContain(
      '<a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer nofollow" target="_blank">site</a>',
    )
    expect(note.text).toBe('Call Ivan & agree the price today\none\ntwo\nquote\nbad site')
    expect(note).toMatchObject({
      subjectType: 'probe',
      subjectId: probe,
      author: { id: owner.userId },
      mentions: [],
      files: [],
      version: 1,
      canEdit: true,
      unnotified: [],
    })
    expect(res.headers.etag).toBe('"1"')
  })

  it('refuses a note that is empty once cleaned, on the body field, storing nothing', async () => {
    const probe = await newProbe(owner.userId)
    const before = await countRows('notes')
    const ru = await t.signIn('sales_manager', { locale: 'ru' })
    const mine = await newProbe(ru.userId)
    for (const body of [
      '<p><script>alert(1)</script></p>',
      '<img src="x" onerror="alert(1)">',
      '<p> <br></p>',
    ]) {
      const res = await owner.post('/api/notes', { subjectType: 'probe', subjectId: probe, body })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.fields).toEqual({ body: 'The note is empty.' })
    }
    const res = await ru.post('/api/notes', { subjectType: 'probe', subjectId: mine, body: '<p></p>' })
    expect(res.json().error.fields).toEqual({ body: 'Заметка пустая.' })
    expect(await countRows('notes')).toBe(before)
  })

  it('refuses an unknown record type on the subjectType field', async () => {
    const list = await owner.get('/api/notes?subjectType=nothing&subjectId=1')
    expect(list.statusCode).toBe(400)
    expect(list.json().error.fields).toEqual({ subjectType: 'Unknown record type.' })
    const add = await owner.post('/api/notes', { subjectType: 'nothing', subjectId: 1, body: '<p>x</p>' })
    expect(add.statusCode).toBe(400)
    expect(add.json().error.fields.subjectType).toBe('Unknown record type.')
  })

  it('notifies mentioned colleagues who can see the record, reports those who cannot, never the author', async () => {
    const probe = await newProbe(owner.userId)
    const inactive = await t.signIn('marketer')
    const user = (await admin.get(`/api/users/${inactive.userId}`)).json()
    expect(
      (await admin.patch(`/api/users/${inactive.userId}`, { isActive: false }, user.version)).statusCode,
    ).toBe(200)
    const body =
      `<p>${mention(marketer, 'Marketer')}, ${mention(otherManager, 'Other')}, ${mention(owner, 'Me')} ` +
      `and ${mention(inactive, 'Gone')}: please look at the offer before Friday.</p>`
    const res = await owner.post('/api/notes', { subjectType: 'probe', subjectId: probe, body })
    expect(res.statusCode).toBe(201)
    const note = res.json()
    expect(note.mentions.map((m: { id: number }) => m.id)).toEqual([
      marketer.userId,
      otherManager.userId,
      owner.userId,
    ])
    expect(note.unnotified).toEqual([{ id: otherManager.userId, name: expect.any(String) }])

    const got = await notificationsOf(marketer)
    expect(got).toHaveLength(1)
    expect(got[0]).toMatchObject({
      type: 'mention',
      subjectType: 'probe',
      subjectId: probe,
      actor: { id: owner.userId },
      payload: {
        noteId: note.id,
        subjectTitle: `Probe ${probe}`,
        path: `/probes/${probe}`,
        excerpt: note.text.slice(0, 200),
      },
    })
    expect(await notificationsOf(otherManager)).toEqual([])
    expect(await notificationsOf(owner)).toEqual([])
    expect((await marketer.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 })
  })

  it('cuts the excerpt at 200 characters', async () => {
    const probe = await newProbe(owner.userId)
    const long = 'Ж'.repeat(500)
    const res = await owner.post('/api/notes', {
      subjectType: 'probe',
      subjectId: probe,
      body: `<p>${mention(admin)} ${long}</p>`,
    })
    const [n] = (await notificationsOf(admin)).filter((x) => x.payload.noteId === res.json().id)
    expect(n!.payload.excerpt).toBe(`@someone ${long}`.slice(0, 200))
  })

  it('on edit notifies only newly mentioned colleagues, once', async () => {
    const probe = await newProbe(owner.userId)
    const first = await t.signIn('marketer')
    const second = await t.signIn('auditor')
    const created = (
      await owner.post('/api/notes', {
        subjectType: 'probe',
        subjectId: probe,
        body: `<p>${mention(first)} hi</p>`,
      })
    ).json()
    expect(await notificationsOf(first)).toHaveLength(1)

    const edited = await owner.patch(
      `/api/notes/${created.id}`,
      { body: `<p>${mention(first)} and ${mention(second)} hi again</p>` },
      created.version,
    )
    expect(edited.statusCode).toBe(200)
    expect(edited.headers.etag).toBe(`"${created.version + 1}"`)
    expect(edited.json()).toMatchObject({ text: '@someone and @someone hi again', unnotified: [] })
    expect(await notificationsOf(first)).toHaveLength(1)
    expect(await notificationsOf(second)).toHaveLength(1)

    // Removed and mentioned again: still one notification each.
    const again = await owner.patch(
      `/api/notes/${created.id}`,
      { body: '<p>nobody</p>' },
      created.version + 1,
    )
    await owner.patch(
      `/api/notes/${created.id}`,
      { body: `<p>${mention(first)} ${mention(second)}</p>` },
      again.json().version,
    )
    expect(await notificationsOf(first)).toHaveLength(1)
    expect(await notificationsOf(second)).toHaveLength(1)
  })

  it('lets only the author edit, requires If-Match and refuses a stale version', async () => {
    const probe = await newProbe(owner.userId)
    const note = (
      await owner.post('/api/notes', { subjectType: 'probe', subjectId: probe, body: '<p>v1</p>' })
    ).json()

    const byAdmin = await admin.patch(`/api/notes/${note.id}`, { body: '<p>admin</p>' }, note.version)
    expect(byAdmin.statusCode).toBe(403)
    expect(byAdmin.json().error.message).toBe('Only the author can change this note.')
    expect(
      (await marketer.patch(`/api/notes/${note.id}`, { body: '<p>m</p>' }, note.version)).statusCode,
    ).toBe(403)
    expect(
      (await otherManager.patch(`/api/notes/${note.id}`, { body: '<p>o</p>' }, note.version)).statusCode,
    ).toBe(404)

    expect((await owner.patch(`/api/notes/${note.id}`, { body: '<p>v2</p>' })).statusCode).toBe(428)
    expect((await owner.patch(`/api/notes/${note.id}`, { body: '<p>v2</p>' }, note.version)).statusCode).toBe(
      200,
    )
    const stale = await owner.patch(`/api/notes/${note.id}`, { body: '<p>v3</p>' }, note.version)
    expect(stale.statusCode).toBe(412)
    const items = (await owner.get(`/api/notes?subjectType=probe&subjectId=${probe}`)).json().items
    expect(items).toMatchObject([{ id: note.id, text: 'v2', version: 2 }])
  })

  it("hides another manager's record: no reading, no adding, nothing stored", async () => {
    const probe = await newProbe(owner.userId)
    await owner.post('/api/notes', { subjectType: 'probe', subjectId: probe, body: '<p>secret</p>' })
    const before = await countRows('notes')

    const list = await otherManager.get(`/api/notes?subjectType=probe&subjectId=${probe}`)
    expect(list.statusCode).toBe(404)
    const add = await otherManager.post('/api/notes', {
      subjectType: 'probe',
      subjectId: probe,
      body: '<p>x</p>',
    })
    expect(add.statusCode).toBe(404)
    const missing = await owner.post('/api/notes', {
      subjectType: 'probe',
      subjectId: 999_999,
      body: '<p>x</p>',
    })
    expect(missing.statusCode).toBe(404)
    expect(await countRows('notes')).toBe(before)
  })

  it('lets a marketer and an auditor read the timeline but not write to it', async () => {
    const probe = await newProbe(owner.userId)
    const note = (
      await owner.post('/api/notes', { subjectType: 'probe', subjectId: probe, body: '<p>hello</p>' })
    ).json()
    const before = await countRows('notes')
    for (const reader of [marketer, auditor]) {
      const list = await reader.get(`/api/notes?subjectType=probe&subjectId=${probe}`)
      expect(list.statusCode).toBe(200)
      expect(list.json().items).toMatchObject([{ id: note.id, canEdit: false }])
      const add = await reader.post('/api/notes', {
        subjectType: 'probe',
        subjectId: probe,
        body: '<p>x</p>',
      })
      expect(add.statusCode).toBe(403)
      expect((await reader.delete(`/api/notes/${note.id}`, note.version)).statusCode).toBe(403)
    }
    expect(await countRows('notes')).toBe(before)
    const asAdmin = await admin.get(`/api/notes?subjectType=probe&subjectId=${probe}`)
    expect(asAdmin.json().items[0].canEdit).toBe(true)
  })

  it('pages the timeline newest first by id', async () => {
    const probe = await newProbe(owner.userId)
    const ids: number[] = []
    for (const n of [1, 2, 3]) {
      ids.push(
        (
          await owner.post('/api/notes', { subjectType: 'probe', subjectId: probe, body: `<p>${n}</p>` })
        ).json().id,
      )
    }
    const first = (await owner.get(`/api/notes?subjectType=probe&subjectId=${probe}&limit=2`)).json()
    expect(first.items.map((n: { text: string }) => n.text)).toEqual(['3', '2'])
    expect(first.nextBefore).toBe(ids[1])
    const second = (
      await owner.get(`/api/notes?subjectType=probe&subjectId=${probe}&limit=2&before=${first.nextBefore}`)
    ).json()
    expect(second).toEqual({ items: [expect.objectContaining({ text: '1' })], nextBefore: null })
  })

  it('deletes softly (author or administrator), audited with the text, and withdraws its mentions', async () => {
    const team = (await admin.post('/api/teams', { name: `Team ${Date.now()}` })).json()
    const head = await t.signIn('head_of_sales', { teamId: team.id })
    const probe = await newProbe(owner.userId, team.id)
    const note = (
      await owner.post('/api/notes', {
        subjectType: 'probe',
        subjectId: probe,
        body: `<p><b>Secret</b> for ${mention(head, 'Head')}</p>`,
      })
    ).json()
    expect(await notificationsOf(head)).toHaveLength(1)

    const byHead = await head.delete(`/api/notes/${note.id}`, note.version)
    expect(byHead.statusCode).toBe(403)
    expect(byHead.json().error.message).toBe('Only the author or an administrator can delete this note.')
    expect((await owner.delete(`/api/notes/${note.id}`)).statusCode).toBe(428)
    expect((await owner.delete(`/api/notes/${note.id}`, note.version + 1)).statusCode).toBe(412)
    expect((await owner.delete(`/api/notes/${note.id}`, note.version)).statusCode).toBe(204)

    expect((await owner.get(`/api/notes?subjectType=probe&subjectId=${probe}`)).json().items).toEqual([])
    expect(await notificationsOf(head)).toEqual([])
    const row = await t.db.handle.db
      .selectFrom('notes')
      .selectAll()
      .where('id', '=', note.id)
      .executeTakeFirstOrThrow()
    expect(row.deleted_at).not.toBeNull()

    const audit = await t.db.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'changes'])
      .where('entity_type', '=', 'note')
      .where('entity_id', '=', note.id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete'])
    expect(audit[1]!.actor_id).toBe(owner.userId)
    const created = JSON.parse(audit[0]!.changes)
    expect(created).toMatchObject({
      subjectType: { to: 'probe' },
      subjectId: { to: probe },
      text: { to: 'Secret for @Head' },
    })
    expect(audit[0]!.changes).not.toContain('<b>')
    expect(JSON.parse(audit[1]!.changes)).toMatchObject({ text: { from: 'Secret for @Head' } })

    const other = (
      await owner.post('/api/notes', { subjectType: 'probe', subjectId: probe, body: '<p>x</p>' })
    ).json()
    expect((await admin.delete(`/api/notes/${other.id}`, other.version)).statusCode).toBe(204)
    expect((await admin.delete(`/api/notes/${other.id}`, other.version + 1)).statusCode).toBe(404)
  })

  it('audits an edit with the text before and after', async () => {
    const probe = await newProbe(owner.userId)
    const note = (
      await owner.post('/api/notes', { subjectType: 'probe', subjectId: probe, body: '<p>old</p>' })
    ).json()
    await owner.patch(`/api/notes/${note.id}`, { body: '<p><em>new</em></p>' }, note.version)
    const entry = await t.db.handle.db
      .selectFrom('audit_log')
      .select(['changes'])
      .where('entity_type', '=', 'note')
      .where('entity_id', '=', note.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(entry.changes)).toEqual({
      subjectType: { to: 'probe' },
      subjectId: { to: probe },
      text: { from: 'old', to: 'new' },
    })
  })
})
