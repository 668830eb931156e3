import type { ClientCard, ClientDuplicate } from '@mmcrm/server/api-types'
import { useQueryClient } from '@tanstack/react-query'
import { Button, Col, Empty, Result, Row, Skeleton, Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router'
import { useAuth } from '../app/auth/auth-context.ts'
import { ClientActivitiesPanel } from '../modules/activities/index.ts'
import { ClassificationTab } from '../modules/classifiers/components/card/ClassificationTab.tsx'
import { clientKeys } from '../modules/clients/api/client-keys.ts'
import { ClientDetails } from '../modules/clients/components/ClientDetails.tsx'
import { ClientHeader } from '../modules/clients/components/ClientHeader.tsx'
import { ClientHistory } from '../modules/clients/components/ClientHistory.tsx'
import { ConsentsPanel } from '../modules/clients/components/ConsentsPanel.tsx'
import { DuplicatesAlert } from '../modules/clients/components/DuplicatesAlert.tsx'
import { MergeModal } from '../modules/clients/components/MergeModal.tsx'
import { useClient } from '../modules/clients/hooks/use-client-queries.ts'
import { ContactsPanel } from '../modules/contacts/components/ContactsPanel.tsx'
import { useCustomFields } from '../modules/custom-fields/hooks/use-custom-fields.ts'
import { FilesPanel } from '../modules/files/components/FilesPanel.tsx'
import { NoteEditor } from '../modules/notes/components/NoteEditor.tsx'
import { NotesList } from '../modules/notes/components/NotesList.tsx'
import { useOrganizerLive } from '../modules/organizer/hooks/use-organizer-refresh.ts'
import { isApiError } from '../ui/api.ts'
import { ErrorScreen } from '../ui/ErrorScreen.tsx'

const TABS = [
  'details',
  'activities',
  'contacts',
  'classification',
  'timeline',
  'consents',
  'history',
] as const
type Tab = (typeof TABS)[number]

/** What a save passes on to the dossier it opens: the likely duplicates the server found. */
export interface ClientPageState {
  duplicates?: ClientDuplicate[]
}

function clientId(value: string | undefined): number | null {
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : null
}

/**
 * A client's dossier: heading and actions; requisites and details, activities and tasks, contact persons,
 * the timeline of notes and files, consents to personal data processing, history.
 */
export function ClientPage() {
  const { t } = useTranslation()
  useOrganizerLive()
  const { can } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const params = useParams()
  const [search, setSearch] = useSearchParams()
  const queryClient = useQueryClient()
  const id = clientId(params.id)
  const client = useClient(id)
  const defs = useCustomFields('client')
  const found: Tab = TABS.find((key) => key === search.get('tab')) ?? 'details'
  const duplicates = (location.state as ClientPageState | null)?.duplicates
  // The merge dialog, with the duplicate chosen in the warning (if it was opened from there).
  const [merge, setMerge] = useState<{ sourceId?: number } | null>(null)

  if (id === null || (isApiError(client.error) && client.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('clients.notFound')}
        subTitle={t('clients.notFoundText')}
        extra={
          <Button type="primary" onClick={() => navigate('/clients')}>
            {t('clients.backToList')}
          </Button>
        }
      />
    )
  }
  if (client.error && !client.data)
    return <ErrorScreen error={client.error} onRetry={() => void client.refetch()} />
  if (!client.data) return <Skeleton active />
  const card = client.data
  const subject = { type: 'client', id: card.id }
  const canWrite = can('clients.update') && card.deletedAt === null
  // Contact persons belong to organizations only.
  const canReadActivities = can('activities.read')
  const tab: Tab =
    (found === 'contacts' && card.kind !== 'organization') || (found === 'activities' && !canReadActivities)
      ? 'details'
      : found
  const canMerge = can('clients.merge') && card.deletedAt === null
  // A change of classification is a change of the client: the next save must send the new version.
  const classified = (version: number) => {
    queryClient.setQueryData<ClientCard>(clientKeys.one(card.id), (c) => (c ? { ...c, version } : c))
    void queryClient.invalidateQueries({ queryKey: clientKeys.one(card.id) })
  }
  const forgetDuplicates = () =>
    navigate(`${location.pathname}${location.search}`, { replace: true, state: null })

  return (
    <>
      <ClientHeader client={card} defs={defs.data} onMerge={() => setMerge({})} />
      <DuplicatesAlert
        duplicates={duplicates}
        onClose={forgetDuplicates}
        onMerge={canMerge ? (d) => setMerge({ sourceId: d.id }) : undefined}
      />
      {canMerge && (
        <MergeModal
          target={card}
          open={merge !== null}
          initialSourceId={merge?.sourceId}
          onClose={() => setMerge(null)}
          onMerged={(kept) => {
            setMerge(null)
            if (kept.id !== card.id) navigate(`/clients/${kept.id}`, { replace: true })
            else if (duplicates) forgetDuplicates()
          }}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setSearch(
            (prev) => {
              const next = new URLSearchParams(prev)
              if (key === 'details') next.delete('tab')
              else next.set('tab', key)
              return next
            },
            { replace: true, state: location.state },
          )
        }
        items={[
          {
            key: 'details',
            label: t('clients.tabs.details'),
            children: <ClientDetails client={card} defs={defs.data} />,
          },
          ...(canReadActivities
            ? [
                {
                  key: 'activities',
                  label: t('activities.tab'),
                  children: card.deletedAt ? (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t('clients.trash.timelineHidden')}
                    />
                  ) : (
                    <ClientActivitiesPanel client={card} />
                  ),
                },
              ]
            : []),
          ...(card.kind === 'organization'
            ? [
                {
                  key: 'contacts',
                  label: t('clients.tabs.contacts'),
                  children: <ContactsPanel clientId={card.id} canWrite={canWrite} />,
                },
              ]
            : []),
          {
            key: 'classification',
            label: t('clients.tabs.classification'),
            children: (
              <ClassificationTab
                clientId={card.id}
                version={card.version}
                canWrite={canWrite}
                onSaved={classified}
                onReload={() => void client.refetch()}
              />
            ),
          },
          {
            key: 'timeline',
            label: t('clients.tabs.timeline'),
            children: card.deletedAt ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clients.trash.timelineHidden')} />
            ) : (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={15}>
                  {canWrite && <NoteEditor subject={subject} />}
                  <NotesList subject={subject} />
                </Col>
                <Col xs={24} xl={9}>
                  <FilesPanel subject={subject} canWrite={canWrite} />
                </Col>
              </Row>
            ),
          },
          {
            key: 'consents',
            label: t('clients.consents.tab'),
            children: <ConsentsPanel client={card} canWrite={canWrite} />,
          },
          {
            key: 'history',
            label: t('history.title'),
            children: <ClientHistory clientId={card.id} defs={defs.data} active={tab === 'history'} />,
          },
        ]}
      />
    </>
  )
}
