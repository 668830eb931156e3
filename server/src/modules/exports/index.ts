/** Exports of list views to XLSX and CSV (the client list now), at once or as a background operation. */
export { isFormulaLike, neutralizeFormula, restoreNeutralized } from './cells.ts'
export { LIST_SEPARATOR } from './exports.columns.ts'
export { exportsRoutes } from './exports.routes.ts'
export { exportQueuedSchema } from './exports.schemas.ts'
export { EXPORT_LIMITS, EXPORT_OPERATION, exportStep } from './exports.service.ts'
export { csvDelimiter, EXPORT_FORMATS, type ExportFormat } from './exports.writer.ts'
