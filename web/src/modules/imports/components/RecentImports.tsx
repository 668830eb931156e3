import { Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import type { Import } from '../api/imports-api.ts'
import { useImports } from '../hooks/use-imports.ts'

const STATUS_COLORS: Partial<Record<Import['status'], string>> = {
  done: 'success',
  running: 'processing',
  checking: 'processing',
  failed: 'error',
  cancelled: 'warning',
}

/** Earlier imports, to resume one or see what it did. */
export function RecentImports() {
  const { t } = useTranslation()
  const format = useFormat()
  const list = useImports()
  if (list.error) return <ErrorAlert error={list.error} />
  if (!list.isPending && !list.data?.length) return null
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 32 }}>
        {t('imports.recent.title')}
      </Typography.Title>
      <Table<Import>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            key: 'file',
            title: t('imports.file.name'),
            render: (_, item) => <Link to={`/clients/import/${item.id}`}>{item.fileName}</Link>,
          },
          { key: 'rows', title: t('imports.file.rows'), dataIndex: 'rowCount', width: 120 },
          {
            key: 'status',
            title: t('imports.recent.status'),
            width: 180,
            render: (_, item) => (
              <Tag color={STATUS_COLORS[item.status]}>{t(`imports.statuses.${item.status}`)}</Tag>
            ),
          },
          {
            key: 'createdAt',
            title: t('imports.recent.createdAt'),
            width: 200,
            render: (_, item) => format.dateTime(item.createdAt),
          },
        ]}
      />
    </>
  )
}
