import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction, type UnitOfWork } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { publishEvent } from '../../platform/events/event-bus.ts'
import * as repo from './notifications.repository.ts'
import {
  type MarkReadInput,
  NOTIFICATION_EVENT,
  NOTIFICATIONS_READ_EVENT,
  type NotificationEventData,
} from './notifications.schemas.ts'

/**
 * Creates an in-app notification in the caller's unit of work, so it exists exactly when the change
 * that caused it commits, and then pushes a `notification` event to the recipient's open pages. With a
 * `dedupeKey`, a second call for the same key does nothing (a mention notified once stays notified
 * once, however often the note is edited). Returns whether one was created.
 */
export async function notify(uow: UnitOfWork, notification: repo.NewNotification): Promise<boolean> {
  const id = await repo.insertNotification(uow.tx, notification)
  if (id === undefined) return false
  const data: NotificationEventData = { id }
  await publishEvent(uow, { type: NOTIFICATION_EVENT, userIds: [notification.userId], data })
  return true
}

/**
 * `notify` for many at once (reminders due in the same minute): multi-row inserts, then one event per
 * recipient naming their newest notification. Returns how many were created.
 */
export async function notifyMany(uow: UnitOfWork, list: repo.NewNotification[]): Promise<number> {
  if (!list.length) return 0
  const created = await repo.insertNotifications(uow.tx, list)
  const newest = new Map<number, number>()
  for (const c of created) newest.set(c.userId, Math.max(newest.get(c.userId) ?? 0, c.id))
  for (const [userId, id] of newest) {
    const data: NotificationEventData = { id }
    await publishEvent(uow, { type: NOTIFICATION_EVENT, userIds: [userId], data })
  }
  return created.length
}

/** Withdraws notifications whose dedupe key starts with the prefix (e.g. `mention:<noteId>:` for a deleted note). */
export async function withdrawNotifications(tx: Tx, dedupeKeyPrefix: string): Promise<number> {
  if (!dedupeKeyPrefix) throw new Error('a dedupe key prefix is required')
  return repo.deleteByDedupePrefix(tx, dedupeKeyPrefix)
}

/** Marks the employee's own notifications read (never anyone else's: ids of others match nothing). */
export async function markRead(db: Db, userId: number, input: MarkReadInput): Promise<number> {
  if (input.all !== true && !input.ids?.length) throw AppError.field('ids', 'notifications.nothing_to_mark')
  return inTransaction(db, async (uow) => {
    const marked = await repo.markRead(uow.tx, userId, input.all === true ? 'all' : { ids: input.ids ?? [] })
    // The employee's other pages update their bell at once.
    if (marked > 0) await publishEvent(uow, { type: NOTIFICATIONS_READ_EVENT, userIds: [userId] })
    return marked
  })
}
