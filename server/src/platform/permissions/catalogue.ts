/**
 * Every permission the product knows. Modules add theirs here when they arrive; built-in roles below
 * decide who gets them. Keys are `<area>.<action>`.
 */
export const PERMISSIONS = [
  'users.read',
  'users.manage',
  'teams.manage',
  'roles.manage',
  'audit.read',
  'clients.read',
  'clients.create',
  'clients.update',
  'clients.delete',
  'clients.purge',
  'clients.reassign',
  'clients.merge',
  'clients.personal_data',
  'fields.manage',
  'classifiers.manage',
  'clients.classify',
  'views.share',
  'clients.export',
  'clients.import',
  'settings.manage',
  'activities.read',
  'activities.write',
  'activities.assign',
  'activities.manage_types',
] as const

const CLIENT_WORK = ['clients.read', 'clients.create', 'clients.update'] as const
/** Activities and tasks: one's own, and on the records one can see. */
const ACTIVITY_WORK = ['activities.read', 'activities.write'] as const

export type Permission = (typeof PERMISSIONS)[number]

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value)
}

export type Visibility = 'own' | 'team' | 'all'

export interface SystemRole {
  code: string
  name: { ru: string; en: string }
  visibility: Visibility
  permissions: readonly Permission[]
}

/**
 * Built-in roles. Their permissions are defined here and synced into the database at start-up, so a
 * new module's permissions reach them without a migration. Administrators copy them to make their own.
 */
export const SYSTEM_ROLES: readonly SystemRole[] = [
  {
    code: 'admin',
    name: { ru: 'Администратор', en: 'Administrator' },
    visibility: 'all',
    permissions: PERMISSIONS,
  },
  {
    code: 'head_of_sales',
    name: { ru: 'Руководитель отдела продаж', en: 'Head of sales' },
    visibility: 'team',
    permissions: [
      'users.read',
      ...CLIENT_WORK,
      'clients.delete',
      'clients.reassign',
      'clients.merge',
      'clients.personal_data',
      'clients.classify',
      'views.share',
      'clients.export',
      'clients.import',
      ...ACTIVITY_WORK,
      'activities.assign',
    ],
  },
  {
    code: 'sales_manager',
    name: { ru: 'Менеджер по продажам', en: 'Sales manager' },
    visibility: 'own',
    permissions: ['users.read', ...CLIENT_WORK, 'clients.delete', 'clients.export', ...ACTIVITY_WORK],
  },
  {
    code: 'partner_manager',
    name: { ru: 'Менеджер по работе с партнёрами', en: 'Partner manager' },
    visibility: 'own',
    permissions: ['users.read', ...CLIENT_WORK, ...ACTIVITY_WORK],
  },
  {
    code: 'marketer',
    name: { ru: 'Маркетолог', en: 'Marketer' },
    visibility: 'all',
    permissions: [
      'users.read',
      'clients.read',
      'clients.classify',
      'views.share',
      'clients.export',
      ...ACTIVITY_WORK,
    ],
  },
  {
    code: 'call_centre_operator',
    name: { ru: 'Оператор колл-центра', en: 'Call-centre operator' },
    visibility: 'all',
    permissions: ['users.read', ...CLIENT_WORK, ...ACTIVITY_WORK],
  },
  {
    code: 'accountant',
    name: { ru: 'Бухгалтер', en: 'Accountant' },
    visibility: 'all',
    permissions: ['users.read', 'clients.read', 'clients.update', 'clients.export', 'activities.read'],
  },
  {
    code: 'auditor',
    name: { ru: 'Аудитор (только чтение)', en: 'Auditor (read-only)' },
    visibility: 'all',
    permissions: ['users.read', 'audit.read', 'clients.read', 'clients.export', 'activities.read'],
  },
]

export const ADMIN_ROLE_CODE = 'admin'
