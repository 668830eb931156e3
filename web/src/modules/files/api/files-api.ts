import { api, apiUpload } from '../../../ui/api.ts'
import type { PersonRef, Subject } from '../../notes/api/notes-api.ts'

/*
 * The files API's shape. `@mmcrm/server/api-types` does not export it yet (files.schemas.ts has
 * fileSchema), so it is written out here to match; replace it with the shared type once exported.
 */
export interface StoredFile {
  id: number
  name: string
  /** Bytes. */
  size: number
  mime: string
  sha256: string
  uploader: PersonRef | null
  noteId: number | null
  createdAt: string
}

export const fileKeys = {
  list: (subject: Subject) => ['files', subject.type, subject.id] as const,
}

export async function fetchFiles(subject: Subject): Promise<StoredFile[]> {
  return (
    await api<{ items: StoredFile[] }>('/api/files', {
      query: { subjectType: subject.type, subjectId: subject.id },
    })
  ).items
}

/** Downloads are always attachments, whatever the file claims to be. */
export function downloadUrl(id: number): string {
  return `/api/files/${id}/download`
}

/** Uploads one file to the record (and to one of the caller's notes on it), reporting progress 0…1. */
export function uploadFile(
  subject: Subject,
  file: File,
  options: { noteId?: number; onProgress?: (fraction: number) => void } = {},
): Promise<StoredFile> {
  const form = new FormData()
  // The server reads the text fields before the file part.
  form.append('subjectType', subject.type)
  form.append('subjectId', String(subject.id))
  if (options.noteId !== undefined) form.append('noteId', String(options.noteId))
  form.append('file', file, file.name)
  return apiUpload<StoredFile>('/api/files', form, options.onProgress)
}

export function deleteFile(id: number): Promise<void> {
  return api<void>(`/api/files/${id}`, { method: 'DELETE' })
}
