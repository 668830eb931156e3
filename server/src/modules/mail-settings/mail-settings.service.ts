import { createHash, randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Config } from '../../config.ts'
import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError, type FieldProblem } from '../../platform/errors/app-error.ts'
import { addMessages, translate } from '../../platform/i18n/messages.ts'
import {
  deliverMail,
  describeSmtpError,
  getActiveSmtp,
  getStoredSmtp,
  mailMessageId,
  messageIdDomain,
  type SmtpSettings,
  saveStoredSmtp,
  smtpFromEnvironment,
  textToHtml,
} from '../../platform/mail/index.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { getUser } from '../staff/index.ts'
import type { MailSettingsDto, MailSettingsInput } from './mail-settings.schemas.ts'

addMessages({
  ru: {
    'mail.from_required': 'Укажите адрес отправителя: без него письма не отправить.',
    'mail.bad_address': 'Это не похоже на адрес электронной почты.',
    'mail.not_configured':
      'Отправка почты не настроена: укажите SMTP-сервер и адрес отправителя и сохраните.',
    'mail.test_failed': 'Тестовое письмо не отправлено: {error}',
    'mail.test_subject': 'MM CRM: тестовое письмо',
    'mail.test_text':
      'Здравствуйте, {name}!\n\nЭто тестовое письмо из MM CRM: отправка почты настроена верно.\n\nОтвечать на него не нужно.',
  },
  en: {
    'mail.from_required': 'Enter the sender address: messages cannot be sent without it.',
    'mail.bad_address': 'This does not look like an e-mail address.',
    'mail.not_configured':
      'Outgoing mail is not set up: enter the SMTP server and the sender address, and save.',
    'mail.test_failed': 'The test message was not sent: {error}',
    'mail.test_subject': 'MM CRM: test message',
    'mail.test_text':
      'Hello {name},\n\nThis is a test message from MM CRM: outgoing mail is set up correctly.\n\nThere is no need to reply.',
  },
})

const email = z.email()

/** Settings as a client may see them: the password only as "is one saved". */
function view(smtp: SmtpSettings) {
  const { password, ...rest } = smtp
  return { ...rest, passwordSet: password !== '' }
}

/** Settings as the audit trail keeps them: the password only as a fingerprint, which the trail masks. */
function auditView(smtp: SmtpSettings): Record<string, unknown> {
  return {
    smtpHost: smtp.host,
    smtpPort: smtp.port,
    smtpSecurity: smtp.security,
    smtpUser: smtp.user,
    smtpPassword: smtp.password ? createHash('sha256').update(smtp.password).digest('hex') : null,
    smtpFromAddress: smtp.fromAddress,
    smtpFromName: smtp.fromName,
  }
}

export async function getMailSettings(db: Db, config: Pick<Config, 'smtp'>): Promise<MailSettingsDto> {
  const stored = await getStoredSmtp(db)
  const active = await getActiveSmtp(db, config)
  return {
    ...view(stored),
    active: active?.source ?? 'none',
    environment: config.smtp ? view(smtpFromEnvironment(config.smtp)) : null,
  }
}

/** Saves the SMTP settings (audited; the password is write-only and kept when not sent). */
export async function updateMailSettings(
  db: Db,
  config: Pick<Config, 'smtp'>,
  source: AuditSource,
  input: MailSettingsInput,
): Promise<MailSettingsDto> {
  const problems: Record<string, FieldProblem> = {}
  if (input.fromAddress && !email.safeParse(input.fromAddress).success)
    problems.fromAddress = { key: 'mail.bad_address' }
  else if (input.host && !input.fromAddress) problems.fromAddress = { key: 'mail.from_required' }
  if (Object.keys(problems).length) throw new AppError('validation', { fields: problems })

  await inTransaction(db, async ({ tx }) => {
    const before = await getStoredSmtp(tx)
    // Without a sign-in name there is nothing to sign in with: no password is kept either.
    const password = !input.user
      ? ''
      : input.password === undefined
        ? before.password
        : (input.password ?? '')
    const after: SmtpSettings = {
      host: input.host.replace(/^\[(.*)\]$/, '$1'),
      port: input.port,
      security: input.security,
      user: input.user,
      password,
      fromAddress: input.fromAddress,
      fromName: input.fromName,
    }
    await saveStoredSmtp(tx, after)
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'setting',
      entityId: 0,
      before: auditView(before),
      after: auditView(after),
    })
  })
  return getMailSettings(db, config)
}

/**
 * Sends a test message to the caller's own address at once, with the settings mail goes out with now,
 * in the caller's language. An SMTP failure comes back as a field error with the server's words.
 */
export async function sendTestMail(
  db: Db,
  config: Pick<Config, 'smtp' | 'publicUrl'>,
  actor: Actor,
): Promise<{ to: string; messageId: string; source: 'settings' | 'environment' }> {
  const active = await getActiveSmtp(db, config)
  if (!active) throw AppError.field('host', 'mail.not_configured')
  if (actor.userId === null) throw AppError.forbidden()
  const me = await getUser(db, actor.userId, actor.locale)
  const messageId = mailMessageId(`test-${randomUUID()}`, await messageIdDomain(db, config))
  const text = translate(me.locale, 'mail.test_text', { name: me.name })
  try {
    await deliverMail(active.smtp, {
      to: me.email,
      subject: translate(me.locale, 'mail.test_subject'),
      text,
      html: textToHtml(text),
      messageId,
    })
  } catch (error) {
    const problem = describeSmtpError(error)
    throw new AppError('validation', {
      key: 'mail.test_failed',
      params: { error: problem.text },
      fields: { [problem.field]: { text: problem.text } },
    })
  }
  return { to: me.email, messageId, source: active.source }
}
