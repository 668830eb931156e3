import { Card, Col, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { useMe } from '../app/auth/auth-context.ts'
import { PasswordForm } from '../modules/account/components/PasswordForm.tsx'
import { ProfileForm } from '../modules/account/components/ProfileForm.tsx'
import { TokensCard } from '../modules/account/components/TokensCard.tsx'
import { RemindersCalendarSection } from '../modules/activity-settings/components/RemindersCalendarSection.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

/** Own data, preferences, password, reminders and the calendar feed, and API tokens. */
export function ProfilePage() {
  const { t } = useTranslation()
  const me = useMe()
  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={`${me.email} · ${me.role.name}`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('profile.personal')}>
            <ProfileForm />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('password.title')}>
            <PasswordForm />
          </Card>
        </Col>
        <Col span={24}>
          <RemindersCalendarSection />
        </Col>
        <Col span={24}>
          <TokensCard />
        </Col>
      </Row>
    </>
  )
}
