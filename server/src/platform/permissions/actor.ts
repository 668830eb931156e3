import type { Locale } from '../i18n/messages.ts'
import type { Permission, Visibility } from './catalogue.ts'

/** Who is acting: an employee (through a session or an API token) or the system itself (jobs, start-up). */
export interface Actor {
  kind: 'user' | 'system'
  userId: number | null
  teamId: number | null
  roleCode: string
  permissions: ReadonlySet<string>
  visibility: Visibility
  locale: Locale
  timeZone: string
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  userId: null,
  teamId: null,
  roleCode: 'system',
  permissions: new Set<string>(),
  visibility: 'all',
  locale: 'en',
  timeZone: 'UTC',
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'system' || actor.permissions.has(permission)
}
