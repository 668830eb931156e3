import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Dropdown } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth/auth-context.ts'
import type { ClientListParams } from '../../clients/api/clients-api.ts'
import { resultCount } from '../../operations/api/operation-progress.ts'
import { useOperationTracker } from '../../operations/hooks/use-operation-tracker.tsx'
import { type ExportFormat, exportDownloadUrl, requestClientExport, saveBlob } from '../api/exports-api.ts'

interface Props {
  /** The list request as shown: its filters and sort (page and page size are ignored). */
  request: ClientListParams
  /** The visible columns, in order. */
  columns: string[]
}

/** The list's filter as the export takes it: no paging, no empty values, the trash as the API spells it. */
function exportFilter(request: ClientListParams): Record<string, string | number> {
  const { page: _page, pageSize: _pageSize, sort: _sort, trash, ...rest } = request
  const filter: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(rest))
    if (value !== undefined && value !== '') filter[key] = value
  if (trash) filter.trash = 'true'
  return filter
}

/** "Export" on the client list: the current view (filter, sort, columns) to XLSX or CSV. */
export function ExportButton({ request, columns }: Props) {
  const { t, i18n } = useTranslation()
  const { me } = useAuth()
  const { message, notification } = App.useApp()
  const track = useOperationTracker()
  const [busy, setBusy] = useState(false)

  const run = async (format: ExportFormat) => {
    if (!me?.csrfToken) return
    setBusy(true)
    try {
      const outcome = await requestClientExport(
        { filter: exportFilter(request), sort: request.sort || 'name', columns, format },
        { csrfToken: me.csrfToken, language: i18n.language },
      )
      if (outcome.kind === 'file') {
        saveBlob(outcome.blob, outcome.name)
        message.success(t('exports.done', { count: outcome.rows }))
        return
      }
      message.info(t('exports.queued'))
      const operationId = outcome.operationId
      track({
        operationId,
        title: t('exports.progressTitle'),
        summary: (op) => t('exports.done', { count: resultCount(op, 'rows') ?? op.done }),
        onFinished: (op) => {
          if (op.status !== 'done') return
          notification.success({
            key: `export-ready-${operationId}`,
            title: t('exports.readyTitle'),
            description: (
              <Button
                type="link"
                icon={<DownloadOutlined />}
                href={exportDownloadUrl(operationId)}
                download
                style={{ paddingInline: 0 }}
                data-testid="export-download"
              >
                {t('exports.download')}
              </Button>
            ),
            duration: 0,
            placement: 'bottomRight',
          })
        },
      })
    } catch (error) {
      message.error((error instanceof Error && error.message) || t('exports.failed'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', label: t('exports.xlsx') },
          { key: 'csv', label: t('exports.csv') },
        ],
        onClick: ({ key }) => void run(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-button">
        {t('exports.button')}
      </Button>
    </Dropdown>
  )
}
