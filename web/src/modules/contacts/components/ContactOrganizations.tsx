import { Flex, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ContactOrganization } from '../api/contacts-api.ts'

interface Props {
  organizations: ContactOrganization[]
  /** Organizations outside the employee's visibility: only counted. */
  hidden?: number
  /** Show the department, role and primary mark too (the person's card), not only the position (a row). */
  detailed?: boolean
}

/** The organizations a contact person works for, each a link to its dossier, with their post there. */
export function ContactOrganizations({ organizations, hidden = 0, detailed = false }: Props) {
  const { t } = useTranslation()
  if (organizations.length === 0 && hidden === 0) return <>{t('common.empty')}</>
  return (
    <Flex vertical gap={detailed ? 8 : 0}>
      {organizations.map((org) => (
        <Flex key={org.clientId} vertical>
          <Space size={4} wrap>
            <Link to={`/clients/${org.clientId}`}>{org.name}</Link>
            {!detailed && org.position && <Typography.Text type="secondary">{org.position}</Typography.Text>}
            {detailed && org.isPrimary && <Tag color="gold">{t('contacts.primary')}</Tag>}
          </Space>
          {detailed && (
            <Typography.Text type="secondary">
              {[org.position, org.department, org.role].filter(Boolean).join(' · ') || t('common.empty')}
            </Typography.Text>
          )}
        </Flex>
      ))}
      {hidden > 0 && (
        <Typography.Text type="secondary">
          {t('contacts.hiddenOrganizations', { count: hidden })}
        </Typography.Text>
      )}
    </Flex>
  )
}
