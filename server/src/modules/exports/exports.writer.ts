/**
 * Writes exported rows as XLSX (exceljs' streaming writer: rows are committed as they come, so memory
 * stays flat however many there are) or as CSV (UTF-8 with a BOM, `;` for the Russian locale as Russian
 * Excel expects, `,` for English; quoted when needed). Every text cell and header is neutralized.
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'
import type { Locale } from '../../platform/i18n/messages.ts'
import type { ClientListItem } from '../clients/index.ts'
import { type Cell, neutralizeFormula, safeCell } from './cells.ts'
import type { ColumnType, ExportColumn } from './exports.columns.ts'
import type { ExportFormat } from './exports.schemas.ts'

export { EXPORT_FORMATS, type ExportFormat } from './exports.schemas.ts'

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
}

/** The CSV separator Excel expects in the employee's locale. */
export function csvDelimiter(locale: Locale): string {
  return locale === 'ru' ? ';' : ','
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** A cell as CSV text: ISO dates (the wall clock), decimal comma in Russian, no thousands separators. */
export function csvText(value: Cell, type: ColumnType, locale: Locale): string {
  if (value === null) return ''
  if (value instanceof Date) {
    const date = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
    if (type === 'date') return date
    return `${date} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`
  }
  if (typeof value === 'number') {
    const text = type === 'money' ? value.toFixed(2) : String(value)
    return locale === 'ru' ? text.replace('.', ',') : text
  }
  return String(value)
}

const NUM_FMT: Record<Locale, Partial<Record<ColumnType, string>>> = {
  ru: { date: 'dd.mm.yyyy', datetime: 'dd.mm.yyyy hh:mm', money: '#,##0.00' },
  en: { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', money: '#,##0.00' },
}

function width(column: ExportColumn): number {
  if (column.type === 'datetime') return 18
  if (column.type === 'date' || column.type === 'number' || column.type === 'money') return 14
  return Math.min(50, Math.max(12, column.header.length + 2))
}

export interface WriteOptions {
  format: ExportFormat
  locale: Locale
  sheetName: string
}

/** Writes the header and every row to `out` and ends it; returns how many rows were written. */
export async function writeExport(
  out: Writable,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<ClientListItem>,
  options: WriteOptions,
): Promise<number> {
  return options.format === 'csv'
    ? writeCsv(out, columns, rows, options)
    : writeXlsx(out, columns, rows, options)
}

async function writeCsv(
  out: Writable,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<ClientListItem>,
  { locale }: WriteOptions,
): Promise<number> {
  const csv = stringify({ delimiter: csvDelimiter(locale), bom: true, record_delimiter: '\r\n' })
  csv.pipe(out)
  const done = once(out, 'finish')
  const write = async (record: string[]) => {
    if (!csv.write(record)) await once(csv, 'drain')
  }
  await write(columns.map((c) => neutralizeFormula(c.header)))
  let count = 0
  for await (const item of rows) {
    await write(columns.map((c) => csvText(safeCell(c.value(item)), c.type, locale)))
    count++
  }
  csv.end()
  await done
  return count
}

async function writeXlsx(
  out: Writable,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<ClientListItem>,
  { locale, sheetName }: WriteOptions,
): Promise<number> {
  const done = once(out, 'finish')
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ key: c.key, width: width(c) }))
  const header = sheet.addRow(columns.map((c) => neutralizeFormula(c.header)))
  header.font = { bold: true }
  header.commit()
  const formats = columns.map((c) => NUM_FMT[locale][c.type])
  let count = 0
  for await (const item of rows) {
    const row = sheet.addRow(columns.map((c) => safeCell(c.value(item))))
    formats.forEach((fmt, i) => {
      if (fmt) row.getCell(i + 1).numFmt = fmt
    })
    row.commit()
    count++
  }
  sheet.commit()
  await workbook.commit()
  await done
  return count
}
