import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { type Delimiter, decodeText, detectDelimiter, type TextEncoding } from './decode.ts'

/** A spreadsheet read into rows of cells (strings, numbers, dates), with how it was read. */
export interface Table {
  headers: string[]
  rows: unknown[][]
  /** CSV: the encoding and separator detected; XLSX: the sheets and the one read. */
  format:
    | { kind: 'csv'; encoding: TextEncoding; delimiter: Delimiter }
    | { kind: 'xlsx'; sheets: string[]; sheet: string }
}

function isXlsx(bytes: Uint8Array): boolean {
  // XLSX is a zip: "PK\x03\x04".
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** Reads CSV (any of UTF-8 / Windows-1251, `;` `,` or tab, quoted multi-line cells) or XLSX (one sheet). */
export async function readTable(bytes: Uint8Array, options: { sheet?: string } = {}): Promise<Table> {
  if (isXlsx(bytes)) return readXlsx(bytes, options.sheet)
  return readCsv(bytes)
}

export function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes)
  const delimiter = detectDelimiter(text)
  const records = parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: false,
  }) as string[][]
  const [headers = [], ...rows] = records
  return {
    headers: headers.map((h) => h.trim()),
    rows: rows.filter((r) => r.some((c) => c.trim() !== '')),
    format: { kind: 'csv', encoding, delimiter },
  }
}

async function readXlsx(bytes: Uint8Array, sheetName: string | undefined): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  const sheets = workbook.worksheets.map((w) => w.name)
  const sheet = (sheetName ? workbook.getWorksheet(sheetName) : undefined) ?? workbook.worksheets[0]
  if (!sheet) return { headers: [], rows: [], format: { kind: 'xlsx', sheets, sheet: '' } }
  const all: unknown[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: unknown[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value))
    all.push(cells)
  })
  const [headers = [], ...rows] = all
  return {
    headers: headers.map((h) => (h === null || h === undefined ? '' : String(h).trim())),
    rows: rows.filter((r) => r.some((c) => c !== null && c !== undefined && String(c).trim() !== '')),
    format: { kind: 'xlsx', sheets, sheet: sheet.name },
  }
}

/** A cell's value as a string, number, boolean or Date (formulas give their result, rich text its text). */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue)
    if ('richText' in v) return v.richText.map((r) => r.text).join('')
    if ('text' in v) return typeof v.text === 'string' ? v.text : String(v.text)
    if ('error' in v) return null
  }
  return String(v)
}
