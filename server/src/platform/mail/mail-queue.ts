import { createHash } from 'node:crypto'
import type { Config } from '../../config.ts'
import type { Db, Tx } from '../db/database.ts'
import type { JobQueue } from '../jobs/job-queue.ts'
import { getActiveSmtp } from './smtp-settings.ts'

export const MAIL_SEND_JOB = 'mail.send'

/** One message to one recipient, already worded in the recipient's language. */
export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html?: string
  /** `<local@domain>`, stable for this message: a copy re-sent after a crash carries the same one. */
  messageId: string
  /** Extra headers (`X-…`, `Reply-To`, `List-Unsubscribe`…); the addressing and MIME headers are the sender's. */
  headers?: Record<string, string>
}

const ADDRESS = /^[^\s<>@,;"]+@[^\s<>@,;"]+$/
const MESSAGE_ID = /^<[^\s<>@]+@[^\s<>@]+>$/
const HEADER_NAME = /^[A-Za-z0-9-]+$/
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'sender',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
])
/** Retries with the queue's back-off (5 s doubling, capped at an hour): about 40 minutes in all. */
const MAIL_MAX_ATTEMPTS = 10

/** Throws on a message the sender could not or should not send: a caller's mistake, not the user's. */
export function assertSendable(mail: OutgoingMail): void {
  if (!ADDRESS.test(mail.to)) throw new Error('mail: `to` must be one plain address')
  if (!MESSAGE_ID.test(mail.messageId) || mail.messageId.length > 250)
    throw new Error('mail: `messageId` must look like <local@domain>')
  if (/[\r\n]/.test(mail.subject)) throw new Error('mail: the subject must be one line')
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase()))
      throw new Error(`mail: header "${name}" cannot be set by the caller`)
    if (/[\r\n]/.test(value)) throw new Error(`mail: header "${name}" must be one line`)
  }
}

/**
 * Queues a message in the caller's transaction: it is sent only if the change commits, by the
 * `mail.send` job, at least once. A crash between handing it to the SMTP server and marking the job
 * done sends it again with the same Message-ID (mail clients show one). While a message with this
 * Message-ID waits, queuing it again adds nothing. Returns the job id, or null when it was waiting.
 */
export async function enqueueMail(
  executor: Db | Tx,
  jobs: JobQueue,
  mail: OutgoingMail,
): Promise<number | null> {
  assertSendable(mail)
  const key = `mail:${mail.messageId}`
  return jobs.enqueue(executor, {
    type: MAIL_SEND_JOB,
    payload: mail,
    maxAttempts: MAIL_MAX_ATTEMPTS,
    dedupeKey: key.length <= 200 ? key : `mail:${createHash('sha256').update(mail.messageId).digest('hex')}`,
  })
}

/** A stable Message-ID from a key of the caller (`reminder-123`): the same key always gives the same id. */
export function mailMessageId(key: string, domain: string): string {
  const local = key.replace(/[^A-Za-z0-9._+-]/g, '-').slice(0, 160) || 'mail'
  return `<${local}@${domain}>`
}

/**
 * The domain for Message-IDs: the sender address's, else the CRM's public address's, else `mmcrm.local`.
 * Take it once, when the message is queued: the id then travels with the message.
 */
export async function messageIdDomain(
  db: Db | Tx,
  config: Pick<Config, 'smtp' | 'publicUrl'>,
): Promise<string> {
  const active = await getActiveSmtp(db, config)
  const fromDomain = active?.smtp.fromAddress.split('@')[1]
  if (fromDomain && /^[A-Za-z0-9.-]+$/.test(fromDomain)) return fromDomain.toLowerCase()
  if (config.publicUrl) return new URL(config.publicUrl).hostname
  return 'mmcrm.local'
}
