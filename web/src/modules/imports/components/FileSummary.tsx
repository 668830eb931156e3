import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons'
import { Descriptions, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Import } from '../api/imports-api.ts'

interface Props {
  item: Import
  /** Chooses another sheet of a workbook; absent when the sheet can no longer change. */
  onSheet?: (sheet: string) => void
  busy?: boolean
}

const DELIMITERS: Record<string, 'semicolon' | 'comma' | 'tab'> = {
  ';': 'semicolon',
  ',': 'comma',
  '\t': 'tab',
}

/** What the server made of the file: its rows, and the encoding and separator, or the sheet read. */
export function FileSummary({ item, onSheet, busy }: Props) {
  const { t } = useTranslation()
  const { format } = item
  const items = [
    {
      key: 'file',
      label: t('imports.file.name'),
      children: (
        <span>
          {format.kind === 'xlsx' ? <FileExcelOutlined /> : <FileTextOutlined />} {item.fileName}
        </span>
      ),
    },
    {
      key: 'rows',
      label: t('imports.file.rows'),
      children: <span data-testid="import-rows">{item.rowCount}</span>,
    },
  ]
  if (format.kind === 'csv') {
    const delimiter = DELIMITERS[format.delimiter]
    items.push(
      {
        key: 'encoding',
        label: t('imports.file.encoding'),
        children: <span data-testid="import-encoding">{format.encoding}</span>,
      },
      {
        key: 'delimiter',
        label: t('imports.file.delimiter'),
        children: (
          <span data-testid="import-delimiter">
            {delimiter ? t(`imports.delimiters.${delimiter}`) : format.delimiter}
          </span>
        ),
      },
    )
  } else {
    items.push({
      key: 'sheet',
      label: t('imports.file.sheet'),
      children:
        format.sheets.length > 1 && onSheet ? (
          <Select<string>
            aria-label={t('imports.file.sheet')}
            value={format.sheet}
            loading={busy}
            disabled={busy}
            onChange={onSheet}
            options={format.sheets.map((s) => ({ value: s, label: s }))}
            style={{ minWidth: 200 }}
            data-testid="import-sheet"
          />
        ) : (
          <span>{format.sheet}</span>
        ),
    })
  }
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={items} style={{ marginBottom: 16 }} />
  )
}
