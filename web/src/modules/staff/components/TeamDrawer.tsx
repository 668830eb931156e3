import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { RecordDrawer } from '../../../ui/RecordDrawer.tsx'
import { staffKeys } from '../api/staff-keys.ts'
import { fetchTeam, fetchTeamHistory } from '../api/teams-api.ts'
import { useStaffValueRenderer } from '../hooks/use-staff-value-renderer.tsx'
import { TeamForm } from './TeamForm.tsx'

interface Props {
  open: number | 'new' | null
  canManage: boolean
  onClose: () => void
}

/** One team: name, description and head (editable with teams.manage), and its change history. */
export function TeamDrawer({ open, canManage, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const id = typeof open === 'number' ? open : null
  const team = useQuery({
    queryKey: staffKeys.team(id ?? 0),
    queryFn: () => fetchTeam(id ?? 0),
    enabled: id !== null,
    staleTime: 0,
  })
  const renderValue = useStaffValueRenderer()

  return (
    <RecordDrawer
      open={open !== null}
      title={open === 'new' ? t('teams.create') : (team.data?.name ?? t('teams.team'))}
      onClose={onClose}
      record={id !== null ? team : null}
      history={
        id !== null
          ? { queryKey: staffKeys.teamHistory(id), fetch: () => fetchTeamHistory(id), renderValue }
          : undefined
      }
    >
      {(record) =>
        record ? (
          <TeamForm
            key={`${record.id}:${record.version}`}
            team={record}
            readOnly={!canManage}
            onSaved={(saved) => {
              queryClient.setQueryData(staffKeys.team(saved.id), saved)
              message.success(t('common.saved'))
            }}
            onReload={() => void team.refetch()}
          />
        ) : (
          <TeamForm
            onSaved={() => {
              message.success(t('teams.created'))
              onClose()
            }}
          />
        )
      }
    </RecordDrawer>
  )
}
