import { z } from 'zod'
import { SMTP_SECURITY } from '../../platform/mail/index.ts'

const ONE_LINE = /^[^\r\n]*$/
const HOST = /^$|^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/

const smtpFields = {
  host: z.string().meta({ description: 'SMTP server name or IP address; empty when mail is off' }),
  port: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'null: the usual port of the security mode (465 TLS, 587 STARTTLS, 25 none)' }),
  security: z.enum(SMTP_SECURITY).meta({
    description:
      '`tls`: TLS from the start; `starttls`: upgrade required; `none`: unencrypted (local relays)',
  }),
  user: z.string().meta({ description: 'Sign-in name; empty when the server takes mail without signing in' }),
  passwordSet: z.boolean().meta({ description: 'Whether a password is saved (it is never sent back)' }),
  fromAddress: z.string().meta({ description: 'The sender address of every message' }),
  fromName: z.string().meta({ description: 'The sender name shown to recipients' }),
}

export const smtpViewSchema = z.object(smtpFields).meta({ id: 'SmtpSettings' })

export const mailSettingsSchema = z
  .object({
    ...smtpFields,
    active: z.enum(['settings', 'environment', 'none']).meta({
      description:
        'Which settings mail goes out with: these, the environment (CRM_SMTP_URL, which wins), or none (mail off)',
    }),
    environment: smtpViewSchema
      .nullable()
      .meta({ description: 'The settings from CRM_SMTP_URL / CRM_SMTP_FROM when set (read-only)' }),
  })
  .meta({ id: 'MailSettings' })
export type MailSettingsDto = z.infer<typeof mailSettingsSchema>

export const mailSettingsBody = z
  .object({
    host: z.string().trim().max(253).regex(HOST).default(''),
    port: z.number().int().min(1).max(65535).nullable().default(null),
    security: z.enum(SMTP_SECURITY).default('starttls'),
    user: z.string().trim().max(320).regex(ONE_LINE).default(''),
    password: z.string().max(500).regex(ONE_LINE).nullable().optional().meta({
      description: 'Write-only. Absent: keep the saved one; null or empty: remove it; text: replace it',
    }),
    fromAddress: z.string().trim().max(254).default(''),
    fromName: z.string().trim().max(200).regex(ONE_LINE).default(''),
  })
  .meta({ id: 'MailSettingsUpdate' })
export type MailSettingsInput = z.infer<typeof mailSettingsBody>

export const mailTestResultSchema = z
  .object({
    to: z.string().meta({ description: 'The address the test message went to (the caller’s own)' }),
    messageId: z.string(),
    source: z.enum(['settings', 'environment']),
  })
  .meta({ id: 'MailTestResult' })
