import type { Config } from '../../config.ts'
import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import { verifyAgainstDummy, verifyPassword } from '../../platform/auth/passwords.ts'
import { newApiToken, sha256 } from '../../platform/auth/tokens.ts'
import type { Db } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import {
  findPasswordHash,
  findUserCredentials,
  recordLoginFailure,
  recordLoginSuccess,
  setPassword,
} from '../staff/index.ts'
import { findTokens, insertToken, revokeToken } from './account.repository.ts'

function formatUntil(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'short',
  }).format(new Date(iso))
}

/**
 * Checks e-mail and password. Unknown e-mails cost the same time as known ones; after
 * `maxFailures` wrong passwords in a row the account is locked for a while, even for the right password.
 */
export async function authenticate(
  db: Db,
  config: Config,
  email: string,
  password: string,
  locale: Locale,
): Promise<number> {
  const user = await findUserCredentials(db, email.trim().toLowerCase())
  if (!user) {
    await verifyAgainstDummy(password)
    throw new AppError('unauthenticated', { key: 'auth.invalid_credentials' })
  }
  const now = new Date().toISOString()
  const lockedParams = (until: string) => ({ until: formatUntil(until, locale, user.time_zone) })
  if (user.locked_until && user.locked_until > now) {
    throw new AppError('account_locked', { params: lockedParams(user.locked_until) })
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const lockedUntil = await recordLoginFailure(db, user.id, config.login.maxFailures, config.login.lockMs)
    if (lockedUntil) throw new AppError('account_locked', { params: lockedParams(lockedUntil) })
    throw new AppError('unauthenticated', { key: 'auth.invalid_credentials' })
  }
  if (user.is_active !== 1) throw new AppError('unauthenticated', { key: 'auth.inactive' })
  await recordLoginSuccess(db, user.id)
  return user.id
}

export async function changeOwnPassword(
  db: Db,
  source: AuditSource,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string | null,
): Promise<void> {
  const userId = source.actor.userId!
  const hash = await findPasswordHash(db, userId)
  if (!hash || !(await verifyPassword(hash, input.currentPassword))) {
    throw AppError.field('currentPassword', 'auth.wrong_current_password')
  }
  if (input.currentPassword === input.newPassword) throw AppError.field('newPassword', 'auth.password_same')
  // An API-token caller keeps no session: every session ends.
  await setPassword(db, source, userId, input.newPassword, keepSessionId ?? 'none')
}

export { findTokens }

export async function createToken(
  db: Db,
  source: AuditSource,
  input: { name: string; expiresInDays: number | null },
) {
  const userId = source.actor.userId!
  const { token, prefix } = newApiToken()
  const expiresAt = input.expiresInDays
    ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString()
    : null
  return inTransaction(db, async ({ tx }) => {
    const id = await insertToken(tx, {
      userId,
      name: input.name,
      tokenHash: sha256(token),
      prefix,
      expiresAt,
    })
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'api_token',
      entityId: id,
      after: { name: input.name, prefix, expiresAt, userId },
    })
    const created = (await findTokens(tx, userId)).find((t) => t.id === id)!
    return { ...created, token }
  })
}

export async function revokeOwnToken(db: Db, source: AuditSource, id: number): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    if (!(await revokeToken(tx, source.actor.userId!, id))) throw AppError.notFound()
    await recordAudit(tx, source, {
      action: 'revoke',
      entityType: 'api_token',
      entityId: id,
      changes: { revokedAt: { to: new Date().toISOString() } },
    })
  })
}
