import nodemailer from 'nodemailer'
import type { Config } from '../../config.ts'
import type { Db } from '../db/database.ts'
import type { ClaimedJob } from '../jobs/job-queue.ts'
import { assertSendable, type OutgoingMail } from './mail-queue.ts'
import { defaultSmtpPort, getActiveSmtp, type SmtpSettings } from './smtp-settings.ts'

/** What the sender logs through (the worker's logger; identifiers only, never addresses or text). */
export interface MailLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

/** Well under the job lease (60 s), so a slow server fails the attempt before another worker takes it. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

/** Hands one message to the SMTP server; resolves when the server accepted it. */
export async function deliverMail(smtp: SmtpSettings, mail: OutgoingMail): Promise<{ messageId: string }> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port ?? defaultSmtpPort(smtp.security),
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
    ...TIMEOUTS,
    // Messages are built from text only: nothing may pull in a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  try {
    const info = await transport.sendMail({
      from: { name: smtp.fromName, address: smtp.fromAddress },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      messageId: mail.messageId,
      // Automatic mail (RFC 3834): no out-of-office replies to the CRM.
      headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers },
    })
    return { messageId: info.messageId }
  } finally {
    transport.close()
  }
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string; command?: string }

/**
 * The settings field an SMTP failure points at (connection failures: the host), and the server's (or the
 * socket's) own words.
 */
export function describeSmtpError(error: unknown): {
  field: 'host' | 'security' | 'user' | 'fromAddress' | 'to'
  text: string
} {
  const e = (error instanceof Error ? error : new Error(String(error))) as SmtpError
  const text = (e.response || e.message || String(error)).replace(/\s+/g, ' ').trim().slice(0, 500)
  switch (e.code) {
    case 'EAUTH':
    case 'ENOAUTH':
      return { field: 'user', text }
    case 'ETLS':
    case 'EREQUIRETLS':
      return { field: 'security', text }
    case 'EENVELOPE':
      return { field: /RCPT/i.test(e.command ?? '') ? 'to' : 'fromAddress', text }
    default:
      return { field: 'host', text }
  }
}

/** A recipient the server refused for good (5xx): trying again cannot help. */
function isPermanentRejection(error: unknown): boolean {
  const e = error as SmtpError
  return e?.code === 'EENVELOPE' && typeof e.responseCode === 'number' && e.responseCode >= 500
}

/**
 * The `mail.send` job: sends a queued message with the active SMTP settings. Without settings the job
 * completes as skipped (logged), so a CRM without mail does not retry forever; a refused recipient is
 * logged and dropped; any other failure is thrown, and the queue retries with its back-off.
 */
export function mailSendHandler(deps: { db: Db; config: Pick<Config, 'smtp'> }, log: MailLog) {
  return async (job: ClaimedJob): Promise<void> => {
    const mail = job.payload as OutgoingMail
    assertSendable(mail)
    const active = await getActiveSmtp(deps.db, deps.config)
    if (!active) {
      log.info({ job: job.id, messageId: mail.messageId }, 'mail: SMTP is not configured, message skipped')
      return
    }
    try {
      await deliverMail(active.smtp, mail)
      log.info({ job: job.id, messageId: mail.messageId, attempt: job.attempts }, 'mail: sent')
    } catch (error) {
      if (!isPermanentRejection(error)) throw error
      log.warn(
        { job: job.id, messageId: mail.messageId, reason: describeSmtpError(error).text },
        'mail: the server refused the recipient, message dropped',
      )
    }
  }
}
