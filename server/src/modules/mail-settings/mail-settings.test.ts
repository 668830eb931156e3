import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { closedPort, type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.ts'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import {
  enqueueMail,
  MAIL_SEND_JOB,
  mailMessageId,
  mailSendHandler,
  textToHtml,
} from '../../platform/mail/index.ts'

const PASSWORD = 'Sm7p-Secret-Пароль'

describe('outgoing e-mail', () => {
  let t: TestApp
  let sink: SmtpSink
  let admin: Client
  let adminEmail: string

  const settings = (overrides: Record<string, unknown> = {}) => ({
    host: sink.host,
    port: sink.port,
    security: 'none',
    user: 'crm',
    password: PASSWORD,
    fromAddress: 'crm@example.com',
    fromName: 'MM CRM',
    ...overrides,
  })

  async function mailJobs() {
    return t.db.handle.db
      .selectFrom('jobs')
      .select(['id', 'status', 'attempts', 'last_error', 'dedupe_key'])
      .where('type', '=', MAIL_SEND_JOB)
      .orderBy('id')
      .execute()
  }

  beforeAll(async () => {
    t = await buildTestApp()
    sink = await startSmtpSink({ user: 'crm', password: PASSWORD })
    admin = await t.signIn('admin', { locale: 'ru' })
    adminEmail = (await admin.get('/api/me')).json().email
  })
  afterAll(async () => {
    await sink?.close()
    await t?.close()
  })
  beforeEach(() => {
    sink.messages.length = 0
  })

  it('starts with mail off, and only a settings manager may see or change the settings', async () => {
    const res = await admin.get('/api/settings/mail')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ host: '', passwordSet: false, active: 'none', environment: null })
    const manager = await t.signIn('sales_manager')
    expect((await manager.get('/api/settings/mail')).statusCode).toBe(403)
    expect(
      (await manager.request({ method: 'PUT', url: '/api/settings/mail', payload: settings() })).statusCode,
    ).toBe(403)
    expect((await manager.post('/api/settings/mail/test')).statusCode).toBe(403)
  })

  it('refuses bad settings field by field, in the caller’s language', async () => {
    const noFrom = await admin.request({
      method: 'PUT',
      url: '/api/settings/mail',
      payload: settings({ fromAddress: '' }),
    })
    expect(noFrom.statusCode).toBe(400)
    expect(noFrom.json().error.fields.fromAddress).toMatch(/адрес отправителя/)
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/settings/mail',
      payload: settings({ port: 70000, security: 'ssl', fromAddress: 'not-an-address', host: 'a b' }),
    })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['host', 'port', 'security'])
    const badFrom = await admin.request({
      method: 'PUT',
      url: '/api/settings/mail',
      payload: settings({ fromAddress: 'not-an-address' }),
    })
    expect(badFrom.json().error.fields).toEqual({ fromAddress: expect.stringMatching(/электронной почты/) })
    expect((await admin.get('/api/settings/mail')).json().host).toBe('')
  })

  it('keeps the password write-only: never in a response, never in the audit trail', async () => {
    const saved = await admin.request({ method: 'PUT', url: '/api/settings/mail', payload: settings() })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      user: 'crm',
      passwordSet: true,
      fromAddress: 'crm@example.com',
      fromName: 'MM CRM',
      active: 'settings',
    })
    expect(saved.body).not.toContain(PASSWORD)
    expect(saved.json()).not.toHaveProperty('password')
    const read = await admin.get('/api/settings/mail')
    expect(read.body).not.toContain(PASSWORD)
    expect(read.json().passwordSet).toBe(true)

    // Saving without a password keeps the saved one.
    const { password: _omit, ...withoutPassword } = settings({ fromName: 'CRM' })
    const kept = await admin.request({ method: 'PUT', url: '/api/settings/mail', payload: withoutPassword })
    expect(kept.json()).toMatchObject({ passwordSet: true, fromName: 'CRM' })

    const audit = await admin.get('/api/audit?entityType=setting')
    expect(audit.statusCode).toBe(200)
    const entries = audit.json().items as Array<{ changes: Record<string, { from?: unknown; to?: unknown }> }>
    const first = entries.find((e) => 'smtpHost' in e.changes)!
    expect(first.changes.smtpHost).toEqual({ from: '', to: '127.0.0.1' })
    expect(first.changes.smtpPassword).toEqual({ to: '••••' })
    expect(
      entries.find((e) => 'smtpFromName' in e.changes && !('smtpHost' in e.changes))?.changes,
    ).not.toHaveProperty('smtpPassword')
    const rows = await sql<{ changes: string }>`select changes from audit_log`.execute(t.db.handle.db)
    for (const row of rows.rows) expect(String(row.changes)).not.toContain(PASSWORD)
    const stored = await t.db.handle.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'mail.smtp')
      .executeTakeFirst()
    expect(stored).toBeDefined()
  })

  it('sends a queued message after commit: Message-ID, subject and a Cyrillic body as given', async () => {
    await admin.request({ method: 'PUT', url: '/api/settings/mail', payload: settings() })
    const messageId = mailMessageId('reminder-123', 'mmcrm.local')
    expect(messageId).toBe('<reminder-123@mmcrm.local>')
    const text =
      'Напоминание: позвонить клиенту «Ромашка» в 15:00.\nСсылка: https://crm.example.com/tasks/123'
    await inTransaction(t.db.handle.db, async ({ tx }) => {
      await enqueueMail(tx, t.app.ctx.jobs, {
        to: 'иван@пример.рф',
        subject: 'Напоминание о задаче № 123',
        text,
        html: textToHtml(text),
        messageId,
        headers: { 'X-MMCRM-Reminder': '123' },
      })
    })
    await t.runJobs()
    expect(sink.messages).toHaveLength(1)
    const [mail] = sink.messages
    expect(mail!.user).toBe('crm')
    expect(mail!.envelope).toEqual({ from: 'crm@example.com', to: ['иван@пример.рф'] })
    expect(mail!.parsed.messageId).toBe(messageId)
    expect(mail!.parsed.subject).toBe('Напоминание о задаче № 123')
    expect(mail!.parsed.text?.trim()).toBe(text)
    expect(mail!.parsed.html).toContain('«Ромашка»')
    expect(mail!.parsed.html).toContain('<a href="https://crm.example.com/tasks/123">')
    expect(mail!.parsed.from?.value[0]).toEqual({ name: 'MM CRM', address: 'crm@example.com' })
    expect(mail!.parsed.headers.get('x-mmcrm-reminder')).toBe('123')
    expect(mail!.parsed.headers.get('auto-submitted')).toBe('auto-generated')
    expect((await mailJobs()).at(-1)).toMatchObject({ status: 'done', attempts: 1 })
  })

  it('sends nothing when the transaction rolls back', async () => {
    const before = (await mailJobs()).length
    await expect(
      inTransaction(t.db.handle.db, async ({ tx }) => {
        await enqueueMail(tx, t.app.ctx.jobs, {
          to: 'someone@example.com',
          subject: 'Не отправится',
          text: 'Откат',
          messageId: '<rolled-back@mmcrm.local>',
        })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    await t.runJobs()
    expect(await mailJobs()).toHaveLength(before)
    expect(sink.messages).toHaveLength(0)
  })

  it('queues a waiting message once, and re-sends the same Message-ID after a crash', async () => {
    const mail = { to: 'a@example.com', subject: 'Тема', text: 'Текст', messageId: '<crash-1@mmcrm.local>' }
    const first = await enqueueMail(t.db.handle.db, t.app.ctx.jobs, mail)
    expect(first).toBeTypeOf('number')
    expect(await enqueueMail(t.db.handle.db, t.app.ctx.jobs, mail)).toBeNull()

    // A worker takes the job, the message goes out, and the worker dies before marking it done.
    const [claimed] = await t.app.ctx.jobs.claim(1, 1)
    expect(claimed?.id).toBe(first)
    const lines: string[] = []
    const log = {
      info: (_: object, m: string) => lines.push(m),
      warn: (_: object, m: string) => lines.push(m),
    }
    await mailSendHandler(t.app.ctx, log)(claimed!)
    await new Promise((r) => setTimeout(r, 20))
    expect(await t.app.ctx.jobs.reapExpiredLeases()).toBe(1)
    await t.runJobs()

    expect(sink.messages.map((m) => m.parsed.messageId)).toEqual([mail.messageId, mail.messageId])
    expect((await mailJobs()).find((j) => j.id === first)).toMatchObject({ status: 'done', attempts: 2 })
    expect(lines).toEqual(['mail: sent'])
  })

  it('retries with back-off while the SMTP server is unreachable', async () => {
    await admin.request({
      method: 'PUT',
      url: '/api/settings/mail',
      payload: settings({ port: await closedPort() }),
    })
    const id = await enqueueMail(t.db.handle.db, t.app.ctx.jobs, {
      to: 'b@example.com',
      subject: 'S',
      text: 'T',
      messageId: '<unreachable-1@mmcrm.local>',
    })
    await t.runJobs()
    const job = (await mailJobs()).find((j) => j.id === id)
    expect(job).toMatchObject({ status: 'pending', attempts: 1 })
    expect(job?.last_error).toMatch(/ECONNREFUSED|connect/i)
    await t.db.handle.db.deleteFrom('jobs').where('id', '=', id).execute()
  })

  it('completes a message as skipped when mail is not set up', async () => {
    await admin.request({ method: 'PUT', url: '/api/settings/mail', payload: settings({ host: '' }) })
    expect((await admin.get('/api/settings/mail')).json().active).toBe('none')
    const id = await enqueueMail(t.db.handle.db, t.app.ctx.jobs, {
      to: 'c@example.com',
      subject: 'S',
      text: 'T',
      messageId: '<skipped-1@mmcrm.local>',
    })
    const [claimed] = await t.app.ctx.jobs.claim(1, 60_000)
    const lines: string[] = []
    const log = {
      info: (_: object, m: string) => lines.push(m),
      warn: (_: object, m: string) => lines.push(m),
    }
    await mailSendHandler(t.app.ctx, log)(claimed!)
    await t.app.ctx.jobs.complete(claimed!.id)
    expect(claimed?.id).toBe(id)
    expect(lines).toEqual(['mail: SMTP is not configured, message skipped'])
    expect(sink.messages).toHaveLength(0)
  })

  it('lets CRM_SMTP_URL win over the saved settings', async () => {
    const config = {
      smtp: {
        url: `smtp://crm:${encodeURIComponent(PASSWORD)}@127.0.0.1:${sink.port}?security=none`,
        from: 'Env CRM <env@example.com>',
      },
    }
    await enqueueMail(t.db.handle.db, t.app.ctx.jobs, {
      to: 'd@example.com',
      subject: 'Env',
      text: 'Из окружения',
      messageId: '<env-1@mmcrm.local>',
    })
    const [claimed] = await t.app.ctx.jobs.claim(1, 60_000)
    await mailSendHandler({ db: t.db.handle.db, config }, { info() {}, warn() {} })(claimed!)
    await t.app.ctx.jobs.complete(claimed!.id)
    expect(sink.messages[0]?.parsed.from?.value[0]).toEqual({ name: 'Env CRM', address: 'env@example.com' })
    expect(sink.messages[0]?.parsed.text?.trim()).toBe('Из окружения')
  })

  it('sends a test message to the caller, in the caller’s language, or says why it could not', async () => {
    await admin.request({ method: 'PUT', url: '/api/settings/mail', payload: settings({ host: '' }) })
    const off = await admin.post('/api/settings/mail/test')
    expect(off.statusCode).toBe(400)
    expect(off.json().error.fields.host).toMatch(/не настроена/)

    await admin.request({ method: 'PUT', url: '/api/settings/mail', payload: settings() })
    const ok = await admin.post('/api/settings/mail/test')
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({
      to: adminEmail,
      source: 'settings',
      messageId: expect.stringMatching(/@example\.com>$/),
    })
    expect(sink.messages).toHaveLength(1)
    expect(sink.messages[0]!.envelope.to).toEqual([adminEmail])
    expect(sink.messages[0]!.parsed.subject).toBe('MM CRM: тестовое письмо')
    expect(sink.messages[0]!.parsed.messageId).toBe(ok.json().messageId)

    await admin.request({
      method: 'PUT',
      url: '/api/settings/mail',
      payload: settings({ password: 'wrong' }),
    })
    const denied = await admin.post('/api/settings/mail/test')
    expect(denied.statusCode).toBe(400)
    expect(denied.json().error.fields.user).toMatch(/Invalid username or password/)
    expect(denied.body).not.toContain('wrong')

    await admin.request({
      method: 'PUT',
      url: '/api/settings/mail',
      payload: settings({ port: await closedPort() }),
    })
    const down = await admin.post('/api/settings/mail/test')
    expect(down.statusCode).toBe(400)
    expect(down.json().error.code).toBe('validation')
    expect(down.json().error.message).toMatch(/^Тестовое письмо не отправлено: .*ECONNREFUSED/)
    expect(down.json().error.fields.host).toMatch(/ECONNREFUSED/)
    expect(sink.messages).toHaveLength(1)
  })
})
