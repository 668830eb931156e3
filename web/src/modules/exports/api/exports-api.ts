import type { ApiError as ApiErrorBody, ClientExportRequest, ExportQueued } from '@mmcrm/server/api-types'
import { ApiError } from '../../../ui/api.ts'

export type ExportFormat = ClientExportRequest['format']

/** What the server answered: the file itself (small sets) or a background operation to follow. */
export type ExportOutcome =
  | { kind: 'file'; blob: Blob; name: string; rows: number }
  | ({ kind: 'queued' } & ExportQueued)

/** The download of a finished background export (its creator only). */
export function exportDownloadUrl(operationId: number): string {
  return `/api/exports/${operationId}/download`
}

/** The file name from `Content-Disposition` (the UTF-8 `filename*` first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1])
    } catch {
      // A malformed name: fall through to the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback
}

/**
 * Asks for an export. The answer is binary or JSON, so this calls `fetch` itself (with the session's
 * CSRF token and the UI language, as `api()` does) instead of `api()`, which reads JSON only.
 */
export async function requestClientExport(
  body: ClientExportRequest,
  session: { csrfToken: string; language: string },
): Promise<ExportOutcome> {
  let response: Response
  try {
    response = await fetch('/api/clients/export', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept-Language': session.language,
        'X-CSRF-Token': session.csrfToken,
      },
      body: JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'network', '')
  }
  const type = response.headers.get('content-type') ?? ''
  if (!response.ok) {
    const data = type.includes('json') ? ((await response.json()) as { error?: ApiErrorBody }) : null
    const error = data?.error
    throw error
      ? new ApiError(response.status, error.code, error.message, error.fields as Record<string, string>)
      : new ApiError(response.status, response.status >= 500 ? 'internal' : 'bad_request', '')
  }
  if (response.status === 202) return { kind: 'queued', ...((await response.json()) as ExportQueued) }
  return {
    kind: 'file',
    blob: await response.blob(),
    name: fileNameOf(response.headers.get('content-disposition'), `clients.${body.format}`),
    rows: Number(response.headers.get('x-export-rows') ?? 0),
  }
}

/** Hands a downloaded blob to the browser as a file. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
