import { KeyOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Button, Drawer, Skeleton, Tabs, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { History } from '../../../ui/History.tsx'
import { staffKeys } from '../api/staff-keys.ts'
import { fetchUserHistory } from '../api/users-api.ts'
import { useStaffValueRenderer } from '../hooks/use-staff-value-renderer.tsx'
import { useUser } from '../hooks/use-staff-queries.ts'
import { EmployeeForm } from './EmployeeForm.tsx'
import { SetPasswordModal } from './SetPasswordModal.tsx'

interface Props {
  /** An employee's id, `new` to add one, or null when closed. */
  open: number | 'new' | null
  canManage: boolean
  onClose: () => void
  onCreated: (id: number) => void
}

/** One employee: their data (editable with users.manage), password, and change history. */
export function EmployeeDrawer({ open, canManage, onClose, onCreated }: Props) {
  const { t } = useTranslation()
  const id = typeof open === 'number' ? open : null
  const user = useUser(id)
  const [tab, setTab] = useState('data')
  const [passwordOpen, setPasswordOpen] = useState(false)
  const renderValue = useStaffValueRenderer()
  const history = useQuery({
    queryKey: staffKeys.userHistory(id ?? 0),
    queryFn: () => fetchUserHistory(id ?? 0),
    enabled: id !== null && tab === 'history',
    staleTime: 0,
  })

  const title = open === 'new' ? t('employees.create') : (user.data?.name ?? t('employees.employee'))

  return (
    <Drawer
      open={open !== null}
      onClose={onClose}
      title={title}
      size={600}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && setTab('data')}
      extra={
        user.data &&
        canManage && (
          <Button icon={<KeyOutlined />} onClick={() => setPasswordOpen(true)}>
            {t('employees.setPassword')}
          </Button>
        )
      }
    >
      {open === 'new' && <EmployeeForm onSaved={(saved) => onCreated(saved.id)} />}
      {id !== null && user.error && !user.data && <ErrorAlert error={user.error} />}
      {id !== null && user.isPending && <Skeleton active />}
      {id !== null && user.data && (
        <>
          {!user.data.isActive && <Tag style={{ marginBottom: 12 }}>{t('employees.status.inactive')}</Tag>}
          {user.data.lockedUntil && (
            <Tag color="orange" style={{ marginBottom: 12 }}>
              {t('employees.status.locked')}
            </Tag>
          )}
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'data',
                label: t('employees.tabs.data'),
                children: (
                  <EmployeeForm
                    key={`${user.data.id}:${user.data.version}`}
                    user={user.data}
                    readOnly={!canManage}
                    onSaved={() => void history.refetch()}
                    onReload={() => void user.refetch()}
                  />
                ),
              },
              {
                key: 'history',
                label: t('history.title'),
                children: (
                  <History
                    entries={history.data}
                    loading={history.isPending}
                    error={history.error}
                    renderValue={renderValue}
                  />
                ),
              },
            ]}
          />
          <SetPasswordModal user={user.data} open={passwordOpen} onClose={() => setPasswordOpen(false)} />
        </>
      )}
    </Drawer>
  )
}
