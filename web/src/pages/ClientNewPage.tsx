import { App, Segmented, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { ClientForm } from '../modules/clients/components/ClientForm.tsx'
import {
  CLIENT_KINDS,
  type ClientKind,
  isClientKind,
  KIND_LABELS,
} from '../modules/clients/components/client-labels.ts'
import { useCustomFields } from '../modules/custom-fields/hooks/use-custom-fields.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'
import type { ClientPageState } from './ClientPage.tsx'

/** A new client: an organization or a person (`?kind=`), each with its own form. */
export function ClientNewPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [search, setSearch] = useSearchParams()
  const kindParam = search.get('kind')
  const kind: ClientKind = isClientKind(kindParam) ? kindParam : 'organization'
  const defs = useCustomFields('client')

  return (
    <>
      <PageHeader
        title={kind === 'person' ? t('clients.newPerson') : t('clients.newOrganization')}
        extra={
          <Segmented<ClientKind>
            aria-label={t('clients.fields.kind')}
            value={kind}
            onChange={(next) => setSearch({ kind: next }, { replace: true })}
            options={CLIENT_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
          />
        }
      />
      {defs.error && <ErrorAlert error={defs.error} />}
      {defs.isPending ? (
        <Skeleton active />
      ) : (
        <ClientForm
          key={kind}
          kind={kind}
          defs={defs.data}
          onCancel={() => navigate('/clients')}
          onSaved={(saved) => {
            message.success(t('clients.created'))
            const state: ClientPageState = { duplicates: saved.duplicates }
            navigate(`/clients/${saved.id}`, { state })
          }}
        />
      )}
    </>
  )
}
