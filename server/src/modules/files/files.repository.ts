/**
 * File metadata. The bytes live in `FileStorage` under `storage_key`; deleting a file only marks the
 * row (`deleted_at`), and the bytes stay until the record the file belongs to is purged
 * (`purgeFilesOf`), so a deletion can be audited and a mistaken one undone by an administrator.
 */
import type { Db, Tx } from '../../platform/db/database.ts'
import type { FileDto } from './files.schemas.ts'

type Executor = Db | Tx

function fileQuery(db: Executor) {
  return db
    .selectFrom('files as f')
    .leftJoin('users as u', 'u.id', 'f.uploader_id')
    .select([
      'f.id',
      'f.subject_type',
      'f.subject_id',
      'f.note_id',
      'f.uploader_id',
      'u.name as uploader_name',
      'f.name',
      'f.mime',
      'f.size',
      'f.sha256',
      'f.storage_key',
      'f.created_at',
    ])
    .where('f.deleted_at', 'is', null)
}

type Row = Awaited<ReturnType<ReturnType<typeof fileQuery>['executeTakeFirstOrThrow']>>

/** A live file with where it belongs and where its bytes are (never sent to clients as such). */
export interface StoredFileRow {
  dto: FileDto
  subjectType: string
  subjectId: number
  uploaderId: number | null
  storageKey: string
}

function toDto(r: Row): FileDto {
  return {
    id: r.id,
    name: r.name,
    size: Number(r.size),
    mime: r.mime,
    sha256: r.sha256,
    uploader: r.uploader_id !== null ? { id: r.uploader_id, name: r.uploader_name ?? '' } : null,
    noteId: r.note_id,
    createdAt: r.created_at,
  }
}

export async function findFile(db: Executor, id: number): Promise<StoredFileRow | undefined> {
  const r = await fileQuery(db).where('f.id', '=', id).executeTakeFirst()
  if (!r) return undefined
  return {
    dto: toDto(r),
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    uploaderId: r.uploader_id,
    storageKey: r.storage_key,
  }
}

/** A record's live files, newest first. */
export async function findFiles(db: Executor, subjectType: string, subjectId: number): Promise<FileDto[]> {
  const rows = await fileQuery(db)
    .where('f.subject_type', '=', subjectType)
    .where('f.subject_id', '=', subjectId)
    .orderBy('f.id', 'desc')
    .execute()
  return rows.map(toDto)
}

export interface NewFile {
  subjectType: string
  subjectId: number
  noteId: number | null
  uploaderId: number | null
  name: string
  mime: string
  size: number
  sha256: string
  storageKey: string
}

export async function insertFile(tx: Tx, v: NewFile): Promise<number> {
  const row = await tx
    .insertInto('files')
    .values({
      subject_type: v.subjectType,
      subject_id: v.subjectId,
      note_id: v.noteId,
      uploader_id: v.uploaderId,
      name: v.name,
      mime: v.mime,
      size: v.size,
      sha256: v.sha256,
      storage_key: v.storageKey,
      deleted_at: null,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function softDeleteFile(tx: Tx, id: number): Promise<boolean> {
  const r = await tx
    .updateTable('files')
    .set({ deleted_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/**
 * Moves every file of one record (deleted ones too) to another, in the caller's transaction: used when
 * two clients are merged. Returns how many moved; the caller writes the audit entry of the merge.
 */
export async function moveFiles(
  tx: Tx,
  from: { type: string; id: number },
  to: { type: string; id: number },
): Promise<number> {
  const r = await tx
    .updateTable('files')
    .set({ subject_type: to.type, subject_id: to.id })
    .where('subject_type', '=', from.type)
    .where('subject_id', '=', from.id)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

/** Deletes every file row of a record (deleted ones too) and returns their storage keys. */
export async function deleteFilesOf(tx: Tx, subjectType: string, subjectId: number): Promise<string[]> {
  const rows = await tx
    .deleteFrom('files')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .returning('storage_key')
    .execute()
  return rows.map((r) => r.storage_key)
}
