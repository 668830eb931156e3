import type { User } from '@mmcrm/server/api-types'
import { useQuery } from '@tanstack/react-query'
import { Card, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { staffKeys } from '../api/staff-keys.ts'
import { fetchTeam } from '../api/teams-api.ts'
import { useUserList } from '../hooks/use-staff-queries.ts'

interface Props {
  teamId: number
  meId: number
}

/** The active members of a team, the head marked and listed first. */
export function TeamColleagues({ teamId, meId }: Props) {
  const { t } = useTranslation()
  const team = useQuery({ queryKey: staffKeys.team(teamId), queryFn: () => fetchTeam(teamId) })
  const members = useUserList(
    { page: 1, pageSize: 200, teamId, isActive: true, sort: 'name' },
    { fresh: true },
  )
  const headId = team.data?.headId ?? null
  const rows = [...(members.data?.items ?? [])].sort(
    (a, b) => Number(b.id === headId) - Number(a.id === headId),
  )

  const columns: TableColumnsType<User> = [
    {
      title: t('employees.fields.name'),
      dataIndex: 'name',
      render: (_, user) => (
        <>
          <Typography.Text strong={user.id === meId}>{user.name}</Typography.Text>
          {user.id === headId && (
            <Tag color="gold" style={{ marginInlineStart: 8 }}>
              {t('home.head')}
            </Tag>
          )}
          {user.id === meId && <Tag style={{ marginInlineStart: 8 }}>{t('home.you')}</Tag>}
        </>
      ),
    },
    { title: t('employees.fields.position'), dataIndex: 'position' },
    {
      title: t('employees.fields.email'),
      dataIndex: 'email',
      render: (email: string) => <Typography.Link href={`mailto:${email}`}>{email}</Typography.Link>,
    },
    {
      title: t('employees.fields.phone'),
      dataIndex: 'phone',
      render: (phone: string) =>
        phone ? <Typography.Link href={`tel:${phone}`}>{phone}</Typography.Link> : null,
    },
  ]

  return (
    <Card title={team.data ? t('home.teamTitle', { team: team.data.name }) : t('home.colleagues')}>
      {(members.error || team.error) && <ErrorAlert error={members.error ?? team.error} />}
      {team.data?.description && (
        <Typography.Paragraph type="secondary">{team.data.description}</Typography.Paragraph>
      )}
      <Table<User>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={members.isPending}
        pagination={false}
        scroll={{ x: 600 }}
      />
    </Card>
  )
}
