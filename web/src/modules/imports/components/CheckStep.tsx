import { Button, Card, Col, Flex, Row, Space, Statistic, Tabs, Typography, theme } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { OperationProgress } from '../../operations/components/OperationProgress.tsx'
import { checkImport, type Import, type RowAction, runImport } from '../api/imports-api.ts'
import { ImportRowsTable } from './ImportRowsTable.tsx'

interface Props {
  item: Import
  onBack: () => void
  /** The import changed on the server (the dry run ended or started): fetch it again. */
  onRefresh: (fresh?: Import) => void
  onStarted: () => void
}

const ACTIONS: RowAction[] = ['error', 'create', 'update', 'skip']

/** The fourth step: the dry run — what the import would do with every row, and the rows it would reject. */
export function CheckStep({ item, onBack, onRefresh, onStarted }: Props) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const colors: Record<RowAction, string | undefined> = {
    error: token.colorError,
    create: token.colorSuccess,
    update: token.colorPrimary,
    skip: undefined,
  }
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const report = item.status === 'checked' ? item.report : null
  const [tab, setTab] = useState<RowAction | null>(null)

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
  const check = () =>
    call(async () => {
      const answer = await checkImport(item.id)
      onRefresh('status' in answer ? answer : undefined)
    })
  const run = () =>
    call(async () => {
      await runImport(item.id)
      onStarted()
    })

  if (item.status === 'checking' && item.operationId !== null) {
    return (
      <Card title={t('imports.check.running')}>
        <OperationProgress operationId={item.operationId} onFinished={() => onRefresh()} />
      </Card>
    )
  }

  if (!report) {
    return (
      <Flex vertical gap={16} align="flex-start">
        <ErrorAlert error={error} />
        <Typography.Paragraph>{t('imports.check.notYet')}</Typography.Paragraph>
        <Space>
          <Button onClick={onBack}>{t('imports.back')}</Button>
          <Button type="primary" loading={busy} onClick={() => void check()} data-testid="import-check">
            {t('imports.settings.check')}
          </Button>
        </Space>
      </Flex>
    )
  }

  const shown = ACTIONS.filter((a) => report[a] > 0)
  const active = tab && shown.includes(tab) ? tab : shown[0]
  const accepted = report.create + report.update
  return (
    <>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="import-report">
        <Col xs={12} md={4}>
          <Statistic title={t('imports.check.total')} value={report.total} />
        </Col>
        {ACTIONS.map((a) => (
          <Col xs={12} md={5} key={a}>
            <Statistic
              title={t(`imports.actions.${a}`)}
              value={report[a]}
              styles={{ content: { color: report[a] > 0 ? colors[a] : undefined } }}
              data-testid={`import-count-${a}`}
            />
          </Col>
        ))}
      </Row>
      {report.error > 0 && (
        <Typography.Paragraph type="secondary">
          {t('imports.check.errorsHint', { count: report.error })}
        </Typography.Paragraph>
      )}
      {active && (
        <Tabs
          activeKey={active}
          onChange={(key) => setTab(ACTIONS.find((a) => a === key) ?? null)}
          items={shown.map((a) => ({
            key: a,
            label: `${t(`imports.actions.${a}`)} (${report[a]})`,
            children: <ImportRowsTable importId={item.id} action={a} headers={item.headers} />,
          }))}
        />
      )}
      <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }} wrap>
        <Button onClick={onBack}>{t('imports.back')}</Button>
        <Button onClick={() => void check()} loading={busy}>
          {t('imports.check.again')}
        </Button>
        <Button
          type="primary"
          disabled={accepted === 0}
          loading={busy}
          onClick={() => void run()}
          data-testid="import-run"
        >
          {t('imports.check.run', { count: accepted })}
        </Button>
      </Flex>
    </>
  )
}
