import type { MenuProps } from 'antd'
import { Menu } from 'antd'
import { createElement, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { canAccess } from '../access.ts'
import { useAuth } from '../auth/auth-context.ts'
import { findNavItem, NAVIGATION, type NavArea } from './navigation.ts'

type MenuItem = Required<MenuProps>['items'][number]

/**
 * The navigation the employee may use: items they lack permission for, and areas left empty, are not
 * shown. Areas are headed groups, always open, so every page is one click away.
 */
export function SideNav() {
  const { t } = useTranslation()
  const { can } = useAuth()
  const location = useLocation()

  const areas = useMemo<NavArea[]>(
    () =>
      NAVIGATION.map((area) => ({
        ...area,
        items: area.items.filter((item) => canAccess(item.access, can)),
      })).filter((area) => area.items.length > 0),
    [can],
  )
  const current = findNavItem(areas, location.pathname)

  const items = areas.flatMap<MenuItem>((area) => {
    const children = area.items.map<MenuItem>((item) => ({
      key: item.key,
      icon: createElement(item.icon),
      label: <Link to={item.path}>{t(item.label)}</Link>,
    }))
    if (!area.label) return children
    return [{ type: 'group', key: area.key, label: t(area.label), children }]
  })

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={current ? [current.item.key] : []}
      style={{ borderInlineEnd: 0 }}
    />
  )
}
