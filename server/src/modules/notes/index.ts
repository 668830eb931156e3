/** Notes: the shared timeline of a record (a client's dossier now), with mentions of colleagues. */
export { findNoteRef, moveNotes } from './notes.repository.ts'
export { notesRoutes } from './notes.routes.ts'
export { type NoteContent, prepareNoteContent } from './notes.sanitize.ts'
export type { NoteDto, NoteSavedDto } from './notes.schemas.ts'
export { createNote, type NotesContext } from './notes.service.ts'
export { type AccessibleSubject, accessSubject, subjectTypeOf } from './subject-access.ts'
