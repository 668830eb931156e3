import { DeleteOutlined } from '@ant-design/icons'
import type { Team } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Popconfirm, Table, type TableColumnsType, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { useFormat } from '../../../ui/use-format.ts'
import { staffKeys } from '../api/staff-keys.ts'
import { deleteTeam } from '../api/teams-api.ts'

interface Props {
  teams: Team[] | undefined
  loading: boolean
  canManage: boolean
  onOpen: (id: number) => void
}

/** Teams with their head and size; deleting is refused by the server while a team has members. */
export function TeamsTable({ teams, loading, canManage, onOpen }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const remove = useMutation({
    mutationFn: (team: Team) => deleteTeam(team.id, team.version),
    onSuccess: (_, team) => {
      message.success(t('teams.deleted', { name: team.name }))
    },
    onError: (error) =>
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffKeys.teams }),
  })

  const columns: TableColumnsType<Team> = [
    {
      title: t('teams.fields.name'),
      dataIndex: 'name',
      render: (_, team) => (
        <div>
          <Typography.Link onClick={() => onOpen(team.id)}>{team.name}</Typography.Link>
          {team.description && (
            <div>
              <Typography.Text
                type="secondary"
                ellipsis={{ tooltip: team.description }}
                style={{ maxWidth: 360 }}
              >
                {team.description}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('teams.fields.head'),
      key: 'head',
      render: (_, team) =>
        team.head?.name ?? <Typography.Text type="secondary">{t('teams.noHead')}</Typography.Text>,
    },
    {
      title: t('teams.fields.memberCount'),
      dataIndex: 'memberCount',
      align: 'end',
      render: (count: number) => format.number(count),
    },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      render: (value: string) => format.dateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      align: 'end',
      render: (_, team) => (
        <Flex gap={8} justify="flex-end">
          <Button
            size="small"
            onClick={() => onOpen(team.id)}
            aria-label={`${canManage ? t('common.edit') : t('common.view')}: ${team.name}`}
          >
            {canManage ? t('common.edit') : t('common.view')}
          </Button>
          {canManage && (
            <Popconfirm
              title={t('teams.deleteConfirm', { name: team.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutateAsync(team).catch(() => undefined)}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('common.delete')}: ${team.name}`}
              />
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ]

  return (
    <Table<Team>
      rowKey="id"
      columns={columns}
      dataSource={teams}
      loading={loading}
      pagination={false}
      scroll={{ x: 720 }}
    />
  )
}
