import type { Permission } from './catalogue.ts'

export type RouteRule =
  | { access: 'public'; why: string }
  | { access: 'authenticated' }
  | { access: 'permission'; permission: Permission }

const pub = (why: string): RouteRule => ({ access: 'public', why })
const signedIn: RouteRule = { access: 'authenticated' }
const perm = (permission: Permission): RouteRule => ({ access: 'permission', permission })

/**
 * Who may call every API route. A route missing here fails at start-up, so none can be added without
 * a rule. Record-level visibility (own / team / all) is checked in addition, by `authorize()`.
 */
export const ROUTE_POLICY: Record<string, RouteRule> = {
  'GET /api/health': pub('load balancers and uptime checks'),
  'GET /api/meta': pub('the sign-in page needs the default language and version'),
  'POST /api/auth/login': pub('signing in'),
  'POST /api/auth/logout': signedIn,

  'GET /api/me': signedIn,
  'PATCH /api/me': signedIn,
  'POST /api/me/password': signedIn,
  'GET /api/me/tokens': signedIn,
  'POST /api/me/tokens': signedIn,
  'DELETE /api/me/tokens/:id': signedIn,

  'GET /api/users': perm('users.read'),
  'GET /api/users/:id': perm('users.read'),
  'GET /api/users/:id/history': perm('users.read'),
  'POST /api/users': perm('users.manage'),
  'PATCH /api/users/:id': perm('users.manage'),
  'POST /api/users/:id/password': perm('users.manage'),

  'GET /api/teams': perm('users.read'),
  'GET /api/teams/:id': perm('users.read'),
  'GET /api/teams/:id/history': perm('users.read'),
  'POST /api/teams': perm('teams.manage'),
  'PATCH /api/teams/:id': perm('teams.manage'),
  'DELETE /api/teams/:id': perm('teams.manage'),

  'GET /api/permissions': perm('users.read'),
  'GET /api/roles': perm('users.read'),
  'GET /api/roles/:id': perm('users.read'),
  'GET /api/roles/:id/history': perm('users.read'),
  'POST /api/roles': perm('roles.manage'),
  'PATCH /api/roles/:id': perm('roles.manage'),
  'DELETE /api/roles/:id': perm('roles.manage'),

  'GET /api/audit': perm('audit.read'),
}

/** Routes outside the API (the web app's files, the docs page): public, never carrying data. */
export function isPublicAsset(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  return (
    url === '/api/openapi.json' ||
    url === '/api/docs' ||
    url.startsWith('/api/docs/') ||
    !url.startsWith('/api')
  )
}

export function ruleFor(method: string, url: string): RouteRule | undefined {
  return ROUTE_POLICY[`${method} ${url}`]
}
