import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../config.ts'
import { assertSendable, mailMessageId } from './mail-queue.ts'
import { describeSmtpError } from './mail-sender.ts'
import { parseFromHeader, smtpFromEnvironment } from './smtp-settings.ts'
import { textToHtml } from './text-to-html.ts'

describe('plain text as HTML', () => {
  it('escapes everything, so no text becomes markup', () => {
    const html = textToHtml('<script>alert("x")</script> & \'q\'')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;')
    expect(html).not.toMatch(/<script/)
  })
  it('makes paragraphs of blank lines, keeps line breaks, and links addresses', () => {
    const html = textToHtml('Привет!\nСтрока два.\n\n\nСм. https://crm.example.com/t/1?a=1&b=2.')
    expect(html).toContain('<p>Привет!<br>\nСтрока два.</p>\n<p>См. ')
    expect(html).toContain(
      '<a href="https://crm.example.com/t/1?a=1&amp;b=2">https://crm.example.com/t/1?a=1&amp;b=2</a>.</p>',
    )
  })
  it('does not let a quoted address break out of the link', () => {
    const html = textToHtml('"https://x.example/a"onmouseover="alert(1)"')
    expect(html).toContain('<a href="https://x.example/a">https://x.example/a</a>&quot;onmouseover')
  })
})

describe('SMTP from the environment', () => {
  it('reads CRM_SMTP_URL and CRM_SMTP_FROM', () => {
    expect(
      smtpFromEnvironment({
        url: 'smtps://crm%40example.com:p%40ss%3Aw@smtp.example.com',
        from: '"MM CRM" <crm@example.com>',
      }),
    ).toEqual({
      host: 'smtp.example.com',
      port: null,
      security: 'tls',
      user: 'crm@example.com',
      password: 'p@ss:w',
      fromAddress: 'crm@example.com',
      fromName: 'MM CRM',
    })
    expect(smtpFromEnvironment({ url: 'smtp://relay:2525', from: 'crm@example.com' })).toMatchObject({
      host: 'relay',
      port: 2525,
      security: 'starttls',
      user: '',
      fromName: '',
      fromAddress: 'crm@example.com',
    })
    expect(smtpFromEnvironment({ url: 'smtp://[::1]?security=none', from: 'a@b.c' })).toMatchObject({
      host: '::1',
      security: 'none',
    })
    expect(parseFromHeader('ООО «Ромашка» <info@romashka.ru>')).toEqual({
      name: 'ООО «Ромашка»',
      address: 'info@romashka.ru',
    })
  })
  it('stops the start on a bad URL or a URL without a sender, without printing the password', () => {
    expect(loadConfig({ CRM_SMTP_URL: 'smtp://h', CRM_SMTP_FROM: 'a@b.c' }).smtp).toEqual({
      url: 'smtp://h',
      from: 'a@b.c',
    })
    expect(loadConfig({}).smtp).toBeUndefined()
    for (const env of [
      { CRM_SMTP_URL: 'http://u:secret@h', CRM_SMTP_FROM: 'a@b.c' },
      { CRM_SMTP_URL: 'smtp://u:secret@h:99999', CRM_SMTP_FROM: 'a@b.c' },
      { CRM_SMTP_URL: 'smtp://u:secret@h' },
      { CRM_SMTP_URL: 'smtp://u:secret@h', CRM_SMTP_FROM: 'nobody' },
    ]) {
      try {
        loadConfig(env)
        expect.unreachable(JSON.stringify(env))
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError)
        expect((e as ConfigError).problems.join('\n')).toMatch(/CRM_SMTP_(URL|FROM)/)
        expect((e as ConfigError).problems.join('\n')).not.toContain('secret')
      }
    }
  })
})

describe('messages the sender accepts', () => {
  const ok = { to: 'a@example.com', subject: 'S', text: 'T', messageId: '<x-1@mmcrm.local>' }
  it('takes a stable Message-ID made from a key', () => {
    expect(mailMessageId('task/42 reminder', 'example.com')).toBe('<task-42-reminder@example.com>')
    expect(() => assertSendable({ ...ok, messageId: mailMessageId('задача 7', 'example.com') })).not.toThrow()
  })
  it('refuses header injection, several recipients and ids without angle brackets', () => {
    expect(() => assertSendable(ok)).not.toThrow()
    expect(() => assertSendable({ ...ok, to: 'a@example.com, b@example.com' })).toThrow()
    expect(() => assertSendable({ ...ok, to: 'a@example.com\r\nBcc: x@y.z' })).toThrow()
    expect(() => assertSendable({ ...ok, subject: 'S\r\nBcc: x@y.z' })).toThrow()
    expect(() => assertSendable({ ...ok, messageId: 'x-1@mmcrm.local' })).toThrow()
    expect(() => assertSendable({ ...ok, headers: { Bcc: 'x@y.z' } })).toThrow()
    expect(() => assertSendable({ ...ok, headers: { 'X-Ok': 'a\nb' } })).toThrow()
    expect(() => assertSendable({ ...ok, headers: { 'Reply-To': 'boss@example.com' } })).not.toThrow()
  })
  it('points an SMTP failure at the setting to fix', () => {
    const err = (code: string, extra: object = {}) =>
      Object.assign(new Error(`${code} failed`), { code, ...extra })
    expect(describeSmtpError(err('EAUTH', { response: '535 5.7.8 Bad credentials' }))).toEqual({
      field: 'user',
      text: '535 5.7.8 Bad credentials',
    })
    expect(describeSmtpError(err('ETLS')).field).toBe('security')
    expect(describeSmtpError(err('EENVELOPE', { command: 'RCPT TO' })).field).toBe('to')
    expect(describeSmtpError(err('EENVELOPE', { command: 'MAIL FROM' })).field).toBe('fromAddress')
    expect(describeSmtpError(err('ESOCKET')).field).toBe('host')
  })
})
