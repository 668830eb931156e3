import type { Permission } from '@mmcrm/server/api-types'

/** Who may open a page: every permission of `allOf` and, when given, at least one of `anyOf`. */
export interface Access {
  allOf?: readonly Permission[]
  anyOf?: readonly Permission[]
}

export function canAccess(access: Access | undefined, can: (permission: Permission) => boolean): boolean {
  if (!access) return true
  if (access.allOf && !access.allOf.every(can)) return false
  if (access.anyOf && !access.anyOf.some(can)) return false
  return true
}

/**
 * Who opens each page. Clients: reading opens the list and dossiers; adding and changing need their
 * own permission. Administration: every role can read the employee list (to pick colleagues, see the team),
 * so reading alone does not open Administration: it takes the right to manage that register, or
 * `audit.read` (the auditor inspects it read-only).
 */
export const PAGE_ACCESS = {
  employees: { allOf: ['users.read'], anyOf: ['users.manage', 'audit.read'] },
  teams: { allOf: ['users.read'], anyOf: ['teams.manage', 'audit.read'] },
  roles: { allOf: ['users.read'], anyOf: ['roles.manage', 'audit.read'] },
  audit: { allOf: ['audit.read'] },
  clients: { allOf: ['clients.read'] },
  clientCreate: { allOf: ['clients.read', 'clients.create'] },
  clientEdit: { allOf: ['clients.read', 'clients.update'] },
  customFields: { allOf: ['fields.manage'] },
} as const satisfies Record<string, Access>
