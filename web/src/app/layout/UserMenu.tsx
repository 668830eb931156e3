import { LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { Avatar, Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useAuth, useMe } from '../auth/auth-context.ts'

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('')
}

/** The employee's name, opening Profile and Sign out. */
export function UserMenu() {
  const { t } = useTranslation()
  const me = useMe()
  const { signOut } = useAuth()
  const navigate = useNavigate()
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'profile', icon: <UserOutlined />, label: t('header.profile') },
          { type: 'divider' },
          { key: 'signOut', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'profile') navigate('/profile')
          if (key === 'signOut') void signOut()
        },
      }}
    >
      <Button type="text" title={t('header.userMenu')} style={{ height: 'auto', paddingBlock: 4 }}>
        <Avatar size="small" aria-hidden style={{ backgroundColor: '#1677ff' }}>
          {initials(me.name)}
        </Avatar>
        <span className="mm-user-name">{me.name}</span>
      </Button>
    </Dropdown>
  )
}
