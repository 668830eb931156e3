import { AppError } from '../errors/app-error.ts'
import type { Actor } from './actor.ts'
import { hasPermission } from './actor.ts'
import type { Permission } from './catalogue.ts'

/** The ownership facts of a record that visibility rules look at. */
export interface Owned {
  ownerId: number | null
  teamId: number | null
}

/** May this actor see this record, by the visibility of their role (own / team / all)? */
export function canSee(actor: Actor, record: Owned): boolean {
  if (actor.kind === 'system' || actor.visibility === 'all') return true
  if (record.ownerId !== null && record.ownerId === actor.userId) return true
  if (actor.visibility === 'team') return actor.teamId !== null && record.teamId === actor.teamId
  return false
}

/**
 * The one place that decides "may this user do X to this record". A record the actor cannot see is
 * reported as not found (its existence is not disclosed); a visible record without the permission is 403.
 * Call it after loading the record and before any write.
 */
export function authorize(actor: Actor, permission: Permission, record?: Owned): void {
  if (record && !canSee(actor, record)) throw AppError.notFound()
  if (!hasPermission(actor, permission)) throw AppError.forbidden()
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission)) throw AppError.forbidden()
}
