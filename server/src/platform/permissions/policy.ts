import type { Permission } from './catalogue.ts'

export type RouteRule =
  | { access: 'public'; why: string }
  | { access: 'authenticated' }
  | { access: 'permission'; permission: Permission }
  /** Signed in; the permission comes from the subject the record attaches to (read or write it). */
  | { access: 'subject'; operation: 'read' | 'write' }

const pub = (why: string): RouteRule => ({ access: 'public', why })
const signedIn: RouteRule = { access: 'authenticated' }
const perm = (permission: Permission): RouteRule => ({ access: 'permission', permission })
const subject = (operation: 'read' | 'write'): RouteRule => ({ access: 'subject', operation })

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

  'GET /api/clients': perm('clients.read'),
  'GET /api/clients/duplicates': perm('clients.read'),
  'GET /api/clients/:id': perm('clients.read'),
  'GET /api/clients/:id/history': perm('clients.read'),
  'POST /api/clients': perm('clients.create'),
  'PATCH /api/clients/:id': perm('clients.update'),
  'DELETE /api/clients/:id': perm('clients.delete'),
  'POST /api/clients/:id/restore': perm('clients.delete'),
  'DELETE /api/clients/:id/purge': perm('clients.purge'),
  'POST /api/clients/reassign': perm('clients.reassign'),
  'POST /api/clients/:id/merge': perm('clients.merge'),
  'GET /api/clients/:id/personal-data': perm('clients.personal_data'),
  'POST /api/clients/:id/erase': perm('clients.personal_data'),
  'POST /api/contacts/:id/erase': perm('clients.personal_data'),
  'GET /api/clients/:id/consents': perm('clients.read'),
  'POST /api/clients/:id/consents': perm('clients.update'),
  'POST /api/clients/:id/consents/:consentId/withdraw': perm('clients.update'),
  'GET /api/settings/client-completeness': perm('clients.read'),
  'PUT /api/settings/client-completeness': perm('fields.manage'),
  'GET /api/settings/mail': perm('settings.manage'),
  'PUT /api/settings/mail': perm('settings.manage'),
  'POST /api/settings/mail/test': perm('settings.manage'),
  'GET /api/clients/:id/contacts': perm('clients.read'),
  'POST /api/clients/:id/contacts': perm('clients.update'),
  'PATCH /api/clients/:id/contacts/:contactId': perm('clients.update'),
  'DELETE /api/clients/:id/contacts/:contactId': perm('clients.update'),
  'GET /api/contacts': perm('clients.read'),
  'GET /api/contacts/:id': perm('clients.read'),
  'GET /api/contacts/:id/history': perm('clients.read'),
  'PATCH /api/contacts/:id': perm('clients.update'),

  'GET /api/custom-fields': signedIn,
  'POST /api/custom-fields': perm('fields.manage'),
  'PATCH /api/custom-fields/:id': perm('fields.manage'),
  'DELETE /api/custom-fields/:id': perm('fields.manage'),

  'GET /api/notes': subject('read'),
  'POST /api/notes': subject('write'),
  'PATCH /api/notes/:id': subject('write'),
  'DELETE /api/notes/:id': subject('write'),
  'GET /api/files': subject('read'),
  'POST /api/files': subject('write'),
  'GET /api/files/:id/download': subject('read'),
  'DELETE /api/files/:id': subject('write'),

  'GET /api/notifications': signedIn,
  'GET /api/operations': signedIn,
  'GET /api/classifiers': perm('clients.read'),
  'GET /api/classifiers/rule-variables': perm('clients.read'),
  'GET /api/classifiers/:id': perm('clients.read'),
  'POST /api/classifiers': perm('classifiers.manage'),
  'PATCH /api/classifiers/:id': perm('classifiers.manage'),
  'DELETE /api/classifiers/:id': perm('classifiers.manage'),
  'POST /api/classifiers/:id/nodes': perm('classifiers.manage'),
  'PATCH /api/classifiers/:id/nodes/:nodeId': perm('classifiers.manage'),
  'POST /api/classifiers/:id/nodes/:nodeId/move': perm('classifiers.manage'),
  'DELETE /api/classifiers/:id/nodes/:nodeId': perm('classifiers.manage'),
  'GET /api/classifiers/:id/movements': perm('clients.read'),
  'GET /api/clients/facets': perm('clients.read'),
  'GET /api/clients/:id/classification': perm('clients.read'),
  'GET /api/clients/:id/classification/history': perm('clients.read'),
  'PUT /api/clients/:id/classification/:classifierId': perm('clients.update'),
  'POST /api/clients/classify': perm('clients.classify'),
  'POST /api/clients/export': perm('clients.export'),
  'GET /api/exports/:id/download': perm('clients.export'),
  'POST /api/imports': perm('clients.import'),
  'GET /api/imports': perm('clients.import'),
  'GET /api/imports/:id': perm('clients.import'),
  'PATCH /api/imports/:id': perm('clients.import'),
  'POST /api/imports/:id/check': perm('clients.import'),
  'GET /api/imports/:id/rows': perm('clients.import'),
  'POST /api/imports/:id/run': perm('clients.import'),
  'POST /api/imports/:id/cancel': perm('clients.import'),
  'GET /api/imports/:id/report.csv': perm('clients.import'),
  'POST /api/imports/:id/rollback': perm('clients.import'),
  'GET /api/views': signedIn,
  'POST /api/views': signedIn,
  'PATCH /api/views/:id': signedIn,
  'DELETE /api/views/:id': signedIn,
  'PUT /api/views/default': signedIn,
  // Each search group checks its own permission; records are filtered by visibility.
  'GET /api/search': signedIn,
  'GET /api/operations/:id': signedIn,
  'GET /api/notifications/unread-count': signedIn,
  'POST /api/notifications/read': signedIn,
  'GET /api/events': signedIn,

  'GET /api/activity-types': perm('activities.read'),
  'POST /api/activity-types': perm('activities.manage_types'),
  'PATCH /api/activity-types/:id': perm('activities.manage_types'),
  'GET /api/activities': perm('activities.read'),
  'GET /api/activities/:id': perm('activities.read'),
  'POST /api/activities': perm('activities.write'),
  'PATCH /api/activities/:id': perm('activities.write'),
  'POST /api/activities/:id/complete': perm('activities.write'),
  'POST /api/activities/:id/cancel': perm('activities.write'),
  'DELETE /api/activities/:id': perm('activities.write'),
  'GET /api/tasks': perm('activities.read'),
  'GET /api/tasks/:id': perm('activities.read'),
  'POST /api/tasks': perm('activities.write'),
  'PATCH /api/tasks/:id': perm('activities.write'),
  'DELETE /api/tasks/:id': perm('activities.write'),
  'GET /api/organizer/my-day': perm('activities.read'),
  'GET /api/organizer/people': perm('activities.read'),
  'GET /api/timeline': perm('activities.read'),
  'GET /api/me/reminder-settings': signedIn,
  'PUT /api/me/reminder-settings': perm('activities.read'),
  'POST /api/reminders/:id/snooze': signedIn,
  'POST /api/reminders/:id/dismiss': signedIn,
  'GET /api/me/calendar-feed': perm('activities.read'),
  'POST /api/me/calendar-feed': perm('activities.read'),
  'DELETE /api/me/calendar-feed': signedIn,
  'GET /api/calendar/:file': pub(
    'calendar apps fetch the feed by its secret address (only its hash is stored; revocable)',
  ),
  'GET /api/settings/escalation': perm('settings.manage'),
  'PUT /api/settings/escalation': perm('settings.manage'),
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
