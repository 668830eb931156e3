import { Button, Empty } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../app/auth/auth-context.ts'
import { BulkActionsBar } from '../modules/clients/components/BulkActionsBar.tsx'
import { ClientFilters } from '../modules/clients/components/ClientFilters.tsx'
import { ClientsTable } from '../modules/clients/components/ClientsTable.tsx'
import { ColumnPicker } from '../modules/clients/components/ColumnPicker.tsx'
import { NewClientButton } from '../modules/clients/components/NewClientButton.tsx'
import { ReassignModal, type ReassignTarget } from '../modules/clients/components/ReassignModal.tsx'
import { TrashActions } from '../modules/clients/components/TrashActions.tsx'
import { useClientColumns } from '../modules/clients/hooks/use-client-columns.ts'
import {
  countFilters,
  listFilter,
  NO_FILTERS,
  useClientListState,
} from '../modules/clients/hooks/use-client-list-state.ts'
import { useClientList } from '../modules/clients/hooks/use-client-queries.ts'
import { useCustomFields } from '../modules/custom-fields/hooks/use-custom-fields.ts'
import { useTeams } from '../modules/staff/hooks/use-staff-queries.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'
import { useFormat } from '../ui/use-format.ts'

/** Sales → Clients: organizations and people in one list, with the view kept in the address bar. */
export function ClientsPage() {
  const { t } = useTranslation()
  const { can } = useAuth()
  const { timeZone } = useFormat()
  const canReadStaff = can('users.read')
  const canSeeTrash = can('clients.delete')
  const canCreate = can('clients.create')
  const defs = useCustomFields('client')
  const customKeys = useMemo(
    () => (defs.data ? new Set(defs.data.map((d) => d.key)) : undefined),
    [defs.data],
  )
  const { state, update, request } = useClientListState(timeZone, customKeys)
  const trash = state.trash && canSeeTrash
  const list = useClientList(trash ? request : { ...request, trash: undefined })
  const teams = useTeams({ enabled: canReadStaff })
  const { columns, setColumns } = useClientColumns(state, update, defs.data)
  const filtered = countFilters(state) > 0
  const canReassign = can('clients.reassign') && !trash
  const [selected, setSelected] = useState<number[]>([])
  const [reassign, setReassign] = useState<ReassignTarget | null>(null)
  const filter = useMemo(() => listFilter(request), [request])
  const filterKey = JSON.stringify(filter)
  // Rows chosen under another filter are not what the employee now sees: start over.
  useEffect(() => {
    if (filterKey) setSelected([])
  }, [filterKey])

  let empty = <Empty description={t('clients.empty')}>{canCreate && <NewClientButton />}</Empty>
  if (filtered) {
    empty = (
      <Empty description={t('common.nothingFound')}>
        <Button onClick={() => update(NO_FILTERS, { resetPage: true })}>{t('common.resetFilters')}</Button>
      </Empty>
    )
  } else if (trash) {
    empty = <Empty description={t('clients.trash.empty')} />
  }

  return (
    <>
      <PageHeader
        title={trash ? t('clients.trash.title') : t('clients.title')}
        extra={
          <>
            <ColumnPicker columns={columns} defs={defs.data} onChange={setColumns} />
            {canCreate && <NewClientButton />}
          </>
        }
      />
      <ClientFilters
        state={{ ...state, trash }}
        teams={teams.data}
        defs={defs.data}
        canReadStaff={canReadStaff}
        canSeeTrash={canSeeTrash}
        onChange={(patch) => update(patch, { resetPage: true })}
      />
      {list.error && <ErrorAlert error={list.error} />}
      {canReassign && (selected.length > 0 || filtered) && (
        <BulkActionsBar
          selected={selected.length}
          total={list.data?.total ?? 0}
          onReassignSelected={() => setReassign({ kind: 'ids', ids: selected })}
          onReassignAll={() => setReassign({ kind: 'filter', filter, total: list.data?.total ?? 0 })}
          onClear={() => setSelected([])}
        />
      )}
      <ClientsTable
        state={state}
        columns={columns}
        defs={defs.data}
        data={list.data}
        loading={list.isPending || list.isPlaceholderData}
        empty={empty}
        trashActions={
          trash ? (client) => <TrashActions client={client} canPurge={can('clients.purge')} /> : undefined
        }
        selection={canReassign ? { ids: selected, onChange: setSelected } : undefined}
        onChange={update}
      />
      {canReassign && (
        <ReassignModal target={reassign} onClose={() => setReassign(null)} onDone={() => setSelected([])} />
      )}
    </>
  )
}
