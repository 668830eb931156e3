import type { AuditSource, Changes } from '../../platform/audit/audit.ts'
import { diff, recordAudit } from '../../platform/audit/audit.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction, type UnitOfWork } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { type Actor, hasPermission } from '../../platform/permissions/actor.ts'
import { canSee } from '../../platform/permissions/authorize.ts'
import { type AccessibleSubject, accessSubject } from '../../platform/subject-access.ts'
import type { SubjectRegistry, SubjectType } from '../../platform/subjects.ts'
import { notify, withdrawNotifications } from '../notifications/index.ts'
import * as repo from './notes.repository.ts'
import { type NoteContent, prepareNoteContent } from './notes.sanitize.ts'
import { NOTE_MAX_BYTES, type NoteCreateInput, type NoteDto, type NoteSavedDto } from './notes.schemas.ts'

export interface NotesContext {
  db: Db
  subjects: SubjectRegistry
}

type Ref = { id: number; name: string }

const EXCERPT_CHARS = 200

function content(html: string): NoteContent {
  if (Buffer.byteLength(html, 'utf8') > NOTE_MAX_BYTES) {
    throw AppError.field('body', 'notes.body_too_long', { kb: NOTE_MAX_BYTES / 1024 })
  }
  const c = prepareNoteContent(html)
  if (!c.text) throw AppError.field('body', 'notes.body_empty')
  return c
}

function isAdmin(actor: Actor): boolean {
  return hasPermission(actor, 'users.manage')
}

function canEdit(actor: Actor, type: SubjectType, authorId: number | null): boolean {
  if (!hasPermission(actor, type.writePermission)) return false
  return (authorId !== null && authorId === actor.userId) || isAdmin(actor)
}

/** Joins authors' and mentioned employees' names and attached files into the notes. */
async function toDtos(db: Db, rows: repo.NoteRow[], actor: Actor, type: SubjectType): Promise<NoteDto[]> {
  const mentionIds = [...new Set(rows.flatMap((r) => r.mentions))]
  const names = await repo.findUserNames(db, mentionIds)
  const files = await repo.findAttachedFiles(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    author: r.authorId !== null ? { id: r.authorId, name: r.authorName ?? '' } : null,
    body: r.body,
    text: r.text,
    mentions: r.mentions.flatMap((id) => {
      const name = names.get(id)
      return name === undefined ? [] : [{ id, name }]
    }),
    files: files.filter((f) => f.noteId === r.id).map(({ noteId: _n, ...f }) => f),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    canEdit: canEdit(actor, type, r.authorId),
  }))
}

async function loadDto(db: Db, id: number, actor: Actor, type: SubjectType): Promise<NoteDto> {
  const row = await repo.findNote(db, id)
  if (!row) throw AppError.notFound()
  const [dto] = await toDtos(db, [row], actor, type)
  return dto!
}

/** The mentioned ids that are active employees, in the order they were mentioned. */
async function mentionedEmployees(tx: Tx, ids: number[]): Promise<repo.MentionCandidate[]> {
  const found = await repo.findActiveEmployees(tx, ids)
  return ids.flatMap((id) => found.filter((f) => f.id === id))
}

/**
 * Notifies each mentioned employee who can see the record (never the author), once per note and
 * employee however often the note is edited. Returns those who cannot see it, so the author is told.
 */
async function notifyMentions(
  uow: UnitOfWork,
  note: { id: number; text: string },
  subject: AccessibleSubject,
  authorId: number | null,
  mentioned: repo.MentionCandidate[],
): Promise<Ref[]> {
  const unnotified: Ref[] = []
  for (const m of mentioned) {
    if (m.id === authorId) continue
    if (!canSee(m.actor, subject.record) || !hasPermission(m.actor, subject.type.readPermission)) {
      unnotified.push({ id: m.id, name: m.name })
      continue
    }
    await notify(uow, {
      userId: m.id,
      type: 'mention',
      subjectType: subject.type.type,
      subjectId: subject.id,
      actorId: authorId,
      payload: {
        noteId: note.id,
        excerpt: Array.from(note.text).slice(0, EXCERPT_CHARS).join(''),
        subjectTitle: subject.record.title,
        path: subject.type.webPath(subject.id),
      },
      dedupeKey: `mention:${note.id}:${m.id}`,
    })
  }
  return unnotified
}

/** Audit changes of a note: where it is, and its text (never the HTML) before → after. */
function auditChanges(
  subjectType: string,
  subjectId: number,
  before: { text: string; mentions: number[] } | null,
  after: { text: string; mentions: number[] } | null,
): Changes {
  const side = after ? 'to' : 'from'
  return { subjectType: { [side]: subjectType }, subjectId: { [side]: subjectId }, ...diff(before, after) }
}

