import { ApartmentOutlined } from '@ant-design/icons'
import { Badge, Button, Empty, Flex } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../app/auth/auth-context.ts'
import { ClassifierFacetPanel } from '../modules/classifiers/components/list/ClassifierFacetPanel.tsx'
import { ClassifierFilterChips } from '../modules/classifiers/components/list/ClassifierFilterChips.tsx'
import type { FacetSelection } from '../modules/classifiers/components/list/facet-selection.ts'
import { useClassifiers } from '../modules/classifiers/hooks/use-classifiers.ts'
import { BulkActionsBar } from '../modules/clients/components/BulkActionsBar.tsx'
import { ClassifyModal, type ClassifyTarget } from '../modules/clients/components/ClassifyModal.tsx'
import { ClientFilters } from '../modules/clients/components/ClientFilters.tsx'
import { ClientsTable } from '../modules/clients/components/ClientsTable.tsx'
import { ColumnPicker } from '../modules/clients/components/ColumnPicker.tsx'
import { NewClientButton } from '../modules/clients/components/NewClientButton.tsx'
import { ReassignModal, type ReassignTarget } from '../modules/clients/components/ReassignModal.tsx'
import { SortBuilder } from '../modules/clients/components/SortBuilder.tsx'
import { TrashActions } from '../modules/clients/components/TrashActions.tsx'
import { useClientColumns } from '../modules/clients/hooks/use-client-columns.ts'
import { useClientFacets } from '../modules/clients/hooks/use-client-facets.ts'
import {
  countFilters,
  listFilter,
  NO_FILTERS,
  useClientListState,
} from '../modules/clients/hooks/use-client-list-state.ts'
import { useClientList } from '../modules/clients/hooks/use-client-queries.ts'
import { useClientViews } from '../modules/clients/hooks/use-client-views.ts'
import { useFacetsOpen } from '../modules/clients/hooks/use-facets-open.ts'
import { useCustomFields } from '../modules/custom-fields/hooks/use-custom-fields.ts'
import { ExportButton } from '../modules/exports/components/ExportButton.tsx'
import { ImportButton } from '../modules/imports/components/ImportButton.tsx'
import { useTeams } from '../modules/staff/hooks/use-staff-queries.ts'
import { ViewsMenu } from '../modules/views/components/ViewsMenu.tsx'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'
import { useFormat } from '../ui/use-format.ts'

/**
 * Sales → Clients: organizations and people in one list, with the classifier panel beside it, saved
 * views above it, and the view (filters, sort, columns) kept in the address bar.
 */
