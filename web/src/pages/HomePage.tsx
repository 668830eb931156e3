import { Card, Col, Descriptions, Empty, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth, useMe } from '../app/auth/auth-context.ts'
import { TeamColleagues } from '../modules/staff/components/TeamColleagues.tsx'
import { formatZoneOffset } from '../ui/format.ts'
import { PageHeader } from '../ui/PageHeader.tsx'
import { useFormat } from '../ui/use-format.ts'

function partOfDay(timeZone: string): 'morning' | 'day' | 'evening' | 'night' {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()),
  )
  if (hour >= 5 && hour < 12) return 'morning'
  if (hour >= 12 && hour < 18) return 'day'
  if (hour >= 18 && hour < 23) return 'evening'
  return 'night'
}

/** Home: who the employee is in the company, and their team. */
export function HomePage() {
  const { t } = useTranslation()
  const me = useMe()
  const { can } = useAuth()
  const format = useFormat()
  const firstName = me.name.split(/\s+/)[0] ?? me.name

  return (
    <>
      <PageHeader
        title={t(`home.greeting.${partOfDay(me.timeZone)}`, { name: firstName })}
        subtitle={t('home.today', { date: format.date(new Date()) })}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('home.aboutYou')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('employees.fields.name'), children: me.name },
                ...(me.position
                  ? [{ key: 'position', label: t('employees.fields.position'), children: me.position }]
                  : []),
                { key: 'role', label: t('employees.fields.role'), children: me.role.name },
                {
                  key: 'team',
                  label: t('employees.fields.team'),
                  children: me.team?.name ?? (
                    <Typography.Text type="secondary">{t('home.noTeam')}</Typography.Text>
                  ),
                },
                { key: 'email', label: t('employees.fields.email'), children: me.email },
                {
                  key: 'timeZone',
                  label: t('employees.fields.timeZone'),
                  children: `${me.timeZone.replaceAll('_', ' ')} (${formatZoneOffset(me.timeZone)})`,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          {me.teamId && can('users.read') ? (
            <TeamColleagues teamId={me.teamId} meId={me.id} />
          ) : (
            <Card title={t('home.colleagues')}>
              <Empty description={me.teamId ? t('home.colleaguesHidden') : t('home.noTeamText')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  )
}
