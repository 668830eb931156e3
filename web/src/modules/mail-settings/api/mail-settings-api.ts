import type { MailSettings, MailSettingsUpdate, MailTestResult } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export const mailSettingsKey = ['settings', 'mail'] as const

/** The SMTP settings (the password only as `passwordSet`) and which settings mail goes out with. */
export function fetchMailSettings(): Promise<MailSettings> {
  return api<MailSettings>('/api/settings/mail')
}

export function saveMailSettings(body: MailSettingsUpdate): Promise<MailSettings> {
  return api<MailSettings>('/api/settings/mail', { method: 'PUT', body })
}

/** Sends a test message to the signed-in administrator's own e-mail with the saved settings. */
export function sendTestMail(): Promise<MailTestResult> {
  return api<MailTestResult>('/api/settings/mail/test', { method: 'POST' })
}
