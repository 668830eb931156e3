import { DownloadOutlined, RollbackOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Popconfirm, Result, type ResultProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { zonedDate } from '../../../ui/format.ts'
import { useFormat } from '../../../ui/use-format.ts'
import { OperationProgress } from '../../operations/components/OperationProgress.tsx'
import { cancelImport, type Import, importReportUrl, rollbackImport } from '../api/imports-api.ts'

interface Props {
  item: Import
  onRefresh: () => void
}

const RESULT_STATUS: Partial<Record<Import['status'], ResultProps['status']>> = {
  done: 'success',
  cancelled: 'warning',
  failed: 'error',
  rolled_back: 'info',
}

/** The last step: the import's progress (it can be stopped), then what it did, its rejects, and the way back. */
export function RunStep({ item, onRefresh }: Props) {
  const { t } = useTranslation()
  const { timeZone } = useFormat()
  const navigate = useNavigate()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [rollbackOp, setRollbackOp] = useState<number | null>(null)

  const call = async (action: () => Promise<void>) => {
    setError(null)
    setBusy(true)
    try {
      await action()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const following = rollbackOp ?? (item.status === 'running' ? item.operationId : null)
  if (following !== null) {
    const rollingBack = rollbackOp !== null
    return (
      <Card title={rollingBack ? t('imports.run.rollingBack') : t('imports.run.running')}>
        <ErrorAlert error={error} />
        <OperationProgress
          operationId={following}
          onFinished={() => {
            setRollbackOp(null)
            onRefresh()
          }}
        />
        {!rollingBack && (
          <Popconfirm
            title={t('imports.run.cancelConfirm')}
            okText={t('imports.run.cancel')}
            okButtonProps={{ danger: true }}
            cancelText={t('imports.run.continue')}
            onConfirm={() =>
              call(async () => {
                await cancelImport(item.id)
                onRefresh()
              })
            }
          >
            <Button
              danger
              icon={<StopOutlined />}
              loading={busy}
              style={{ marginTop: 16 }}
              data-testid="import-cancel"
            >
              {t('imports.run.cancel')}
            </Button>
          </Popconfirm>
        )}
      </Card>
    )
  }

  const report = item.report
  const from = zonedDate(item.createdAt, timeZone)
  const clientsLink = `/clients?${new URLSearchParams({ from, sort: '-createdAt' })}`
  const canRollBack = item.status === 'done' || item.status === 'cancelled' || item.status === 'failed'
  return (
    <>
      <ErrorAlert error={error} />
      <Result
        status={RESULT_STATUS[item.status] ?? 'info'}
        title={t(`imports.run.titles.${item.status}`, { defaultValue: t('imports.run.titles.done') })}
        subTitle={
          report && item.status !== 'rolled_back'
            ? t('imports.run.summary', {
                create: report.create,
                update: report.update,
                skip: report.skip,
                error: report.error,
              })
            : undefined
        }
        data-testid="import-result"
        extra={
          <Flex gap={8} wrap justify="center">
            {item.status !== 'rolled_back' && (report?.create ?? 0) + (report?.update ?? 0) > 0 && (
              <Button
                type="primary"
                icon={<TeamOutlined />}
                onClick={() => navigate(clientsLink)}
                data-testid="import-open-clients"
              >
                {t('imports.run.openClients')}
              </Button>
            )}
            {(report?.error ?? 0) > 0 && (
              <Button
                icon={<DownloadOutlined />}
                href={importReportUrl(item.id)}
                download
                data-testid="import-report-csv"
              >
                {t('imports.run.rejected', { count: report?.error ?? 0 })}
              </Button>
            )}
            {canRollBack && (
              <Popconfirm
                title={t('imports.run.rollbackConfirm')}
                description={t('imports.run.rollbackHint')}
                okText={t('imports.run.rollback')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  call(async () => {
                    setRollbackOp((await rollbackImport(item.id)).operationId)
                  })
                }
              >
                <Button danger icon={<RollbackOutlined />} loading={busy} data-testid="import-rollback">
                  {t('imports.run.rollback')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={() => navigate('/clients/import')}>{t('imports.run.another')}</Button>
          </Flex>
        }
      />
    </>
  )
}
