import type { Config } from '../../config.ts'
import type { Db, Tx } from '../db/database.ts'
import { getSetting, setSetting } from '../settings.ts'

/** `tls`: TLS from the first byte (usually port 465); `starttls`: upgrade required (587); `none`: plain (25). */
export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const
export type SmtpSecurity = (typeof SMTP_SECURITY)[number]

/** How the CRM reaches its SMTP server. An empty `host` means outgoing mail is off. */
export interface SmtpSettings {
  host: string
  /** null: the usual port of the security mode. */
  port: number | null
  security: SmtpSecurity
  /** Empty: the server accepts mail without signing in. */
  user: string
  password: string
  fromAddress: string
  fromName: string
}

/** Where the settings mail is sent with come from: the environment wins over the saved ones. */
export type SmtpSource = 'environment' | 'settings'

export interface ActiveSmtp {
  source: SmtpSource
  smtp: SmtpSettings
}

export const SMTP_SETTING_KEY = 'mail.smtp'

export const EMPTY_SMTP: SmtpSettings = {
  host: '',
  port: null,
  security: 'starttls',
  user: '',
  password: '',
  fromAddress: '',
  fromName: '',
}

export function defaultSmtpPort(security: SmtpSecurity): number {
  return security === 'tls' ? 465 : security === 'starttls' ? 587 : 25
}

export function isSmtpConfigured(smtp: SmtpSettings): boolean {
  return smtp.host !== '' && smtp.fromAddress !== ''
}

/** The saved settings (the password included: never hand them to a client as they are). */
export async function getStoredSmtp(db: Db | Tx): Promise<SmtpSettings> {
  const stored = await getSetting<Partial<SmtpSettings>>(db, SMTP_SETTING_KEY, {})
  return { ...EMPTY_SMTP, ...stored }
}

export async function saveStoredSmtp(tx: Tx, smtp: SmtpSettings): Promise<void> {
  await setSetting(tx, SMTP_SETTING_KEY, smtp)
}

/** `Name <address>` or a bare address, as CRM_SMTP_FROM gives it. */
export function parseFromHeader(from: string): { name: string; address: string } {
  const m = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(from)
  if (m) return { name: (m[1] ?? '').replace(/^"(.*)"$/, '$1'), address: m[2] ?? '' }
  return { name: '', address: from.trim() }
}

/**
 * CRM_SMTP_URL + CRM_SMTP_FROM as settings: `smtps://` is TLS, `smtp://` requires STARTTLS unless
 * `?security=none`; user and password come percent-encoded in the URL.
 */
export function smtpFromEnvironment(env: { url: string; from: string }): SmtpSettings {
  const url = new URL(env.url)
  const param = url.searchParams.get('security')
  const security: SmtpSecurity =
    url.protocol === 'smtps:' ? 'tls' : param === 'none' || param === 'tls' ? param : 'starttls'
  const from = parseFromHeader(env.from)
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : null,
    security,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    fromAddress: from.address,
    fromName: from.name,
  }
}

/** The settings mail goes out with now: the environment's when set, else the saved ones; null when off. */
export async function getActiveSmtp(db: Db | Tx, config: Pick<Config, 'smtp'>): Promise<ActiveSmtp | null> {
  if (config.smtp) return { source: 'environment', smtp: smtpFromEnvironment(config.smtp) }
  const stored = await getStoredSmtp(db)
  return isSmtpConfigured(stored) ? { source: 'settings', smtp: stored } : null
}
