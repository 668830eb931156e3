import { sql } from 'kysely'
import type { Db, Tx } from '../../platform/db/database.ts'
import type { UserTable } from '../../platform/db/schema.ts'
import { escapeLike, searchText } from '../../platform/db/text.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import { SYSTEM_ROLES, type Visibility } from '../../platform/permissions/catalogue.ts'
import type { RoleDto, TeamDto, UserDto, UserListQuery } from './staff.schemas.ts'

type Executor = Db | Tx

function roleName(code: string, stored: string, isSystem: number, locale: Locale): string {
  if (!isSystem) return stored
  return SYSTEM_ROLES.find((r) => r.code === code)?.name[locale] ?? stored
}

// ── roles ──────────────────────────────────────────────────────────────────
function roleQuery(db: Executor) {
  return db
    .selectFrom('roles as r')
    .select((eb) => [
      'r.id',
      'r.code',
      'r.name',
      'r.description',
      'r.is_system',
      'r.permissions',
      'r.visibility',
      'r.version',
      'r.created_at',
      'r.updated_at',
      eb
        .selectFrom('users as u')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('u.role_id', '=', 'r.id')
        .as('user_count'),
    ])
}

type RoleRow = Awaited<ReturnType<ReturnType<typeof roleQuery>['executeTakeFirstOrThrow']>>

