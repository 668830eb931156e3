import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { ImportWizard } from '../modules/imports/components/ImportWizard.tsx'
import { RecentImports } from '../modules/imports/components/RecentImports.tsx'
import { UploadDropzone } from '../modules/imports/components/UploadDropzone.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

/**
 * Sales → Clients → Import: a CSV or XLSX file through the wizard. The import and its step live in the
 * address bar (`/clients/import/:id?step=`), so a reload (or a colleague's link) resumes where it was.
 */
export function ImportPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const params = useParams()
  const [search, setSearch] = useSearchParams()
  const id = params.id && /^\d+$/.test(params.id) ? Number(params.id) : null

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        subtitle={t('imports.subtitle')}
        extra={<Button onClick={() => navigate('/clients')}>{t('imports.toClients')}</Button>}
      />
      {id === null ? (
        <>
          <UploadDropzone
            onUploaded={(item) => {
              const several = item.format.kind === 'xlsx' && item.format.sheets.length > 1
              navigate(`/clients/import/${item.id}?step=${several ? 'upload' : 'mapping'}`)
            }}
          />
          <RecentImports />
        </>
      ) : (
        <ImportWizard
          key={id}
          id={id}
          asked={search.get('step')}
          onStep={(step) => setSearch({ step })}
          onRestart={() => navigate('/clients/import')}
        />
      )}
    </>
  )
}
