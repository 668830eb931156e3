import type {
  ImportRows,
  ImportUpdate,
  Import as ServerImport,
  ImportQueued as ServerImportQueued,
} from '@mmcrm/server/api-types'
import { api, apiUpload } from '../../../ui/api.ts'

export type Import = ServerImport
export type ImportStatus = Import['status']
export type ImportFormat = Import['format']
export type ImportSettings = Import['settings']
export type ImportKind = ImportSettings['kind']
export type MatchKey = ImportSettings['matchBy'][number]
export type DuplicatePolicy = ImportSettings['policy']
export type ImportReport = NonNullable<Import['report']>
export type ImportRowsPage = ImportRows
export type ImportRow = ImportRows['items'][number]
export type RowAction = ImportRow['action']
export type ImportPatch = ImportUpdate

/** A long step the server queued: follow it at `/api/operations/:id`. */
export type ImportQueued = ServerImportQueued

export const ROW_PAGE_SIZE = 50

export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  one: (id: number) => [...importKeys.all, id] as const,
  rows: (id: number, status: RowAction, page: number) =>
    [...importKeys.all, id, 'rows', status, page] as const,
}

export function uploadImport(file: File, onProgress?: (fraction: number) => void): Promise<Import> {
  const form = new FormData()
  form.append('file', file)
  return apiUpload<Import>('/api/imports', form, onProgress)
}

export async function fetchImports(): Promise<Import[]> {
  return (await api<{ items: Import[] }>('/api/imports')).items
}

export function fetchImport(id: number): Promise<Import> {
  return api<Import>(`/api/imports/${id}`)
}

export function updateImport(id: number, version: number, patch: ImportPatch): Promise<Import> {
  return api<Import>(`/api/imports/${id}`, { method: 'PATCH', body: patch, version })
}

/** The dry run: done at once for small files (the import, checked), queued for big ones. */
export function checkImport(id: number): Promise<Import | ImportQueued> {
  return api<Import | ImportQueued>(`/api/imports/${id}/check`, { method: 'POST' })
}

export function fetchImportRows(id: number, status: RowAction, page: number): Promise<ImportRowsPage> {
  return api<ImportRowsPage>(`/api/imports/${id}/rows`, { query: { status, page, pageSize: ROW_PAGE_SIZE } })
}

export function runImport(id: number): Promise<ImportQueued> {
  return api<ImportQueued>(`/api/imports/${id}/run`, { method: 'POST' })
}

export function cancelImport(id: number): Promise<unknown> {
  return api<unknown>(`/api/imports/${id}/cancel`, { method: 'POST' })
}

export function rollbackImport(id: number): Promise<ImportQueued> {
  return api<ImportQueued>(`/api/imports/${id}/rollback`, { method: 'POST' })
}

/** The rows the import rejected, with the reasons, as CSV. */
export function importReportUrl(id: number): string {
  return `/api/imports/${id}/report.csv`
}
