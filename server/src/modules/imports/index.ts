/**
 * Import of clients and contact persons from CSV and XLSX (issue [04]): reading files as Russian Excel
 * and other CRMs write them, values as people type them, guessing the columns, and the wizard's
 * commands (upload, mapping, dry run, run in batches, cancel, rollback, rejected rows).
 */
export { type Delimiter, decodeText, detectDelimiter, detectEncoding, type TextEncoding } from './decode.ts'
export { importsRoutes } from './imports.routes.ts'
export { IMPORT_OPERATION, importStep } from './imports.service.ts'
export { foldHeader, guessMapping, headerSignature, IMPORT_FIELDS, type ImportField } from './mapping.ts'
export { readCsv, readTable, type Table } from './read-table.ts'
export { parseBoolean, parseDate, parseMoney, parseNumber } from './values.ts'
