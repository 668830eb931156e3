import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import { deleteUserSessions } from '../../platform/auth/auth.repository.ts'
import { hashPassword, isStrongPassword } from '../../platform/auth/passwords.ts'
import type { Db } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import type { Visibility } from '../../platform/permissions/catalogue.ts'
import * as repo from './staff.repository.ts'
import type { RoleDto, TeamDto, UserDto } from './staff.schemas.ts'

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]))
}
const USER_AUDIT = [
  'email',
  'name',
  'position',
  'phone',
  'roleId',
  'teamId',
  'locale',
  'theme',
  'timeZone',
  'isActive',
] as const
const TEAM_AUDIT = ['name', 'description', 'headId'] as const
const ROLE_AUDIT = ['code', 'name', 'description', 'permissions', 'visibility'] as const

function locale(source: AuditSource): Locale {
  return source.actor.locale
}

export function assertStrongPassword(password: string, field = 'password'): void {
  if (!isStrongPassword(password)) throw AppError.field(field, 'auth.password_too_weak')
}

// ── roles ──────────────────────────────────────────────────────────────────
export async function getRole(db: Db, id: number, loc: Locale): Promise<RoleDto> {
  const role = await repo.findRole(db, id, loc)
  if (!role) throw AppError.notFound()
  return role
}

export async function createRole(
  db: Db,
  source: AuditSource,
  input: { code: string; name: string; description: string; permissions: string[]; visibility: Visibility },
): Promise<RoleDto> {
  return inTransaction(db, async ({ tx }) => {
    if (await repo.findRoleIdByCode(tx, input.code))
      throw AppError.field('code', 'roles.code_taken', undefined, 'conflict')
    const id = await repo.insertRole(tx, input)
    const role = await getRole(tx, id, locale(source))
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'role',
      entityId: id,
      after: pick(role, ROLE_AUDIT),
    })
    return role
  })
}

export async function updateRole(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
  patch: Partial<{ name: string; description: string; permissions: string[]; visibility: Visibility }>,
): Promise<RoleDto> {
  return inTransaction(db, async ({ tx }) => {
    const before = await getRole(tx, id, locale(source))
    if (before.isSystem) throw new AppError('forbidden', { key: 'roles.system_readonly' })
    if (before.version !== version || !(await repo.updateRole(tx, id, version, patch))) {
      throw new AppError('precondition_failed')
    }
    if (
      patch.permissions &&
      !(patch.permissions.includes('roles.manage') && patch.permissions.includes('users.manage'))
    ) {
      // Taking the administration rights away from a role must leave someone able to administer.
      if ((await repo.countActiveAdmins(tx)) === 0)
        throw new AppError('conflict', { key: 'users.cannot_demote_last_admin' })
    }
    const after = await getRole(tx, id, locale(source))
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'role',
      entityId: id,
      before: pick(before, ROLE_AUDIT),
      after: pick(after, ROLE_AUDIT),
    })
    return after
  })
}

export async function deleteRole(db: Db, source: AuditSource, id: number, version: number): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const before = await getRole(tx, id, locale(source))
    if (before.isSystem) throw new AppError('forbidden', { key: 'roles.system_readonly' })
    if (before.version !== version) throw new AppError('precondition_failed')
    if (before.userCount > 0)
      throw new AppError('conflict', { key: 'roles.in_use', params: { count: before.userCount } })
    if (!(await repo.deleteRole(tx, id, version))) throw new AppError('precondition_failed')
    await recordAudit(tx, source, {
      action: 'delete',
      entityType: 'role',
      entityId: id,
      before: pick(before, ROLE_AUDIT),
    })
  })
}

// ── teams ──────────────────────────────────────────────────────────────────
export async function getTeam(db: Db, id: number): Promise<TeamDto> {
  const team = await repo.findTeam(db, id)
  if (!team) throw AppError.notFound()
  return team
}

async function assertHeadExists(db: Db, headId: number | null | undefined, loc: Locale): Promise<void> {
  if (headId === null || headId === undefined) return
  const head = await repo.findUser(db, headId, loc)
  if (!head?.isActive) throw AppError.field('headId', 'teams.head_not_found')
}

export async function createTeam(
  db: Db,
  source: AuditSource,
  input: { name: string; description: string; headId: number | null },
): Promise<TeamDto> {
  return inTransaction(db, async ({ tx }) => {
    const tdb: Db = tx
    if (await repo.teamNameTaken(tx, input.name))
      throw AppError.field('name', 'teams.name_taken', undefined, 'conflict')
    await assertHeadExists(tdb, input.headId, locale(source))
    const id = await repo.insertTeam(tx, input)
    const team = await getTeam(tdb, id)
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'team',
      entityId: id,
      after: pick(team, TEAM_AUDIT),
    })
    return team
  })
}

