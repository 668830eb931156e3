import { BankOutlined, DownOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { ClientKind } from './client-labels.ts'

/** "New client": an organization or a person, each with its own form. */
export function NewClientButton({ type = 'primary' }: { type?: 'primary' | 'default' }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const open = (kind: ClientKind) => navigate(`/clients/new?kind=${kind}`)
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'organization', icon: <BankOutlined />, label: t('clients.newOrganization') },
          { key: 'person', icon: <UserOutlined />, label: t('clients.newPerson') },
        ],
        onClick: ({ key }) => open(key === 'person' ? 'person' : 'organization'),
      }}
    >
      <Button type={type} icon={<PlusOutlined />}>
        {t('clients.create')} <DownOutlined />
      </Button>
    </Dropdown>
  )
}
