import { PlusOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../app/auth/auth-context.ts'
import { TeamDrawer } from '../modules/staff/components/TeamDrawer.tsx'
import { TeamsTable } from '../modules/staff/components/TeamsTable.tsx'
import { useTeams } from '../modules/staff/hooks/use-staff-queries.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

/** Administration → Teams. */
export function TeamsPage() {
  const { t } = useTranslation()
  const { can } = useAuth()
  const canManage = can('teams.manage')
  const teams = useTeams({ fresh: true })
  const [open, setOpen] = useState<number | 'new' | null>(null)

  return (
    <>
      <PageHeader
        title={t('teams.title')}
        subtitle={canManage ? undefined : t('common.readOnly')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
              {t('teams.create')}
            </Button>
          )
        }
      />
      {teams.error && <ErrorAlert error={teams.error} />}
      <TeamsTable teams={teams.data} loading={teams.isPending} canManage={canManage} onOpen={setOpen} />
      <TeamDrawer open={open} canManage={canManage} onClose={() => setOpen(null)} />
    </>
  )
}
