/** Notes: the shared timeline of a record (a client's dossier now), with mentions of colleagues. */

export { type AccessibleSubject, accessSubject, subjectTypeOf } from '../../platform/subject-access.ts'
export { findNoteRef, moveNotes } from './notes.repository.ts'
export { notesRoutes } from './notes.routes.ts'
export { type NoteContent, prepareNoteContent } from './notes.sanitize.ts'
export type { NoteDto, NoteSavedDto } from './notes.schemas.ts'
export { createNote, type NotesContext } from './notes.service.ts'