function toRole(r: RoleRow, locale: Locale): RoleDto {
  return {
    id: r.id,
    code: r.code,
    name: roleName(r.code, r.name, r.is_system, locale),
    description: r.description,
    isSystem: r.is_system === 1,
    permissions: JSON.parse(r.permissions) as string[],
    visibility: r.visibility,
    userCount: Number(r.user_count ?? 0),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export async function findRoles(db: Executor, locale: Locale): Promise<RoleDto[]> {
  const rows = await roleQuery(db).orderBy('r.is_system', 'desc').orderBy('r.id').execute()
  return rows.map((r) => toRole(r, locale))
}

export async function findRole(db: Executor, id: number, locale: Locale): Promise<RoleDto | undefined> {
  const r = await roleQuery(db).where('r.id', '=', id).executeTakeFirst()
  return r ? toRole(r, locale) : undefined
}

export async function findRoleIdByCode(db: Executor, code: string): Promise<number | undefined> {
  const r = await db.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirst()
  return r?.id
}

export async function insertRole(
  tx: Tx,
  v: { code: string; name: string; description: string; permissions: string[]; visibility: Visibility },
): Promise<number> {
  const now = new Date().toISOString()
  const row = await tx
    .insertInto('roles')
    .values({
      code: v.code,
      name: v.name,
      description: v.description,
      is_system: 0,
      permissions: JSON.stringify(v.permissions),
      visibility: v.visibility,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Updates when the version still matches; returns false when someone changed it meanwhile. */
export async function updateRole(
  tx: Tx,
  id: number,
  version: number,
  v: Partial<{ name: string; description: string; permissions: string[]; visibility: Visibility }>,
): Promise<boolean> {
  const r = await tx
    .updateTable('roles')
    .set({
      name: v.name,
      description: v.description,
      permissions: v.permissions ? JSON.stringify(v.permissions) : undefined,
      visibility: v.visibility,
      version: version + 1,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function deleteRole(tx: Tx, id: number, version: number): Promise<boolean> {
  const r = await tx
    .deleteFrom('roles')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numDeletedRows) === 1
}

/** Makes the built-in roles in the database match their definition in code (idempotent, every start). */
export async function syncSystemRoles(db: Db): Promise<void> {
  const now = new Date().toISOString()
  const existing = await db
    .selectFrom('roles')
    .select(['id', 'code', 'permissions', 'visibility', 'version'])
    .execute()
  for (const role of SYSTEM_ROLES) {
    const permissions = JSON.stringify(role.permissions)
    const row = existing.find((r) => r.code === role.code)
    if (!row) {
      await db
        .insertInto('roles')
        .values({
          code: role.code,
          name: role.name.en,
          description: '',
          is_system: 1,
          permissions,
          visibility: role.visibility,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute()
    } else if (row.permissions !== permissions || row.visibility !== role.visibility) {
      await db
        .updateTable('roles')
        .set({
          permissions,
          visibility: role.visibility,
          is_system: 1,
          version: row.version + 1,
          updated_at: now,
        })
        .where('id', '=', row.id)
        .execute()
    }
  }
}

// ── teams ──────────────────────────────────────────────────────────────────
function teamQuery(db: Executor) {
  return db
    .selectFrom('teams as t')
    .leftJoin('users as h', 'h.id', 't.head_id')
    .select((eb) => [
      't.id',
      't.name',
      't.description',
      't.head_id',
      'h.name as head_name',
      't.version',
      't.created_at',
      't.updated_at',
      eb
        .selectFrom('users as u')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('u.team_id', '=', 't.id')
        .as('member_count'),
    ])
}

type TeamRow = Awaited<ReturnType<ReturnType<typeof teamQuery>['executeTakeFirstOrThrow']>>

function toTeam(t: TeamRow): TeamDto {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    headId: t.head_id,
    head: t.head_id !== null ? { id: t.head_id, name: t.head_name ?? '' } : null,
    memberCount: Number(t.member_count ?? 0),
    version: t.version,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  }
}

export async function findTeams(db: Executor): Promise<TeamDto[]> {
  return (await teamQuery(db).orderBy('t.name').execute()).map(toTeam)
}

export async function findTeam(db: Executor, id: number): Promise<TeamDto | undefined> {
  const t = await teamQuery(db).where('t.id', '=', id).executeTakeFirst()
  return t ? toTeam(t) : undefined
}

export async function insertTeam(
  tx: Tx,
  v: { name: string; description: string; headId: number | null },
): Promise<number> {
  const now = new Date().toISOString()
  const row = await tx
    .insertInto('teams')
    .values({
      name: v.name,
      description: v.description,
      head_id: v.headId,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateTeam(
  tx: Tx,
  id: number,
  version: number,
  v: Partial<{ name: string; description: string; headId: number | null }>,
): Promise<boolean> {
  const r = await tx
    .updateTable('teams')
    .set({
      name: v.name,
      description: v.description,
      head_id: v.headId,
      version: version + 1,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function deleteTeam(tx: Tx, id: number, version: number): Promise<boolean> {
  const r = await tx
    .deleteFrom('teams')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numDeletedRows) === 1
}

export async function teamNameTaken(db: Executor, name: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('teams').select('id').where(sql`lower(name)`, '=', name.toLowerCase())
  if (exceptId) q = q.where('id', '!=', exceptId)
  return (await q.executeTakeFirst()) !== undefined
}

// ── users ──────────────────────────────────────────────────────────────────
function userQuery(db: Executor) {
  return db
    .selectFrom('users as u')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .leftJoin('teams as t', 't.id', 'u.team_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.position',
      'u.phone',
      'u.role_id',
      'r.code as role_code',
      'r.name as role_name',
      'r.is_system as role_is_system',
      'u.team_id',
      't.name as team_name',
      'u.locale',
      'u.theme',
      'u.time_zone',
      'u.is_active',
      'u.locked_until',
      'u.last_login_at',
      'u.version',
      'u.created_at',
      'u.updated_at',
    ])
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>

function toUser(u: UserRow, locale: Locale): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    position: u.position,
    phone: u.phone,
    roleId: u.role_id,
    role: {
      id: u.role_id,
      code: u.role_code,
      name: roleName(u.role_code, u.role_name, u.role_is_system, locale),
    },
    teamId: u.team_id,
    team: u.team_id !== null ? { id: u.team_id, name: u.team_name ?? '' } : null,
    locale: u.locale,
    theme: u.theme,
    timeZone: u.time_zone,
    isActive: u.is_active === 1,
    lockedUntil: u.locked_until && u.locked_until > new Date().toISOString() ? u.locked_until : null,
    lastLoginAt: u.last_login_at,
    version: u.version,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  }
}

const USER_SORT_COLUMNS = {
  name: 'u.name',
  email: 'u.email',
  createdAt: 'u.created_at',
  lastLoginAt: 'u.last_login_at',
} as const

export async function findUsers(
  db: Executor,
  q: UserListQuery,
  locale: Locale,
): Promise<{ items: UserDto[]; total: number }> {
  let base = userQuery(db)
  if (q.q)
    base = base.where(sql`u.search`, 'like', sql<string>`${`%${escapeLike(searchText(q.q))}%`} escape '\\'`)
  if (q.roleId) base = base.where('u.role_id', '=', q.roleId)
  if (q.teamId) base = base.where('u.team_id', '=', q.teamId)
  if (q.isActive !== undefined) base = base.where('u.is_active', '=', q.isActive ? 1 : 0)
  const totalRow = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  let page = base
  for (const s of q.sort) page = page.orderBy(USER_SORT_COLUMNS[s.key], s.desc ? 'desc' : 'asc')
  const rows = await page
    .orderBy('u.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute()
  return { items: rows.map((r) => toUser(r, locale)), total: Number(totalRow?.n ?? 0) }
}

export async function findUser(db: Executor, id: number, locale: Locale): Promise<UserDto | undefined> {
  const u = await userQuery(db).where('u.id', '=', id).executeTakeFirst()
  return u ? toUser(u, locale) : undefined
}

export async function findUserCredentials(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'is_active', 'failed_logins', 'locked_until', 'time_zone'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst()
}

export async function findPasswordHash(db: Executor, id: number): Promise<string | undefined> {
  const r = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst()
  return r?.password_hash
}

export async function emailTaken(db: Executor, email: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('users').select('id').where('email', '=', email.toLowerCase())
  if (exceptId) q = q.where('id', '!=', exceptId)
  return (await q.executeTakeFirst()) !== undefined
}

export interface NewUser {
  email: string
  name: string
  position: string
  phone: string
  passwordHash: string
  roleId: number
  teamId: number | null
  locale: Locale
  timeZone: string
}

export async function insertUser(tx: Executor, v: NewUser): Promise<number> {
  const now = new Date().toISOString()
  const row = await tx
    .insertInto('users')
    .values({
      email: v.email.toLowerCase(),
      name: v.name,
      position: v.position,
      phone: v.phone,
      search: searchText(v.name, v.email),
      password_hash: v.passwordHash,
      role_id: v.roleId,
      team_id: v.teamId,
      locale: v.locale,
      theme: 'system',
      time_zone: v.timeZone,
      is_active: 1,
      failed_logins: 0,
      password_changed_at: now,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export type UserPatch = Partial<{
  email: string
  name: string
  position: string
  phone: string
  roleId: number
  teamId: number | null
  locale: Locale
  theme: UserTable['theme']
  timeZone: string
  isActive: boolean
}>

export async function updateUser(tx: Tx, current: UserDto, version: number, v: UserPatch): Promise<boolean> {
  const name = v.name ?? current.name
  const email = v.email ?? current.email
  const r = await tx
    .updateTable('users')
    .set({
      email: v.email,
      name: v.name,
      position: v.position,
      phone: v.phone,
      search: searchText(name, email),
      role_id: v.roleId,
      team_id: v.teamId,
      locale: v.locale,
      theme: v.theme,
      time_zone: v.timeZone,
      is_active: v.isActive === undefined ? undefined : v.isActive ? 1 : 0,
      version: version + 1,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', current.id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function setPasswordHash(tx: Executor, id: number, passwordHash: string): Promise<void> {
  const now = new Date().toISOString()
  await tx
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      password_changed_at: now,
      failed_logins: 0,
      locked_until: null,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute()
}

export async function recordLoginFailure(
  db: Executor,
  id: number,
  maxFailures: number,
  lockMs: number,
): Promise<string | null> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirst()
  if (row && row.failed_logins >= maxFailures) {
    const until = new Date(Date.now() + lockMs).toISOString()
    await db
      .updateTable('users')
      .set({ locked_until: until, failed_logins: 0 })
      .where('id', '=', id)
      .execute()
    return until
  }
  return null
}

export async function recordLoginSuccess(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute()
}

export async function countActiveAdmins(db: Executor, exceptUserId?: number): Promise<number> {
  let q = db
    .selectFrom('users as u')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('u.is_active', '=', 1)
    .where('r.permissions', 'like', '%"roles.manage"%')
    .where('r.permissions', 'like', '%"users.manage"%')
  if (exceptUserId) q = q.where('u.id', '!=', exceptUserId)
  const r = await q.executeTakeFirst()
  return Number(r?.n ?? 0)
}

export async function countUsers(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}
