/**
 * Reminders of activities and tasks: fired once at their time (not before), late after a downtime,
 * re-armed by a move, cancelled with their target, snoozed and dismissed by their owner only; pushed to
 * the open pages; e-mailed in the employee's language with a stable Message-ID (one more copy after a
 * crash, no more); overdue work escalated to the head once. The clock is the reminder's `fire_at`: a test
 * moves it into the past instead of waiting.
 */
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.ts'
import { EventStreamClient, listen, sessionCookie } from '../../../test/sse-client.ts'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { testDialect } from '../../../test/test-database.ts'
import { registerJobs } from '../../jobs.ts'
import { JobQueue } from '../../platform/jobs/job-queue.ts'
import { JobWorker } from '../../platform/jobs/worker.ts'
import { MAIL_SEND_JOB, mailSendHandler } from '../../platform/mail/index.ts'
import type { ActivityDto, ActivityTypeDto, TaskDto } from './activities.schemas.ts'
import { escalateOverdue } from './escalation.ts'
import { dispatchDueReminders, REMINDERS_DISPATCH_JOB } from './reminders.dispatch.ts'

const silent = pino({ level: 'silent' })
const iso = (ms: number) => new Date(ms).toISOString()
const inMinutes = (m: number) => iso(Date.now() + m * 60_000)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const moscow = (locale: string, at: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Moscow',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at))

interface ReminderPayload {
  reminderId: number
  targetType: string
  targetId: number
  title: string
  at: string
  offsetMin: number
  late: boolean
  clientName: string | null
}

describe(`reminders (${testDialect()})`, () => {
  let t: TestApp
  let base: string
  let admin: Client
  let head: Client
  let anna: Client
  let boris: Client
  let annaEmail: string
  let borisEmail: string
  let clientId: number
  let borisClientId: number
  let types: ActivityTypeDto[]
  const type = (code: string) => types.find((x) => x.code === code)!
  const db = () => t.db.handle.db
  const deps = () => ({ database: t.db.handle, jobs: t.app.ctx.jobs, config: t.config })
  const dispatch = () => dispatchDueReminders(deps())

  async function plan(who: Client, body: Record<string, unknown>): Promise<ActivityDto> {
    const res = await who.post('/api/activities', {
      typeId: type('call').id,
      subjectType: 'client',
      subjectId: who === boris ? borisClientId : clientId,
      title: 'Обсудить поставку',
      ...body,
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as ActivityDto
  }

  /** Its time has come: `fire_at` a moment ago (and, with `armedAgo`, armed long before, as if the server was down). */
  async function due(id: number, o: { ago?: number; armedAgo?: number } = {}) {
    const now = Date.now()
    await db()
      .updateTable('reminders')
      .set({
        fire_at: iso(now - (o.ago ?? 1000)),
        ...(o.armedAgo !== undefined ? { updated_at: iso(now - o.armedAgo) } : {}),
      })
      .where('id', '=', id)
      .execute()
  }

  async function reminder(id: number) {
    return db().selectFrom('reminders').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  }

  /** The in-app notifications a reminder made, oldest first. */
  async function fired(reminderId: number) {
    const rows = await db()
      .selectFrom('notifications')
      .select(['id', 'user_id', 'dedupe_key', 'payload', 'created_at'])
      .where('type', '=', 'reminder')
      .where('dedupe_key', 'like', `reminder:${reminderId}:%`)
      .orderBy('id')
      .execute()
    return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as ReminderPayload }))
  }

  beforeAll(async () => {
    t = await buildTestApp()
    base = await listen(t.app)
    admin = await t.signIn('admin')
    const team = (await admin.post('/api/teams', { name: 'Продажи' })).json().id as number
    head = await t.signIn('head_of_sales', { teamId: team, locale: 'ru' })
    annaEmail = `anna.${Date.now()}@test.example`
    borisEmail = `boris.${Date.now()}@test.example`
    anna = await t.signIn('sales_manager', { teamId: team, locale: 'ru', email: annaEmail })
    boris = await t.signIn('sales_manager', { teamId: team, locale: 'en', email: borisEmail })
    const teamRow = (await admin.get(`/api/teams/${team}`)).json()
    await admin.patch(`/api/teams/${team}`, { name: 'Продажи', headId: head.userId }, teamRow.version)
    clientId = (await anna.post('/api/clients', { kind: 'organization', name: 'ООО «Ромашка»' })).json().id
    borisClientId = (await boris.post('/api/clients', { kind: 'organization', name: 'Daisy Ltd' })).json().id
    types = (await anna.get('/api/activity-types')).json().items
  })
  afterAll(async () => {
    await t?.close()
  })

  it('fires nothing before its time and exactly once after it', async () => {
    const a = await plan(anna, { startsAt: inMinutes(1), reminders: [0] })
    const r = a.reminders[0]!
    expect(r).toMatchObject({ offsetMin: 0, fireAt: a.startsAt, status: 'pending' })
    expect(await dispatch()).toBe(0)
    expect(await fired(r.id)).toEqual([])

    await due(r.id)
    expect(await dispatch()).toBe(1)
    expect(await dispatch()).toBe(0)
    const notes = await fired(r.id)
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ user_id: anna.userId, dedupe_key: `reminder:${r.id}:1` })
    expect(notes[0]!.payload).toMatchObject({
      reminderId: r.id,
      targetType: 'activity',
      targetId: a.id,
      title: 'Обсудить поставку',
      at: a.startsAt,
      offsetMin: 0,
      late: false,
      clientName: 'ООО «Ромашка»',
    })
    expect(await reminder(r.id)).toMatchObject({ status: 'sent', fire_count: 1, late: 0 })
    // The employee sees it in the bell; a colleague does not.
    const mine = (await anna.get('/api/notifications')).json().items as Array<{ id: number; type: string }>
    expect(mine.filter((n) => n.id === notes[0]!.id)).toHaveLength(1)
    const theirs = (await boris.get('/api/notifications')).json().items as Array<{ id: number }>
    expect(theirs.some((n) => n.id === notes[0]!.id)).toBe(false)
    expect((await anna.get(`/api/activities/${a.id}`)).json().reminders[0].status).toBe('sent')
  })

  it('marks late a reminder missed while the server was down, not one set for a time already past', async () => {
    const missed = await plan(anna, { startsAt: inMinutes(120), reminders: [60] })
    await due(missed.reminders[0]!.id, { ago: 5 * 60_000, armedAgo: 2 * 3600_000 })
    // A call in five minutes with a fifteen-minute reminder: its time is past as it is set, so it fires
    // at once — the CRM was not down, it is not late.
    const soon = await plan(anna, { startsAt: inMinutes(5), reminders: [15] })
    expect(soon.reminders[0]!.fireAt < new Date().toISOString()).toBe(true)
    expect(await dispatch()).toBe(2)
    const [late] = await fired(missed.reminders[0]!.id)
    expect(late!.payload.late).toBe(true)
    expect(await reminder(missed.reminders[0]!.id)).toMatchObject({ status: 'sent', late: 1 })
    const [onTime] = await fired(soon.reminders[0]!.id)
    expect(onTime!.payload.late).toBe(false)
    expect(await reminder(soon.reminders[0]!.id)).toMatchObject({ status: 'sent', late: 0 })
  })

  it('re-arms a fired reminder when the activity moves, and only then', async () => {
    const a = await plan(anna, { startsAt: inMinutes(120), reminders: [15] })
    const id = a.reminders[0]!.id
    await due(id)
    expect(await dispatch()).toBe(1)
    const sent = (await anna.get(`/api/activities/${a.id}`)).json() as ActivityDto
    // A new title does not remind again…
    const renamed = await anna.patch(`/api/activities/${a.id}`, { title: 'Обсудить цены' }, sent.version)
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json().reminders[0].status).toBe('sent')
    // …a new time does: at the new time minus the offset.
    const newStart = inMinutes(180)
    const moved = await anna.patch(`/api/activities/${a.id}`, { startsAt: newStart }, renamed.json().version)
    expect(moved.statusCode).toBe(200)
    expect(moved.json().reminders[0]).toMatchObject({
      id,
      status: 'pending',
      fireAt: iso(new Date(newStart).getTime() - 15 * 60_000),
    })
    expect(await dispatch()).toBe(0)
    await due(id)
    expect(await dispatch()).toBe(1)
    const notes = await fired(id)
    expect(notes.map((n) => n.dedupe_key)).toEqual([`reminder:${id}:1`, `reminder:${id}:2`])
    expect(notes[1]!.payload).toMatchObject({ title: 'Обсудить цены', at: newStart })
  })

  it('cancels the reminders of completed, cancelled and deleted work, and never fires them', async () => {
    const done = await plan(anna, { startsAt: inMinutes(120), reminders: [15] })
    const cancelled = await plan(anna, { startsAt: inMinutes(120), reminders: [30] })
    const deleted = await plan(anna, { startsAt: inMinutes(120), reminders: [45] })
    const task = (
      await anna.post('/api/tasks', { title: 'Выставить счёт', dueAt: inMinutes(90), reminders: [0] })
    ).json() as TaskDto
    expect(
      (
        await anna.request({
          method: 'POST',
          url: `/api/activities/${done.id}/complete`,
          payload: { outcomeId: type('call').outcomes[0]!.id },
          ifMatch: done.version,
        })
      ).statusCode,
    ).toBe(200)
    expect(
      (
        await anna.request({
          method: 'POST',
          url: `/api/activities/${cancelled.id}/cancel`,
          ifMatch: cancelled.version,
        })
      ).statusCode,
    ).toBe(200)
    expect((await anna.delete(`/api/activities/${deleted.id}`, deleted.version)).statusCode).toBe(204)
    expect((await anna.patch(`/api/tasks/${task.id}`, { status: 'done' }, task.version)).statusCode).toBe(200)
    const ids = [done, cancelled].map((a) => a.reminders[0]!.id).concat(task.reminders[0]!.id)
    for (const id of ids) {
      expect((await reminder(id)).status).toBe('cancelled')
      await due(id)
    }
    expect(
      await db().selectFrom('reminders').select('id').where('id', '=', deleted.reminders[0]!.id).execute(),
    ).toEqual([])
    expect(await dispatch()).toBe(0)
    for (const id of ids) expect(await fired(id)).toEqual([])

    // A target finished behind the reminders' back (no sync): the dispatcher checks and cancels.
    const behind = await plan(anna, { startsAt: inMinutes(120), reminders: [15] })
    await db().updateTable('activities').set({ status: 'done' }).where('id', '=', behind.id).execute()
    await due(behind.reminders[0]!.id)
    expect(await dispatch()).toBe(1)
    expect(await fired(behind.reminders[0]!.id)).toEqual([])
    expect((await reminder(behind.reminders[0]!.id)).status).toBe('cancelled')
  })

  it('drops reminders that come due while their client is in the trash', async () => {
    const trashed = (
      await anna.post('/api/clients', { kind: 'organization', name: 'ООО «В корзине»' })
    ).json()
    const call = (
      await anna.post('/api/activities', {
        typeId: type('call').id,
        subjectType: 'client',
        subjectId: trashed.id,
        startsAt: inMinutes(120),
        reminders: [15],
      })
    ).json() as ActivityDto
    const card = (await anna.get(`/api/clients/${trashed.id}`)).json()
    expect((await anna.delete(`/api/clients/${trashed.id}`, card.version)).statusCode).toBe(204)
    await due(call.reminders[0]!.id)
    expect(await dispatch()).toBe(1)
    expect(await fired(call.reminders[0]!.id)).toEqual([])
    expect((await reminder(call.reminders[0]!.id)).status).toBe('cancelled')
  })

  it('snoozes a fired reminder to fire once more, dismisses it for good — the owner’s only', async () => {
    const a = await plan(anna, { startsAt: inMinutes(120), reminders: [15] })
    const id = a.reminders[0]!.id
    await due(id)
    expect(await dispatch()).toBe(1)

    // Someone else's reminder (or none at all) is not found.
    expect((await boris.post(`/api/reminders/${id}/snooze`, { minutes: 10 })).statusCode).toBe(404)
    expect((await boris.post(`/api/reminders/${id}/dismiss`)).statusCode).toBe(404)
    expect((await head.post(`/api/reminders/${id}/snooze`, { minutes: 10 })).statusCode).toBe(404)
    expect((await anna.post('/api/reminders/99999999/snooze', { minutes: 10 })).statusCode).toBe(404)
    expect((await reminder(id)).status).toBe('sent')

    const before = Date.now()
    expect((await anna.post(`/api/reminders/${id}/snooze`, { minutes: 10 })).statusCode).toBe(204)
    const snoozed = await reminder(id)
    expect(snoozed.status).toBe('pending')
    expect(new Date(snoozed.fire_at).getTime()).toBeGreaterThanOrEqual(before + 10 * 60_000)
    expect(new Date(snoozed.fire_at).getTime()).toBeLessThan(Date.now() + 10 * 60_000 + 1000)
    expect(await dispatch()).toBe(0)
    await due(id)
    expect(await dispatch()).toBe(1)
    expect(await dispatch()).toBe(0)
    expect((await fired(id)).map((n) => n.dedupe_key)).toEqual([`reminder:${id}:1`, `reminder:${id}:2`])

    // Snoozed again, then dismissed: it never fires again.
    expect((await anna.post(`/api/reminders/${id}/snooze`, { minutes: 5 })).statusCode).toBe(204)
    expect((await anna.post(`/api/reminders/${id}/dismiss`)).statusCode).toBe(204)
    expect((await reminder(id)).status).toBe('dismissed')
    await due(id)
    expect(await dispatch()).toBe(0)
    expect(await fired(id)).toHaveLength(2)
    expect((await anna.post(`/api/reminders/${id}/dismiss`)).statusCode).toBe(404)
  })

  it('pushes `notification` to the employee’s open pages when a reminder fires, and to no one else’s', async () => {
    const mine = await EventStreamClient.open(base, { cookie: await sessionCookie(t.app, annaEmail) })
    const theirs = await EventStreamClient.open(base, { cookie: await sessionCookie(t.app, borisEmail) })
    try {
      await mine.next('ready')
      await theirs.next('ready')
      const a = await plan(anna, { startsAt: inMinutes(120), reminders: [15] })
      await due(a.reminders[0]!.id)
      expect(await dispatch()).toBe(1)
      const [note] = await fired(a.reminders[0]!.id)
      const event = await mine.next('notification', 5000)
      expect(event.data).toEqual({ id: note!.id })
      await sleep(200)
      expect(theirs.pending('notification')).toEqual([])
    } finally {
      mine.close()
      theirs.close()
    }
  })

  it('e-mails a reminder in the employee’s language, with a stable Message-ID: one more copy after a crash, no more', async () => {
    let sink: SmtpSink | undefined
    try {
      sink = await startSmtpSink()
      const settings = await admin.request({
        method: 'PUT',
        url: '/api/settings/mail',
        payload: {
          host: sink.host,
          port: sink.port,
          security: 'none',
          user: '',
          fromAddress: 'crm@example.com',
          fromName: 'MM CRM',
        },
      })
      expect(settings.statusCode, settings.body).toBe(200)
      // Anna turns e-mail on before planning; Boris after (his planned reminders follow his settings).
      const channels = { channels: ['app', 'email'] }
      expect(
        (await anna.request({ method: 'PUT', url: '/api/me/reminder-settings', payload: channels }))
          .statusCode,
      ).toBe(200)
      const ru = await plan(anna, { startsAt: '2031-03-14T07:30:00.000Z', reminders: [15] })
      const en = await plan(boris, {
        title: 'Discuss the delivery',
        startsAt: '2031-03-14T12:00:00.000Z',
        reminders: [30],
      })
      expect(
        (await boris.request({ method: 'PUT', url: '/api/me/reminder-settings', payload: channels }))
          .statusCode,
      ).toBe(200)
      await t.runJobs() // whatever the setup queued, so that only the reminders' mail is left
      const ruId = ru.reminders[0]!.id
      const enId = en.reminders[0]!.id
      await due(ruId)
      await due(enId)
      expect(await dispatch()).toBe(2)
      expect(await fired(ruId)).toHaveLength(1)
      expect(await fired(enId)).toHaveLength(1)

      // The mail job runs, the server accepts the message — and the worker dies before marking the job
      // done (a worker of its own that never completes).
      const dying = new JobQueue(db(), t.db.handle.kind)
      const claimed = await dying.claim(10, 60_000)
      expect(claimed.map((j) => j.type)).toEqual([MAIL_SEND_JOB, MAIL_SEND_JOB])
      const send = mailSendHandler(t.app.ctx, silent)
      for (const job of claimed) await send(job)
      expect(sink.messages).toHaveLength(2)
      const ruMail = sink.messages.find((m) => m.envelope.to[0] === annaEmail)!
      const enMail = sink.messages.find((m) => m.envelope.to[0] === borisEmail)!
      expect(ruMail.parsed.messageId).toBe(`<reminder-${ruId}-1@example.com>`)
      // In the employee's language and time zone (Europe/Moscow): 07:30 UTC is 10:30.
      const ruWhen = moscow('ru-RU', ru.startsAt)
      expect(ruWhen).toMatch(/^14 марта.* 10:30$/)
      expect(ruMail.parsed.subject).toBe(`Напоминание: Звонок: Обсудить поставку — ${ruWhen}`)
      expect(ruMail.parsed.text).toContain(`Запланировано: Звонок: Обсудить поставку, ${ruWhen}.`)
      expect(ruMail.parsed.text).toContain('Клиент: ООО «Ромашка»')
      expect(ruMail.parsed.text).not.toContain('опозданием')
      expect(enMail.parsed.messageId).toBe(`<reminder-${enId}-1@example.com>`)
      const enWhen = moscow('en-GB', en.startsAt)
      expect(enWhen).toMatch(/^14 March.* 15:00$/)
      expect(enMail.parsed.subject).toBe(`Reminder: Call: Discuss the delivery — ${enWhen}`)
      expect(enMail.parsed.text).toContain(`Planned: Call: Discuss the delivery, ${enWhen}.`)
      expect(enMail.parsed.text).toContain('Client: Daisy Ltd')

      // Its lease runs out; a live worker takes the job again and sends the same message once more.
      await db()
        .updateTable('jobs')
        .set({ lease_until: iso(Date.now() - 1000) })
        .where('locked_by', '=', dying.workerId)
        .execute()
      expect(await t.app.ctx.jobs.reapExpiredLeases()).toBe(2)
      await t.runJobs()
      await t.runJobs()
      expect(sink.messages).toHaveLength(4)
      const copies = sink.messages.filter((m) => m.envelope.to[0] === annaEmail)
      expect(copies.map((m) => m.parsed.messageId)).toEqual([
        `<reminder-${ruId}-1@example.com>`,
        `<reminder-${ruId}-1@example.com>`,
      ])
      expect(copies[1]!.parsed.subject).toBe(copies[0]!.parsed.subject)
      const jobs = await db()
        .selectFrom('jobs')
        .select(['status', 'attempts'])
        .where('type', '=', MAIL_SEND_JOB)
        .execute()
      expect(jobs).toEqual([
        { status: 'done', attempts: 2 },
        { status: 'done', attempts: 2 },
      ])
      // Dispatching again adds nothing: neither a notification nor a message.
      expect(await dispatch()).toBe(0)
      await t.runJobs()
      expect(sink.messages).toHaveLength(4)
      expect(await fired(ruId)).toHaveLength(1)
    } finally {
      await sink?.close()
      for (const who of [anna, boris])
        await who.request({ method: 'PUT', url: '/api/me/reminder-settings', payload: { channels: ['app'] } })
      await t.runJobs()
    }
  })

  it('fires within 30 s of its time when the worker runs as in the app', { timeout: 45_000 }, async () => {
    // Planned a minute and two seconds ahead with a reminder a minute before: due in two seconds.
    const a = await plan(anna, { startsAt: iso(Date.now() + 62_000), reminders: [1] })
    const r = a.reminders[0]!
    const worker = new JobWorker(t.app.ctx.jobs, t.db.handle, silent) // the app's poll (1 s) and lease
    registerJobs(worker, t.app.ctx)
    await worker.start()
    try {
      let notes = await fired(r.id)
      const deadline = Date.now() + 35_000
      while (!notes.length && Date.now() < deadline) {
        await sleep(100)
        notes = await fired(r.id)
      }
      expect(notes).toHaveLength(1)
      const lag = new Date(notes[0]!.created_at).getTime() - new Date(r.fireAt).getTime()
      console.info(`reminder fired ${lag} ms after its time by the worker (${testDialect()})`)
      expect(lag).toBeGreaterThanOrEqual(0)
      expect(lag).toBeLessThan(30_000)
      expect(notes[0]!.payload.late).toBe(false)
    } finally {
      await worker.stop()
      // The worker's recurring jobs stay queued for its next start; this file's other tests run jobs by hand.
      await db().deleteFrom('jobs').where('status', '=', 'pending').execute()
    }
    const ticks = await db()
      .selectFrom('jobs')
      .select('status')
      .where('type', '=', `${REMINDERS_DISPATCH_JOB}.tick`)
      .execute()
    expect(ticks.length).toBeGreaterThan(0)
  })

  it('escalates overdue work to the team head once, however many passes run at once', async () => {
    const call = await plan(boris, { startsAt: inMinutes(10), reminders: [] })
    const task = (await boris.post('/api/tasks', { title: 'Send the offer', dueAt: inMinutes(20) })).json()
    // Three hours later (the default limit is two hours overdue), two passes together, then a third.
    const later = new Date(Date.now() + 3 * 3600_000)
    await Promise.all([escalateOverdue(db(), later), escalateOverdue(db(), later)])
    await escalateOverdue(db(), later)
    const notes = (await head.get('/api/notifications')).json().items as Array<{
      type: string
      payload: { targetType: string; targetId: number; performer: string }
    }>
    const of = (kind: string, id: number) =>
      notes.filter(
        (n) => n.type === 'escalation' && n.payload.targetType === kind && n.payload.targetId === id,
      )
    expect(of('activity', call.id)).toHaveLength(1)
    expect(of('task', task.id)).toHaveLength(1)
    expect(of('activity', call.id)[0]!.payload.performer).toBeTruthy()
    // Not to the performer, nor to anyone outside the team's head.
    for (const who of [boris, anna, admin]) {
      const items = (await who.get('/api/notifications')).json().items as Array<{ type: string }>
      expect(items.filter((n) => n.type === 'escalation')).toEqual([])
    }
  })
})
