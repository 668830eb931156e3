import path from 'node:path'
import { z } from 'zod'

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes')

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL; leave it unset for the embedded SQLite file')
    .optional(),
  CRM_DATA_DIR: z.string().default('./data'),
  CRM_ADMIN_EMAIL: z.email().optional(),
  CRM_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  CRM_DEFAULT_LOCALE: z.enum(['ru', 'en']).default('ru'),
  CRM_DEFAULT_TIME_ZONE: z.string().default('Europe/Moscow'),
  CRM_PUBLIC_URL: z.url().optional(),
  CRM_TRUST_PROXY: bool.default(false),
  CRM_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  CRM_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  CRM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CRM_JOBS: bool.default(true),
  CRM_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  CRM_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  CRM_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  CRM_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  CRM_WEB_DIST: z.string().optional(),
  CRM_FILES_DIR: z.string().optional(),
  CRM_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(25),
  CRM_REMINDER_BATCH: z.coerce.number().int().min(1).max(5000).default(1000),
  CRM_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/?#]+/, 'must be smtp://[user:password@]host[:port] or smtps://…')
    .refine((v) => URL.canParse(v), 'is not a valid URL')
    .optional(),
  CRM_SMTP_FROM: z
    .string()
    .regex(
      /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
      'must be "Name <address>" or an address',
    )
    .optional(),
})

export type RawConfig = z.infer<typeof configSchema>

export interface Config {
  env: RawConfig['NODE_ENV']
  port: number
  host: string
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }
  dataDir: string
  admin: { email?: string; password?: string }
  defaultLocale: 'ru' | 'en'
  defaultTimeZone: string
  publicUrl?: string
  trustProxy: boolean
  secureCookies: 'auto' | 'always' | 'never'
  sessionTtlMs: number
  logLevel: RawConfig['CRM_LOG_LEVEL']
  jobsEnabled: boolean
  bodyLimit: number
  login: { maxFailures: number; lockMs: number; ratePerMinute: number }
  webDist?: string
  /** Where uploaded files' bytes live (default `<dataDir>/files`). */
  filesDir: string
  /** Largest upload, in megabytes. */
  uploadMaxMb: number
  /** Reminders fired per transaction by the dispatcher (smaller in tests that kill it mid-way). */
  reminderBatch: number
  /** Outgoing mail from the environment; when set it wins over the settings saved in the CRM. */
  smtp?: { url: string; from: string }
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/** Parses the environment once; throws ConfigError listing every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = configSchema.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  }
  const c = parsed.data
  if (!isValidTimeZone(c.CRM_DEFAULT_TIME_ZONE)) {
    throw new ConfigError([`CRM_DEFAULT_TIME_ZONE: unknown time zone "${c.CRM_DEFAULT_TIME_ZONE}"`])
  }
  if (c.CRM_SMTP_URL && !c.CRM_SMTP_FROM) {
    throw new ConfigError(['CRM_SMTP_FROM: required with CRM_SMTP_URL, e.g. "MM CRM <crm@example.com>"'])
  }
  const dataDir = path.resolve(c.CRM_DATA_DIR)
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    database: c.DATABASE_URL
      ? { kind: 'postgres', url: c.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'crm.sqlite') },
    dataDir,
    admin: { email: c.CRM_ADMIN_EMAIL?.toLowerCase(), password: c.CRM_ADMIN_PASSWORD },
    defaultLocale: c.CRM_DEFAULT_LOCALE,
    defaultTimeZone: c.CRM_DEFAULT_TIME_ZONE,
    publicUrl: c.CRM_PUBLIC_URL,
    trustProxy: c.CRM_TRUST_PROXY,
    secureCookies: c.CRM_SECURE_COOKIES,
    sessionTtlMs: c.CRM_SESSION_TTL_HOURS * 3600_000,
    logLevel: c.CRM_LOG_LEVEL,
    jobsEnabled: c.CRM_JOBS,
    bodyLimit: c.CRM_BODY_LIMIT_BYTES,
    login: {
      maxFailures: c.CRM_LOGIN_MAX_FAILURES,
      lockMs: c.CRM_LOGIN_LOCK_MINUTES * 60_000,
      ratePerMinute: c.CRM_LOGIN_RATE_PER_MINUTE,
    },
    webDist: c.CRM_WEB_DIST,
    filesDir: c.CRM_FILES_DIR ? path.resolve(c.CRM_FILES_DIR) : path.join(dataDir, 'files'),
    uploadMaxMb: c.CRM_UPLOAD_MAX_MB,
    reminderBatch: c.CRM_REMINDER_BATCH,
    ...(c.CRM_SMTP_URL && c.CRM_SMTP_FROM ? { smtp: { url: c.CRM_SMTP_URL, from: c.CRM_SMTP_FROM } } : {}),
  }
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}
