import { Col, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth/auth-context.ts'
import { CalendarFeedCard } from './CalendarFeedCard.tsx'
import { ReminderSettingsCard } from './ReminderSettingsCard.tsx'

/** Profile → Reminders & calendar: reminder defaults and the calendar feed, for whoever works with activities. */
export function RemindersCalendarSection() {
  const { t } = useTranslation()
  const { can } = useAuth()
  if (!can('activities.read')) return null
  return (
    <section aria-labelledby="reminders-calendar">
      <Typography.Title level={4} id="reminders-calendar" style={{ marginTop: 8 }}>
        {t('reminderSettings.section')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <ReminderSettingsCard />
        </Col>
        <Col xs={24} xl={10}>
          <CalendarFeedCard />
        </Col>
      </Row>
    </section>
  )
}
