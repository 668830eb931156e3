import { Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { type ImportRow, ROW_PAGE_SIZE, type RowAction } from '../api/imports-api.ts'
import { useImportRows } from '../hooks/use-imports.ts'

interface Props {
  importId: number
  action: RowAction
  headers: string[]
}

/** The rows with one outcome of the dry run, a page at a time, with every problem and its column. */
export function ImportRowsTable({ importId, action, headers }: Props) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const rows = useImportRows(importId, action, page, true)
  /** The column a problem is in, unless the message already begins with its name. */
  const columnOf = (e: ImportRow['errors'][number]) => {
    const name =
      e.column !== null && headers[e.column] !== undefined
        ? headers[e.column]
        : e.field
          ? t(`imports.fields.${e.field}`, { defaultValue: e.field })
          : ''
    return name && !e.message.toLowerCase().startsWith(`${name.toLowerCase()}:`) ? name : ''
  }

  return (
    <>
      <ErrorAlert error={rows.error} />
      <Table<ImportRow>
        rowKey="row"
        size="small"
        loading={rows.isPending || rows.isPlaceholderData}
        dataSource={rows.data?.items}
        data-testid={`import-rows-${action}`}
        pagination={{
          current: page,
          pageSize: ROW_PAGE_SIZE,
          total: rows.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          { key: 'row', title: t('imports.rows.row'), dataIndex: 'row', width: 90 },
          {
            key: 'name',
            title: t('imports.rows.name'),
            render: (_, row) =>
              row.clientId ? (
                <Link to={`/clients/${row.clientId}`}>{row.name || row.clientId}</Link>
              ) : (
                row.name
              ),
          },
          ...(action === 'error' || action === 'skip'
            ? [
                {
                  key: 'problems',
                  title: t('imports.rows.problems'),
                  render: (_: unknown, row: ImportRow) => (
                    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                      {row.errors.map((e) => (
                        <li key={`${e.column}-${e.field}-${e.message}`}>
                          {columnOf(e) && <Typography.Text strong>{columnOf(e)}: </Typography.Text>}
                          {e.message}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  )
}