export async function listNotes(
  ctx: NotesContext,
  actor: Actor,
  q: { subjectType: string; subjectId: number; before?: number; limit: number },
): Promise<{ items: NoteDto[]; nextBefore: number | null }> {
  const subject = await accessSubject(
    ctx.db,
    ctx.subjects,
    actor,
    { type: q.subjectType, id: q.subjectId },
    'read',
  )
  const { rows, nextBefore } = await repo.findNotes(ctx.db, q)
  return { items: await toDtos(ctx.db, rows, actor, subject.type), nextBefore }
}

export async function createNote(
  ctx: NotesContext,
  source: AuditSource,
  input: NoteCreateInput,
): Promise<NoteSavedDto> {
  const { actor } = source
  return inTransaction(ctx.db, async (uow) => {
    const { tx } = uow
    const subject = await accessSubject(
      tx,
      ctx.subjects,
      actor,
      { type: input.subjectType, id: input.subjectId },
      'write',
    )
    const c = content(input.body)
    const mentioned = await mentionedEmployees(tx, c.mentionIds)
    const mentions = mentioned.map((m) => m.id)
    const id = await repo.insertNote(tx, {
      subjectType: subject.type.type,
      subjectId: subject.id,
      authorId: actor.userId,
      body: c.body,
      text: c.text,
      mentions,
    })
    const unnotified = await notifyMentions(uow, { id, text: c.text }, subject, actor.userId, mentioned)
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'note',
      entityId: id,
      changes: auditChanges(subject.type.type, subject.id, null, { text: c.text, mentions }),
    })
    return { ...(await loadDto(tx, id, actor, subject.type)), unnotified }
  })
}

/** Loads a note and its subject for a change: 404 when missing or its subject is out of reach. */
async function noteForWrite(tx: Tx, ctx: NotesContext, actor: Actor, id: number) {
  const before = await repo.findNote(tx, id)
  if (!before) throw AppError.notFound()
  const subject = await accessSubject(
    tx,
    ctx.subjects,
    actor,
    { type: before.subjectType, id: before.subjectId },
    'write',
    'not_found',
  )
  return { before, subject }
}

export async function updateNote(
  ctx: NotesContext,
  source: AuditSource,
  id: number,
  version: number,
  input: { body: string },
): Promise<NoteSavedDto> {
  const { actor } = source
  return inTransaction(ctx.db, async (uow) => {
    const { tx } = uow
    const { before, subject } = await noteForWrite(tx, ctx, actor, id)
    if (before.authorId === null || before.authorId !== actor.userId) {
      throw new AppError('forbidden', { key: 'notes.only_author' })
    }
    if (before.version !== version) throw new AppError('precondition_failed')
    const c = content(input.body)
    const mentioned = await mentionedEmployees(tx, c.mentionIds)
    const mentions = mentioned.map((m) => m.id)
    if (!(await repo.updateNote(tx, id, version, { body: c.body, text: c.text, mentions }))) {
      throw new AppError('precondition_failed')
    }
    const unnotified = await notifyMentions(uow, { id, text: c.text }, subject, before.authorId, mentioned)
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'note',
      entityId: id,
      changes: auditChanges(
        subject.type.type,
        subject.id,
        { text: before.text, mentions: before.mentions },
        { text: c.text, mentions },
      ),
    })
    return { ...(await loadDto(tx, id, actor, subject.type)), unnotified }
  })
}

/** Soft-deletes a note (its author or an administrator) and withdraws its mention notifications. */
export async function deleteNote(
  ctx: NotesContext,
  source: AuditSource,
  id: number,
  version: number,
): Promise<void> {
  const { actor } = source
  await inTransaction(ctx.db, async ({ tx }) => {
    const { before, subject } = await noteForWrite(tx, ctx, actor, id)
    const isAuthor = before.authorId !== null && before.authorId === actor.userId
    if (!isAuthor && !isAdmin(actor)) throw new AppError('forbidden', { key: 'notes.only_author_or_admin' })
    if (before.version !== version || !(await repo.softDeleteNote(tx, id, version))) {
      throw new AppError('precondition_failed')
    }
    await withdrawNotifications(tx, `mention:${id}:`)
    await recordAudit(tx, source, {
      action: 'delete',
      entityType: 'note',
      entityId: id,
      changes: auditChanges(
        subject.type.type,
        subject.id,
        { text: before.text, mentions: before.mentions },
        null,
      ),
    })
  })
}
