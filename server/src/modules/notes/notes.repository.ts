import type { Db, Tx } from '../../platform/db/database.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import type { Visibility } from '../../platform/permissions/catalogue.ts'

type Executor = Db | Tx

/** A stored, not deleted note, before its author, mentions and files are joined in. */
export interface NoteRow {
  id: number
  subjectType: string
  subjectId: number
  authorId: number | null
  authorName: string | null
  body: string
  text: string
  mentions: number[]
  version: number
  createdAt: string
  updatedAt: string
}

function noteQuery(db: Executor) {
  return db
    .selectFrom('notes as n')
    .leftJoin('users as a', 'a.id', 'n.author_id')
    .select([
      'n.id',
      'n.subject_type',
      'n.subject_id',
      'n.author_id',
      'a.name as author_name',
      'n.body',
      'n.text',
      'n.mentions',
      'n.version',
      'n.created_at',
      'n.updated_at',
    ])
    .where('n.deleted_at', 'is', null)
}

type Row = Awaited<ReturnType<ReturnType<typeof noteQuery>['executeTakeFirstOrThrow']>>

function toNoteRow(r: Row): NoteRow {
  return {
    id: r.id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    authorId: r.author_id,
    authorName: r.author_name,
    body: r.body,
    text: r.text,
    mentions: JSON.parse(r.mentions) as number[],
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export async function findNote(db: Executor, id: number): Promise<NoteRow | undefined> {
  const r = await noteQuery(db).where('n.id', '=', id).executeTakeFirst()
  return r ? toNoteRow(r) : undefined
}

/** A subject's notes, newest first, keyset-paginated by id. */
export async function findNotes(
  db: Executor,
  q: { subjectType: string; subjectId: number; before?: number; limit: number },
): Promise<{ rows: NoteRow[]; nextBefore: number | null }> {
  let query = noteQuery(db)
    .where('n.subject_type', '=', q.subjectType)
    .where('n.subject_id', '=', q.subjectId)
  if (q.before !== undefined) query = query.where('n.id', '<', q.before)
  const rows = await query
    .orderBy('n.id', 'desc')
    .limit(q.limit + 1)
    .execute()
  const page = rows.slice(0, q.limit)
  return { rows: page.map(toNoteRow), nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null }
}

export async function findUserNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export interface AttachedFile {
  noteId: number
  id: number
  name: string
  size: number
  mime: string
}

/** Files attached to the given notes (not deleted), oldest first. */
export async function findAttachedFiles(db: Executor, noteIds: number[]): Promise<AttachedFile[]> {
  if (noteIds.length === 0) return []
  const rows = await db
    .selectFrom('files')
    .select(['id', 'note_id', 'name', 'size', 'mime'])
    .where('note_id', 'in', noteIds)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    noteId: r.note_id ?? 0,
    id: r.id,
    name: r.name,
    size: Number(r.size),
    mime: r.mime,
  }))
}

export interface MentionCandidate {
  id: number
  name: string
  /** What the employee may see and do, built as the auth lookup builds a signed-in actor. */
  actor: Actor
}

/** Active employees among the ids, with their role's permissions and visibility. */
export async function findActiveEmployees(db: Executor, ids: number[]): Promise<MentionCandidate[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .select([
      'u.id',
      'u.name',
      'u.team_id',
      'u.locale',
      'u.time_zone',
      'r.code as role_code',
      'r.permissions',
      'r.visibility',
    ])
    .where('u.id', 'in', ids)
    .where('u.is_active', '=', 1)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    actor: {
      kind: 'user',
      userId: r.id,
      teamId: r.team_id,
      roleCode: r.role_code,
      permissions: new Set(JSON.parse(r.permissions) as string[]),
      visibility: r.visibility as Visibility,
      locale: r.locale as Locale,
      timeZone: r.time_zone,
    },
  }))
}

export async function insertNote(
  tx: Tx,
  v: {
    subjectType: string
    subjectId: number
    authorId: number | null
    body: string
    text: string
    mentions: number[]
  },
): Promise<number> {
  const now = new Date().toISOString()
  const row = await tx
    .insertInto('notes')
    .values({
      subject_type: v.subjectType,
      subject_id: v.subjectId,
      author_id: v.authorId,
      body: v.body,
      text: v.text,
      mentions: JSON.stringify(v.mentions),
      deleted_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Updates when the version still matches; false when someone changed it meanwhile. */
export async function updateNote(
  tx: Tx,
  id: number,
  version: number,
  v: { body: string; text: string; mentions: number[] },
): Promise<boolean> {
  const r = await tx
    .updateTable('notes')
    .set({
      body: v.body,
      text: v.text,
      mentions: JSON.stringify(v.mentions),
      version: version + 1,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function softDeleteNote(tx: Tx, id: number, version: number): Promise<boolean> {
  const now = new Date().toISOString()
  const r = await tx
    .updateTable('notes')
    .set({ deleted_at: now, version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/**
 * Moves every note of one record (deleted ones too) to another, in the caller's transaction: used when
 * two clients are merged. Returns how many moved; the caller writes the audit entry of the merge.
 */
export async function moveNotes(
  tx: Tx,
  from: { type: string; id: number },
  to: { type: string; id: number },
): Promise<number> {
  const r = await tx
    .updateTable('notes')
    .set({ subject_type: to.type, subject_id: to.id })
    .where('subject_type', '=', from.type)
    .where('subject_id', '=', from.id)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

/** Where a live note belongs and who wrote it (for attaching files to it). */
export async function findNoteRef(
  db: Executor,
  id: number,
): Promise<{ subjectType: string; subjectId: number; authorId: number | null } | undefined> {
  const r = await db
    .selectFrom('notes')
    .select(['subject_type', 'subject_id', 'author_id'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return r ? { subjectType: r.subject_type, subjectId: r.subject_id, authorId: r.author_id } : undefined
}
