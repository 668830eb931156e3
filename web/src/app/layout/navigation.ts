import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ContactsOutlined,
  FormOutlined,
  HomeOutlined,
  MailOutlined,
  NotificationOutlined,
  PartitionOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SwapOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import type { ComponentType } from 'react'
import { type Access, PAGE_ACCESS } from '../access.ts'

export interface NavItem {
  key: string
  path: string
  /** i18n key of the label. */
  label: string
  icon: ComponentType
  access?: Access
}

export interface NavArea {
  key: string
  /** i18n key; an area without one puts its items at the top level. */
  label?: string
  icon?: ComponentType
  items: NavItem[]
}

/** Who opens the classifier pages: administrators shape the trees; whoever reads clients sees the movements. */
export const CLASSIFIER_PAGE_ACCESS = {
  classifiers: { allOf: ['classifiers.manage'] },
  classifierMovements: PAGE_ACCESS.clients,
} as const satisfies Record<string, Access>

/** Who imports clients from files (the wizard is reached from the client list's header). */
export const IMPORT_ACCESS = { allOf: ['clients.read', 'clients.import'] } as const satisfies Access

/** Who sets up outgoing e-mail (the SMTP server). */
export const MAIL_SETTINGS_ACCESS = { allOf: ['settings.manage'] } as const satisfies Access

/** Who opens Activity types: who shapes the types, or who sets the escalation of overdue work shown there. */
export const ACTIVITY_TYPES_ACCESS = {
  anyOf: ['activities.manage_types', 'settings.manage'],
} as const satisfies Access

/** Who opens "My day" and the calendar: whoever works with activities and tasks. */
export const ORGANIZER_ACCESS = { allOf: ['activities.read'] } as const satisfies Access

/** Who opens the task list: whoever works with activities and tasks. */
export const TASKS_ACCESS = { allOf: ['activities.read'] } as const satisfies Access

/**
 * The side navigation: the specification's four areas and Administration. Each function adds its pages
 * to its area when it arrives; an area shows only once it has a page the employee may open.
 */
export const NAVIGATION: NavArea[] = [
  { key: 'main', items: [{ key: 'home', path: '/', label: 'nav.home', icon: HomeOutlined }] },
  {
    key: 'organizer',
    label: 'organizer.nav.area',
    icon: ScheduleOutlined,
    items: [
      {
        key: 'myDay',
        path: '/organizer',
        label: 'organizer.nav.myDay',
        icon: CarryOutOutlined,
        access: ORGANIZER_ACCESS,
      },
      {
        key: 'calendar',
        path: '/calendar',
        label: 'organizer.nav.calendar',
        icon: CalendarOutlined,
        access: ORGANIZER_ACCESS,
      },
      {
        key: 'tasks',
        path: '/tasks',
        label: 'tasks.nav',
        icon: CheckSquareOutlined,
        access: TASKS_ACCESS,
      },
    ],
  },
  {
    key: 'sales',
    label: 'nav.areas.sales',
    icon: ShopOutlined,
    items: [
      {
        key: 'clients',
        path: '/clients',
        label: 'nav.clients',
        icon: ContactsOutlined,
        access: PAGE_ACCESS.clients,
      },
      {
        key: 'classifierMovements',
        path: '/clients/movements',
        label: 'nav.classifierMovements',
        icon: SwapOutlined,
        access: CLASSIFIER_PAGE_ACCESS.classifierMovements,
      },
    ],
  },
  { key: 'partners', label: 'nav.areas.partners', icon: ApartmentOutlined, items: [] },
  { key: 'marketing', label: 'nav.areas.marketing', icon: NotificationOutlined, items: [] },
  { key: 'work', label: 'nav.areas.work', icon: CalendarOutlined, items: [] },
  {
    key: 'admin',
    label: 'nav.areas.admin',
    icon: SettingOutlined,
    items: [
      {
        key: 'employees',
        path: '/admin/employees',
        label: 'nav.employees',
        icon: UserOutlined,
        access: PAGE_ACCESS.employees,
      },
      {
        key: 'teams',
        path: '/admin/teams',
        label: 'nav.teams',
        icon: TeamOutlined,
        access: PAGE_ACCESS.teams,
      },
      {
        key: 'roles',
        path: '/admin/roles',
        label: 'nav.roles',
        icon: SafetyCertificateOutlined,
        access: PAGE_ACCESS.roles,
      },
      {
        key: 'customFields',
        path: '/admin/custom-fields',
        label: 'nav.customFields',
        icon: FormOutlined,
        access: PAGE_ACCESS.customFields,
      },
      {
        key: 'classifiers',
        path: '/admin/classifiers',
        label: 'nav.classifiers',
        icon: PartitionOutlined,
        access: CLASSIFIER_PAGE_ACCESS.classifiers,
      },
      {
        key: 'activityTypes',
        path: '/admin/activity-types',
        label: 'activityTypes.nav',
        icon: TagsOutlined,
        access: ACTIVITY_TYPES_ACCESS,
      },
      {
        key: 'mailSettings',
        path: '/admin/mail',
        label: 'nav.mailSettings',
        icon: MailOutlined,
        access: MAIL_SETTINGS_ACCESS,
      },
      {
        key: 'audit',
        path: '/admin/audit',
        label: 'nav.audit',
        icon: AuditOutlined,
        access: PAGE_ACCESS.audit,
      },
    ],
  },
]

/** The item a path belongs to: the longest matching prefix (`/` only exactly). */
export function findNavItem(
  areas: NavArea[],
  pathname: string,
): { area: NavArea; item: NavItem } | undefined {
  let best: { area: NavArea; item: NavItem } | undefined
  for (const area of areas) {
    for (const item of area.items) {
      const matches =
        item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`)
      if (matches && (!best || item.path.length > best.item.path.length)) best = { area, item }
    }
  }
  return best
}
