import { z } from 'zod'
import { isValidTimeZone } from '../../config.ts'
import { paginationQuery, sortQuery } from '../../platform/http/list.ts'
import { PERMISSIONS } from '../../platform/permissions/catalogue.ts'

export const idParams = z.object({ id: z.coerce.number().int().positive() })

const trimmed = (max: number) => z.string().trim().max(max)
export const localeSchema = z.enum(['ru', 'en'])
export const themeSchema = z.enum(['light', 'dark', 'system'])
export const timeZoneSchema = z.string().refine(isValidTimeZone, { message: 'Unknown time zone' })
export const visibilitySchema = z.enum(['own', 'team', 'all'])
export const passwordSchema = z.string().min(1).max(200)

export const refSchema = z.object({ id: z.number().int(), name: z.string() })

// ── roles ──────────────────────────────────────────────────────────────────
export const roleSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    isSystem: z.boolean(),
    permissions: z.array(z.string()),
    visibility: visibilitySchema,
    userCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Role' })
export type RoleDto = z.infer<typeof roleSchema>

export const roleCreateBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,63}$/, 'Latin lower-case letters, digits and _, starting with a letter'),
  name: trimmed(200).min(1),
  description: trimmed(2000).default(''),
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
  visibility: visibilitySchema,
})
// Written out rather than `.partial()` of the create body: zod keeps its defaults, which would blank
// every field a change leaves out.
export const roleUpdateBody = z
  .object({
    name: trimmed(200).min(1),
    description: trimmed(2000),
    permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
    visibility: visibilitySchema,
  })
  .partial()

export const permissionListSchema = z.array(z.object({ key: z.string(), area: z.string() }))

// ── teams ──────────────────────────────────────────────────────────────────
export const teamSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    headId: z.number().int().nullable(),
    head: refSchema.nullable(),
    memberCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Team' })
export type TeamDto = z.infer<typeof teamSchema>

export const teamCreateBody = z.object({
  name: trimmed(200).min(1),
  description: trimmed(2000).default(''),
  headId: z.number().int().positive().nullable().default(null),
})
export const teamUpdateBody = z
  .object({
    name: trimmed(200).min(1),
    description: trimmed(2000),
    headId: z.number().int().positive().nullable(),
  })
  .partial()

// ── users (employees) ──────────────────────────────────────────────────────
export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    position: z.string(),
    phone: z.string(),
    roleId: z.number().int(),
    role: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    teamId: z.number().int().nullable(),
    team: refSchema.nullable(),
    locale: localeSchema,
    theme: themeSchema,
    timeZone: z.string(),
    isActive: z.boolean(),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' })
export type UserDto = z.infer<typeof userSchema>

export const userCreateBody = z.object({
  email: z
    .email()
    .max(320)
    .transform((e) => e.toLowerCase()),
  name: trimmed(200).min(1),
  position: trimmed(200).default(''),
  phone: trimmed(32).default(''),
  password: passwordSchema,
  roleId: z.number().int().positive(),
  teamId: z.number().int().positive().nullable().default(null),
  locale: localeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
})
export const userUpdateBody = z
  .object({
    email: z
      .email()
      .max(320)
      .transform((e) => e.toLowerCase()),
    name: trimmed(200).min(1),
    position: trimmed(200),
    phone: trimmed(32),
    roleId: z.number().int().positive(),
    teamId: z.number().int().positive().nullable(),
    locale: localeSchema,
    theme: themeSchema,
    timeZone: timeZoneSchema,
    isActive: z.boolean(),
  })
  .partial()
export const userPasswordBody = z.object({ password: passwordSchema })

export const USER_SORT_KEYS = ['name', 'email', 'createdAt', 'lastLoginAt'] as const
export const userListQuery = z.object({
  ...paginationQuery,
  q: z.string().trim().max(200).optional(),
  roleId: z.coerce.number().int().positive().optional(),
  teamId: z.coerce.number().int().positive().optional(),
  isActive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: sortQuery(['name', 'email', 'createdAt', 'lastLoginAt'], 'name'),
})
export type UserListQuery = z.infer<typeof userListQuery>
