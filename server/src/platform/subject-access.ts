import type { Db } from './db/database.ts'
import { AppError } from './errors/app-error.ts'
import type { Actor } from './permissions/actor.ts'
import { authorize, type Owned } from './permissions/authorize.ts'
import type { SubjectRegistry, SubjectType } from './subjects.ts'

/** A record that notes and files attach to, loaded and checked for the caller. */
export interface AccessibleSubject {
  type: SubjectType
  id: number
  record: Owned & { title: string }
}

/** The registered subject type, or a 400 on the `subjectType` field. */
export function subjectTypeOf(subjects: SubjectRegistry, type: string): SubjectType {
  const subject = subjects.get(type)
  if (!subject) throw AppError.field('subjectType', 'subjects.unknown_type')
  return subject
}

/**
 * Loads the record a note or file attaches to and checks the caller may read or write it, before
 * anything is written: 404 when it is missing or invisible to them, 403 without the permission.
 * `unknownType: 'not_found'` is for stored attachments, whose type is not the caller's input.
 */
export async function accessSubject(
  db: Db,
  subjects: SubjectRegistry,
  actor: Actor,
  ref: { type: string; id: number },
  operation: 'read' | 'write',
  unknownType: 'field' | 'not_found' = 'field',
): Promise<AccessibleSubject> {
  const type = subjects.get(ref.type)
  if (!type) {
    throw unknownType === 'field'
      ? AppError.field('subjectType', 'subjects.unknown_type')
      : AppError.notFound()
  }
  const record = await type.load(db, ref.id)
  if (!record) throw AppError.notFound()
  authorize(actor, operation === 'read' ? type.readPermission : type.writePermission, record)
  return { type, id: ref.id, record }
}
