import { api } from '../../../ui/api.ts'

/*
 * The notes API's shapes. `@mmcrm/server/api-types` does not export them yet (notes.schemas.ts has
 * noteSchema / noteSavedSchema / notePageSchema), so they are written out here to match; replace them
 * with the shared types once the server exports them.
 */
export interface PersonRef {
  id: number
  name: string
}

export interface NoteFile {
  id: number
  name: string
  size: number
  mime: string
}

export interface Note {
  id: number
  subjectType: string
  subjectId: number
  author: PersonRef | null
  /** Sanitized HTML, made safe by the server. */
  body: string
  text: string
  mentions: PersonRef[]
  files: NoteFile[]
  createdAt: string
  updatedAt: string
  version: number
  /** The caller wrote it, or administers employees. */
  canEdit: boolean
}

export interface NoteSaved extends Note {
  /** Mentioned colleagues who cannot see the record, so were not notified. */
  unnotified: PersonRef[]
}

export interface NotePage {
  items: Note[]
  nextBefore: number | null
}

/** The record notes and files attach to. */
export interface Subject {
  type: string
  id: number
}

export const noteKeys = {
  list: (subject: Subject) => ['notes', subject.type, subject.id] as const,
}

export function fetchNotes(subject: Subject, before?: number): Promise<NotePage> {
  return api<NotePage>('/api/notes', {
    query: { subjectType: subject.type, subjectId: subject.id, before, limit: 20 },
  })
}

export function createNote(subject: Subject, body: string): Promise<NoteSaved> {
  return api<NoteSaved>('/api/notes', {
    method: 'POST',
    body: { subjectType: subject.type, subjectId: subject.id, body },
  })
}

export function deleteNote(id: number, version: number): Promise<void> {
  return api<void>(`/api/notes/${id}`, { method: 'DELETE', version })
}
