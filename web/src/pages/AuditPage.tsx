import { Button, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import { AuditFilters } from '../modules/audit/components/AuditFilters.tsx'
import { AuditTable } from '../modules/audit/components/AuditTable.tsx'
import { useAuditFilters } from '../modules/audit/hooks/use-audit-filters.ts'
import { useAuditLog } from '../modules/audit/hooks/use-audit-log.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'
import { useFormat } from '../ui/use-format.ts'

/** Administration → Audit log: every change, newest first. */
export function AuditPage() {
  const { t } = useTranslation()
  const { timeZone } = useFormat()
  const { filters, setFilters, query } = useAuditFilters(timeZone)
  const log = useAuditLog(query)
  const entries = log.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle', { timeZone })} />
      <AuditFilters filters={filters} onChange={setFilters} />
      {log.error && <ErrorAlert error={log.error} />}
      <AuditTable entries={entries} loading={log.isPending} />
      {log.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  )
}