export function ClientsPage() {
  const { t } = useTranslation()
  const { can } = useAuth()
  const { timeZone } = useFormat()
  const canReadStaff = can('users.read')
  const canSeeTrash = can('clients.delete')
  const canCreate = can('clients.create')
  const defs = useCustomFields('client')
  const classifiers = useClassifiers()
  const withNodes = useMemo(
    () => (classifiers.data ?? []).filter((c) => c.nodes.length > 0),
    [classifiers.data],
  )
  const known = useMemo(
    () => ({
      customKeys: defs.data ? new Set(defs.data.map((d) => d.key)) : undefined,
      nodeIds: classifiers.data
        ? new Set(classifiers.data.flatMap((c) => c.nodes.map((n) => n.id)))
        : undefined,
      classifierIds: classifiers.data ? new Set(withNodes.map((c) => c.id)) : undefined,
    }),
    [defs.data, classifiers.data, withNodes],
  )
  const { state, update, request } = useClientListState(timeZone, known)
  const trash = state.trash && canSeeTrash
  const listRequest = useMemo(() => (trash ? request : { ...request, trash: undefined }), [trash, request])
  const { columns, setColumns } = useClientColumns(state, update, defs.data)
  const views = useClientViews(listRequest, columns, update, timeZone)
  const list = useClientList(listRequest, !views.waiting)
  const [facetsOpen, setFacetsOpen] = useFacetsOpen()
  const showFacets = facetsOpen && withNodes.length > 0
  const facets = useClientFacets(listRequest, showFacets && !views.waiting)
  const teams = useTeams({ enabled: canReadStaff })
  const filtered = countFilters(state) > 0
  const canReassign = can('clients.reassign') && !trash
  const canClassify = can('clients.classify') && !trash && withNodes.some((c) => c.nodes.some((n) => !n.rule))
  const [selected, setSelected] = useState<number[]>([])
  const [reassign, setReassign] = useState<ReassignTarget | null>(null)
  const [classify, setClassify] = useState<ClassifyTarget | null>(null)
  const filter = useMemo(() => listFilter(request), [request])
  const filterKey = JSON.stringify(filter)
  // Rows chosen under another filter are not what the employee now sees: start over.
  useEffect(() => {
    if (filterKey) setSelected([])
  }, [filterKey])
  const total = list.data?.total ?? 0
  const selection: FacetSelection = { classIn: state.classIn, classNotIn: state.classNotIn }
  const select = (next: FacetSelection) => update(next, { resetPage: true })
  const chosenClasses = state.classIn.length + state.classNotIn.length

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
            <ViewsMenu
              entity="clients"
              current={views.current}
              activeId={state.view}
              onApply={(view) => views.apply(view)}
              onActiveChange={(id) => update({ view: id })}
            />
            <SortBuilder
              sort={state.sort}
              classifiers={withNodes}
              defs={defs.data}
              onChange={(sort) => update({ sort }, { resetPage: true })}
            />
            <ColumnPicker
              columns={columns}
              defs={defs.data}
              classifiers={classifiers.data}
              onChange={setColumns}
            />
            {can('clients.export') && <ExportButton request={listRequest} columns={columns} />}
            {can('clients.import') && !trash && <ImportButton />}
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
        prefix={
          withNodes.length > 0 && (
            <Badge count={facetsOpen ? 0 : chosenClasses} size="small">
              <Button
                icon={<ApartmentOutlined />}
                aria-pressed={facetsOpen}
                type={facetsOpen ? 'primary' : 'default'}
                ghost={facetsOpen}
                onClick={() => setFacetsOpen(!facetsOpen)}
              >
                {t('clients.facets.toggle')}
              </Button>
            </Badge>
          )
        }
        onChange={(patch) => update(patch, { resetPage: true })}
      />
      <Flex gap={16} align="flex-start">
        {showFacets && (
          <div style={{ width: 300, flex: 'none' }}>
            <ClassifierFacetPanel
              classifiers={withNodes}
              facets={facets.data}
              refreshing={facets.isFetching}
              selection={selection}
              onChange={select}
            />
            {facets.error && <ErrorAlert error={facets.error} style={{ marginTop: 8 }} />}
          </div>
        )}
        <div style={{ flex: 1, minWidth: 0 }}>
          <ClassifierFilterChips classifiers={withNodes} selection={selection} onChange={select} />
          {list.error && <ErrorAlert error={list.error} />}
          {(canReassign || canClassify) && (selected.length > 0 || filtered) && (
            <BulkActionsBar
              selected={selected.length}
              total={total}
              reassign={
                canReassign
                  ? {
                      onSelected: () => setReassign({ kind: 'ids', ids: selected }),
                      onAll: () => setReassign({ kind: 'filter', filter, total }),
                    }
                  : undefined
              }
              onClassify={canClassify ? () => setClassify({ ids: selected, filter, total }) : undefined}
              onClear={() => setSelected([])}
            />
          )}
          <ClientsTable
            state={state}
            columns={columns}
            defs={defs.data}
            classifiers={classifiers.data}
            data={list.data}
            loading={list.isPending || list.isPlaceholderData}
            empty={empty}
            trashActions={
              trash ? (client) => <TrashActions client={client} canPurge={can('clients.purge')} /> : undefined
            }
            selection={canReassign || canClassify ? { ids: selected, onChange: setSelected } : undefined}
            onChange={update}
          />
        </div>
      </Flex>
      {canReassign && (
        <ReassignModal target={reassign} onClose={() => setReassign(null)} onDone={() => setSelected([])} />
      )}
      {canClassify && (
        <ClassifyModal
          target={classify}
          classifiers={withNodes}
          onClose={() => setClassify(null)}
          onDone={() => setSelected([])}
        />
      )}
    </>
  )
}