export async function updateTeam(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
  patch: Partial<{ name: string; description: string; headId: number | null }>,
): Promise<TeamDto> {
  return inTransaction(db, async ({ tx }) => {
    const tdb: Db = tx
    const before = await getTeam(tdb, id)
    if (before.version !== version) throw new AppError('precondition_failed')
    if (patch.name !== undefined && (await repo.teamNameTaken(tx, patch.name, id))) {
      throw AppError.field('name', 'teams.name_taken', undefined, 'conflict')
    }
    await assertHeadExists(tdb, patch.headId, locale(source))
    if (!(await repo.updateTeam(tx, id, version, patch))) throw new AppError('precondition_failed')
    const after = await getTeam(tdb, id)
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'team',
      entityId: id,
      before: pick(before, TEAM_AUDIT),
      after: pick(after, TEAM_AUDIT),
    })
    return after
  })
}

export async function deleteTeam(db: Db, source: AuditSource, id: number, version: number): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const before = await getTeam(tx, id)
    if (before.version !== version) throw new AppError('precondition_failed')
    if (before.memberCount > 0) {
      throw new AppError('conflict', { key: 'teams.has_members', params: { count: before.memberCount } })
    }
    if (!(await repo.deleteTeam(tx, id, version))) throw new AppError('precondition_failed')
    await recordAudit(tx, source, {
      action: 'delete',
      entityType: 'team',
      entityId: id,
      before: pick(before, TEAM_AUDIT),
    })
  })
}

// ── users ──────────────────────────────────────────────────────────────────
export async function getUser(db: Db, id: number, loc: Locale): Promise<UserDto> {
  const user = await repo.findUser(db, id, loc)
  if (!user) throw AppError.notFound()
  return user
}

async function assertRoleAndTeam(
  db: Db,
  roleId: number | undefined,
  teamId: number | null | undefined,
  loc: Locale,
) {
  if (roleId !== undefined && !(await repo.findRole(db, roleId, loc)))
    throw AppError.field('roleId', 'users.role_not_found')
  if (teamId !== undefined && teamId !== null && !(await repo.findTeam(db, teamId))) {
    throw AppError.field('teamId', 'users.team_not_found')
  }
}

export interface UserCreateInput {
  email: string
  name: string
  position: string
  phone: string
  password: string
  roleId: number
  teamId: number | null
  locale?: Locale
  timeZone?: string
}

export async function createUser(
  db: Db,
  source: AuditSource,
  input: UserCreateInput,
  defaults: { locale: Locale; timeZone: string },
): Promise<UserDto> {
  assertStrongPassword(input.password)
  const passwordHash = await hashPassword(input.password)
  return inTransaction(db, async ({ tx }) => {
    const tdb: Db = tx
    if (await repo.emailTaken(tx, input.email))
      throw AppError.field('email', 'users.email_taken', undefined, 'conflict')
    await assertRoleAndTeam(tdb, input.roleId, input.teamId, locale(source))
    const id = await repo.insertUser(tx, {
      ...input,
      passwordHash,
      locale: input.locale ?? defaults.locale,
      timeZone: input.timeZone ?? defaults.timeZone,
    })
    const user = await getUser(tdb, id, locale(source))
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'user',
      entityId: id,
      after: pick(user, USER_AUDIT),
    })
    return user
  })
}

export async function updateUser(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
  patch: repo.UserPatch,
): Promise<UserDto> {
  return inTransaction(db, async ({ tx }) => {
    const tdb: Db = tx
    const before = await getUser(tdb, id, locale(source))
    if (before.version !== version) throw new AppError('precondition_failed')
    if (patch.email !== undefined && (await repo.emailTaken(tx, patch.email, id))) {
      throw AppError.field('email', 'users.email_taken', undefined, 'conflict')
    }
    if (patch.isActive === false && source.actor.userId === id) {
      throw AppError.field('isActive', 'users.cannot_deactivate_self')
    }
    await assertRoleAndTeam(tdb, patch.roleId, patch.teamId, locale(source))
    if (!(await repo.updateUser(tx, before, version, patch))) throw new AppError('precondition_failed')
    if (
      (patch.isActive === false || patch.roleId !== undefined) &&
      (await repo.countActiveAdmins(tx)) === 0
    ) {
      throw AppError.field(
        patch.isActive === false ? 'isActive' : 'roleId',
        'users.cannot_demote_last_admin',
        undefined,
        'conflict',
      )
    }
    if (patch.isActive === false) await deleteUserSessions(tdb, id)
    const after = await getUser(tdb, id, locale(source))
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      before: pick(before, USER_AUDIT),
      after: pick(after, USER_AUDIT),
    })
    return after
  })
}

/** Sets a password (by the employee or an administrator), ends the employee's other sessions, unlocks. */
export async function setPassword(
  db: Db,
  source: AuditSource,
  id: number,
  password: string,
  keepSessionId?: string,
): Promise<void> {
  assertStrongPassword(password, keepSessionId ? 'newPassword' : 'password')
  const passwordHash = await hashPassword(password)
  await inTransaction(db, async ({ tx }) => {
    await getUser(tx, id, locale(source))
    await repo.setPasswordHash(tx, id, passwordHash)
    await deleteUserSessions(tx, id, keepSessionId)
    await recordAudit(tx, source, {
      action: 'password',
      entityType: 'user',
      entityId: id,
      changes: { password: { to: '••••' } },
    })
  })
}
