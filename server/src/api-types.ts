/**
 * The API's request and response types, inferred from the route schemas, for the web client.
 * Types only: importing this file brings no server code into the browser bundle.
 */
import type { z } from 'zod'
import type {
  loginBody,
  meSchema,
  metaSchema,
  meUpdateBody,
  passwordChangeBody,
  tokenCreateBody,
  tokenCreatedSchema,
  tokenSchema,
} from './modules/account/account.schemas.ts'
import type { auditEntrySchema } from './modules/audit/audit.schemas.ts'
import type {
  permissionListSchema,
  roleCreateBody,
  roleSchema,
  roleUpdateBody,
  teamCreateBody,
  teamSchema,
  teamUpdateBody,
  userCreateBody,
  userSchema,
  userUpdateBody,
} from './modules/staff/staff.schemas.ts'
import type { ErrorBody } from './platform/errors/error-body.ts'
import type { Permission } from './platform/permissions/catalogue.ts'

export type Me = z.infer<typeof meSchema>
export type MeUpdate = z.input<typeof meUpdateBody>
export type Meta = z.infer<typeof metaSchema>
export type LoginRequest = z.input<typeof loginBody>
export type PasswordChange = z.input<typeof passwordChangeBody>
export type ApiToken = z.infer<typeof tokenSchema>
export type ApiTokenCreate = z.input<typeof tokenCreateBody>
export type ApiTokenCreated = z.infer<typeof tokenCreatedSchema>

export type User = z.infer<typeof userSchema>
export type UserCreate = z.input<typeof userCreateBody>
export type UserUpdate = z.input<typeof userUpdateBody>
export type Team = z.infer<typeof teamSchema>
export type TeamCreate = z.input<typeof teamCreateBody>
export type TeamUpdate = z.input<typeof teamUpdateBody>
export type Role = z.infer<typeof roleSchema>
export type RoleCreate = z.input<typeof roleCreateBody>
export type RoleUpdate = z.input<typeof roleUpdateBody>
export type AuditEntry = z.infer<typeof auditEntrySchema>
export type PermissionInfo = z.infer<typeof permissionListSchema>[number]
export type ApiError = ErrorBody['error']
export type { Permission }

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}
