import type { AuditSource } from '../../platform/audit/audit.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { inTransaction, type UnitOfWork } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { FileStorage, StoredFile } from '../../platform/files/file-storage.ts'
import { type Actor, hasPermission } from '../../platform/permissions/actor.ts'
import type { SubjectRegistry } from '../../platform/subjects.ts'
import { type AccessibleSubject, accessSubject, findNoteRef } from '../notes/index.ts'
import * as repo from './files.repository.ts'
import type { FileDto, UploadFields } from './files.schemas.ts'

export interface FilesContext {
  db: Db
  subjects: SubjectRegistry
}

/** The record an upload goes to, checked for writing, and the caller's note on it (when named). */
async function checkTarget(
  db: Db,
  subjects: SubjectRegistry,
  actor: Actor,
  fields: UploadFields,
): Promise<AccessibleSubject> {
  const subject = await accessSubject(
    db,
    subjects,
    actor,
    { type: fields.subjectType, id: fields.subjectId },
    'write',
  )
  if (fields.noteId !== undefined) {
    const note = await findNoteRef(db, fields.noteId)
    if (
      !note ||
      note.subjectType !== subject.type.type ||
      note.subjectId !== subject.id ||
      note.authorId === null ||
      note.authorId !== actor.userId
    ) {
      throw AppError.field('noteId', 'files.note_not_found')
    }
  }
  return subject
}

/** Checks, before any byte is stored, that the caller may attach a file there. */
export async function checkUpload(ctx: FilesContext, actor: Actor, fields: UploadFields): Promise<void> {
  await checkTarget(ctx.db, ctx.subjects, actor, fields)
}

/** Records stored bytes as a file of the record (checked again inside the transaction), audited. */
export async function recordUpload(
  ctx: FilesContext,
  source: AuditSource,
  fields: UploadFields,
  stored: StoredFile,
  meta: { name: string; mime: string },
): Promise<FileDto> {
  return inTransaction(ctx.db, async ({ tx }) => {
    const subject = await checkTarget(tx, ctx.subjects, source.actor, fields)
    const id = await repo.insertFile(tx, {
      subjectType: subject.type.type,
      subjectId: subject.id,
      noteId: fields.noteId ?? null,
      uploaderId: source.actor.userId,
      name: meta.name,
      mime: meta.mime,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
    })
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'file',
      entityId: id,
      after: {
        subjectType: subject.type.type,
        subjectId: subject.id,
        noteId: fields.noteId ?? null,
        name: meta.name,
        mime: meta.mime,
        size: stored.size,
        sha256: stored.sha256,
      },
    })
    const file = await repo.findFile(tx, id)
    return file!.dto
  })
}

export async function listFiles(
  ctx: FilesContext,
  actor: Actor,
  q: { subjectType: string; subjectId: number },
): Promise<FileDto[]> {
  const subject = await accessSubject(
    ctx.db,
    ctx.subjects,
    actor,
    { type: q.subjectType, id: q.subjectId },
    'read',
  )
  return repo.findFiles(ctx.db, subject.type.type, subject.id)
}

/** A file the caller may download (its record visible and readable to them), with its storage key. */
export async function getDownload(
  ctx: FilesContext,
  actor: Actor,
  id: number,
): Promise<{ name: string; storageKey: string }> {
  const file = await repo.findFile(ctx.db, id)
  if (!file) throw AppError.notFound()
  await accessSubject(
    ctx.db,
    ctx.subjects,
    actor,
    { type: file.subjectType, id: file.subjectId },
    'read',
    'not_found',
  )
  return { name: file.dto.name, storageKey: file.storageKey }
}

/** Marks a file deleted (its uploader or an administrator); the bytes go when the record is purged. */
export async function deleteFile(ctx: FilesContext, source: AuditSource, id: number): Promise<void> {
  const { actor } = source
  await inTransaction(ctx.db, async ({ tx }) => {
    const file = await repo.findFile(tx, id)
    if (!file) throw AppError.notFound()
    await accessSubject(
      tx,
      ctx.subjects,
      actor,
      { type: file.subjectType, id: file.subjectId },
      'write',
      'not_found',
    )
    const isUploader = file.uploaderId !== null && file.uploaderId === actor.userId
    if (!isUploader && !hasPermission(actor, 'users.manage')) {
      throw new AppError('forbidden', { key: 'files.only_uploader_or_admin' })
    }
    if (!(await repo.softDeleteFile(tx, id))) throw AppError.notFound()
    await recordAudit(tx, source, {
      action: 'delete',
      entityType: 'file',
      entityId: id,
      before: {
        subjectType: file.subjectType,
        subjectId: file.subjectId,
        noteId: file.dto.noteId,
        name: file.dto.name,
        size: file.dto.size,
        sha256: file.dto.sha256,
      },
    })
  })
}

/**
 * Deletes every file of a record for good — rows and bytes, deleted files included — when the record
 * itself is purged. Given the caller's unit of work, the rows go in its transaction and the bytes only
 * after it commits; given the database, it runs its own transaction. Returns how many files went.
 */
export async function purgeFilesOf(
  target: Db | UnitOfWork,
  storage: FileStorage,
  subjectType: string,
  subjectId: number,
): Promise<number> {
  const removeBytes = async (keys: string[]) => {
    for (const key of keys) await storage.remove(key)
  }
  if ('onCommit' in target) {
    const keys = await repo.deleteFilesOf(target.tx, subjectType, subjectId)
    target.onCommit(() => removeBytes(keys))
    return keys.length
  }
  const keys = await inTransaction(target, ({ tx }) => repo.deleteFilesOf(tx, subjectType, subjectId))
  await removeBytes(keys)
  return keys.length
}
