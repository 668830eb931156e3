import { PlusOutlined } from '@ant-design/icons'
import type { ActivityType } from '@mmcrm/server/api-types'
import { App, Button, Drawer, Flex } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../app/auth/auth-context.ts'
import { ActivityTypeForm } from '../modules/activity-settings/components/ActivityTypeForm.tsx'
import { ActivityTypesTable } from '../modules/activity-settings/components/ActivityTypesTable.tsx'
import { EscalationCard } from '../modules/activity-settings/components/EscalationCard.tsx'
import { useActivityTypes, useLocalName } from '../modules/activity-settings/hooks/use-activity-types.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

/**
 * Administration → Activity types: the kinds of activities, their colour, duration and outcomes, in
 * order; and, for who manages settings, when overdue work is reported to the team head.
 */
export function ActivityTypesPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { can } = useAuth()
  const manageTypes = can('activities.manage_types')
  const localName = useLocalName()
  const types = useActivityTypes(manageTypes)
  const [open, setOpen] = useState<ActivityType | 'new' | null>(null)
  const [stale, setStale] = useState(false)
  // The drawer edits the fresh type (its version), not the one captured when it opened.
  const editing = open && open !== 'new' ? (types.data?.find((d) => d.id === open.id) ?? open) : undefined

  const close = () => {
    setOpen(null)
    setStale(false)
  }

  return (
    <>
      <PageHeader
        title={t('activityTypes.title')}
        subtitle={t('activityTypes.subtitle')}
        extra={
          manageTypes && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
              {t('activityTypes.create')}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        {manageTypes && (
          <div>
            {types.error && <ErrorAlert error={types.error} />}
            <ActivityTypesTable types={types.data} loading={types.isPending} onOpen={setOpen} />
          </div>
        )}
        {can('settings.manage') && <EscalationCard />}
      </Flex>
      <Drawer
        open={open !== null}
        title={editing ? localName(editing) : t('activityTypes.create')}
        onClose={close}
        size={720}
        destroyOnHidden
      >
        {open !== null && (
          <ActivityTypeForm
            key={editing ? `${editing.id}-${editing.version}` : 'new'}
            type={editing}
            staleNotice={stale}
            onStale={() => {
              setStale(true)
              void types.refetch()
            }}
            onSaved={(saved) => {
              message.success(
                t(editing ? 'activityTypes.saved' : 'activityTypes.created', { name: localName(saved) }),
              )
              close()
            }}
          />
        )}
      </Drawer>
    </>
  )
}
