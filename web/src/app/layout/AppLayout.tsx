import { Layout, Typography, theme } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import { NotificationBell } from '../../modules/notifications/components/NotificationBell.tsx'
import { GlobalSearch } from '../../modules/search/components/GlobalSearch.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { SideNav } from './SideNav.tsx'
import { ThemeSwitch } from './ThemeSwitch.tsx'
import { UserMenu } from './UserMenu.tsx'

/** The frame of every signed-in page: header with the product name and the employee's menus, side navigation. */
export function AppLayout() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const { pathname } = useLocation()
  // A new page starts at its top (the browser keeps the scroll of the page one came from).
  useEffect(() => {
    if (pathname) window.scrollTo(0, 0)
  }, [pathname])
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          paddingInline: 16,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        <div style={{ flex: 1 }} />
        <GlobalSearch />
        <NotificationBell />
        <LanguageSwitch />
        <ThemeSwitch />
        <UserMenu />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          breakpoint="lg"
          collapsible
          width={232}
          theme="light"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <nav aria-label={t('nav.label')}>
            <SideNav />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
