/**
 * Import of clients and contact persons from CSV and XLSX (issue [04]). So far: reading files as Russian
 * Excel and other CRMs write them, values as people type them, and guessing the columns.
 */
export { type Delimiter, decodeText, detectDelimiter, detectEncoding, type TextEncoding } from './decode.ts'
export { foldHeader, guessMapping, headerSignature, IMPORT_FIELDS, type ImportField } from './mapping.ts'
export { readCsv, readTable, type Table } from './read-table.ts'
export { parseBoolean, parseDate, parseMoney, parseNumber } from './values.ts'
