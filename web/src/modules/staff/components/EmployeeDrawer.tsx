import { KeyOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RecordDrawer } from '../../../ui/RecordDrawer.tsx'
import { staffKeys } from '../api/staff-keys.ts'
import { fetchUserHistory } from '../api/users-api.ts'
import { useUser } from '../hooks/use-staff-queries.ts'
import { useStaffValueRenderer } from '../hooks/use-staff-value-renderer.tsx'
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
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const id = typeof open === 'number' ? open : null
  const user = useUser(id)
  const [passwordOpen, setPasswordOpen] = useState(false)
  const renderValue = useStaffValueRenderer()

  return (
    <RecordDrawer
      open={open !== null}
      title={open === 'new' ? t('employees.create') : (user.data?.name ?? t('employees.employee'))}
      onClose={onClose}
      size={620}
      record={id !== null ? user : null}
      history={
        id !== null
          ? { queryKey: staffKeys.userHistory(id), fetch: () => fetchUserHistory(id), renderValue }
          : undefined
      }
      extra={
        user.data &&
        canManage && (
          <Button icon={<KeyOutlined />} onClick={() => setPasswordOpen(true)}>
            {t('employees.setPassword')}
          </Button>
        )
      }
    >
      {(record) =>
        record ? (
          <>
            {(!record.isActive || record.lockedUntil) && (
              <Flex gap={4} style={{ marginBottom: 12 }}>
                {!record.isActive && <Tag>{t('employees.status.inactive')}</Tag>}
                {record.lockedUntil && <Tag color="orange">{t('employees.status.locked')}</Tag>}
              </Flex>
            )}
            <EmployeeForm
              key={`${record.id}:${record.version}`}
              user={record}
              readOnly={!canManage}
              onSaved={(saved) => {
                message.success(t('common.saved'))
                void queryClient.invalidateQueries({ queryKey: staffKeys.userHistory(saved.id) })
              }}
              onReload={() => void user.refetch()}
            />
            <SetPasswordModal user={record} open={passwordOpen} onClose={() => setPasswordOpen(false)} />
          </>
        ) : (
          <EmployeeForm onSaved={(saved) => onCreated(saved.id)} />
        )
      }
    </RecordDrawer>
  )
}
