import { Alert, App, Button, Result, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { ClientForm } from '../modules/clients/components/ClientForm.tsx'
import { useClient } from '../modules/clients/hooks/use-client-queries.ts'
import { useCustomFields } from '../modules/custom-fields/hooks/use-custom-fields.ts'
import { isApiError } from '../ui/api.ts'
import { ErrorScreen } from '../ui/ErrorScreen.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'
import type { ClientPageState } from './ClientPage.tsx'

/** Changing a client: the same form, filled in; a save sends the version it was loaded at. */
export function ClientEditPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const params = useParams()
  const id = params.id && /^\d+$/.test(params.id) ? Number(params.id) : null
  const client = useClient(id, { editing: true })
  const defs = useCustomFields('client')

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
  if (!client.data || defs.isPending) return <Skeleton active />
  const card = client.data

  return (
    <>
      <PageHeader title={t('clients.editTitle', { name: card.name })} />
      {card.deletedAt ? (
        <Alert type="warning" showIcon title={t('clients.trash.editBlocked')} />
      ) : (
        <ClientForm
          key={`${card.id}:${card.version}`}
          kind={card.kind}
          client={card}
          defs={defs.data}
          onCancel={() => navigate(`/clients/${card.id}`)}
          onReload={() => void client.refetch()}
          onSaved={(saved) => {
            message.success(t('common.saved'))
            const state: ClientPageState = { duplicates: saved.duplicates }
            navigate(`/clients/${saved.id}`, { state })
          }}
        />
      )}
    </>
  )
}
