import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.ts'
import { countUsers, createUser, findRoleIdByCode, syncSystemRoles } from '../modules/staff/index.ts'
import { generatePassword } from './auth/passwords.ts'
import type { Db } from './db/database.ts'
import { SYSTEM_ACTOR } from './permissions/actor.ts'
import { ADMIN_ROLE_CODE } from './permissions/catalogue.ts'

/** Built-in roles in step with the code; run on every start (idempotent). */
export async function prepareDatabase(db: Db): Promise<void> {
  await syncSystemRoles(db)
}

/**
 * Creates the first administrator when there is no employee yet: from CRM_ADMIN_EMAIL/PASSWORD, or with a
 * generated password printed once. Returns what was created, or null.
 */
export async function ensureFirstAdmin(
  db: Db,
  config: Config,
  log: Pick<FastifyBaseLogger, 'info'>,
  print: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null
  const roleId = await findRoleIdByCode(db, ADMIN_ROLE_CODE)
  if (!roleId) throw new Error('the administrator role is missing')
  const email = config.admin.email ?? 'admin@example.com'
  const generated = !config.admin.password
  const password = config.admin.password ?? generatePassword()
  try {
    await createUser(
      db,
      { actor: SYSTEM_ACTOR, source: 'system' },
      {
        email,
        name: config.defaultLocale === 'ru' ? 'Администратор' : 'Administrator',
        position: '',
        phone: '',
        password,
        roleId,
        teamId: null,
      },
      { locale: config.defaultLocale, timeZone: config.defaultTimeZone },
    )
  } catch (err) {
    // Another instance created it first.
    if ((await countUsers(db)) > 0) return null
    throw err
  }
  log.info('first administrator created')
  if (generated) {
    print('')
    print('  ┌─ MM CRM: the first administrator was created ─────────────')
    print(`  │  e-mail:   ${email}`)
    print(`  │  password: ${password}`)
    print('  │  (shown only this once — change it under Profile after signing in)')
    print('  └───────────────────────────────────────────────────────────')
    print('')
  }
  return { email, password }
}
