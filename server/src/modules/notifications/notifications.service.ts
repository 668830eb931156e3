import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import * as repo from './notifications.repository.ts'
import type { MarkReadInput } from './notifications.schemas.ts'

/**
 * Creates an in-app notification in the caller's transaction, so it exists exactly when the change
 * that caused it commits. With a `dedupeKey`, a second call for the same key does nothing (a mention
 * notified once stays notified once, however often the note is edited). Returns whether one was created.
 */
export async function notify(tx: Tx, notification: repo.NewNotification): Promise<boolean> {
  return (await repo.insertNotification(tx, notification)) !== undefined
}

/** Withdraws notifications whose dedupe key starts with the prefix (e.g. `mention:<noteId>:` for a deleted note). */
export async function withdrawNotifications(tx: Tx, dedupeKeyPrefix: string): Promise<number> {
  if (!dedupeKeyPrefix) throw new Error('a dedupe key prefix is required')
  return repo.deleteByDedupePrefix(tx, dedupeKeyPrefix)
}

/** Marks the employee's own notifications read (never anyone else's: ids of others match nothing). */
export async function markRead(db: Db, userId: number, input: MarkReadInput): Promise<number> {
  if (input.all !== true && !input.ids?.length) throw AppError.field('ids', 'notifications.nothing_to_mark')
  return inTransaction(db, ({ tx }) =>
    repo.markRead(tx, userId, input.all === true ? 'all' : { ids: input.ids ?? [] }),
  )
}
