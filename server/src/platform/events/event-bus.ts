import { EventEmitter } from 'node:events'
import { sql } from 'kysely'
import { type Db, dialectOf, type Tx } from '../db/database.ts'
import type { UnitOfWork } from '../db/transaction.ts'

/** The PostgreSQL channel every instance's EventHub listens on. */
export const EVENTS_CHANNEL = 'mmcrm_events'

/**
 * Largest encoded event. PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; the envelope
 * (the schema name) takes the rest.
 */
export const MAX_EVENT_BYTES = 7000

/** Sent by the platform itself, never published by modules (see events.routes.ts). */
export const RESERVED_EVENT_TYPES: ReadonlySet<string> = new Set(['ready', 'resync'])

const EVENT_TYPE = /^[a-z][a-z0-9._-]{0,63}$/

/** Something to push to the open pages of some employees. */
export interface AppEvent {
  /** The employees whose pages receive it. */
  userIds: number[]
  /** The SSE event name: lower-case letters, digits, `.`, `_`, `-` (e.g. `notification`). */
  type: string
  /**
   * Small and JSON: ids and a kind, not records — pages refetch what they show. Dropped (pages then
   * refetch everything the type concerns) when the event would exceed MAX_EVENT_BYTES.
   */
  data?: unknown
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8')
}

/**
 * The event as it travels: user ids deduplicated, `data` dropped if the whole would not fit in one
 * NOTIFY, and the recipients split over several events if even their ids alone would not.
 */
export function splitForDelivery(event: AppEvent): AppEvent[] {
  if (!EVENT_TYPE.test(event.type) || RESERVED_EVENT_TYPES.has(event.type)) {
    throw new Error(`invalid event type "${event.type}"`)
  }
  const userIds = [...new Set(event.userIds)]
  if (!userIds.every((id) => Number.isSafeInteger(id))) throw new Error('event user ids must be integers')
  if (userIds.length === 0) return []
  const whole: AppEvent = { userIds, type: event.type, data: event.data }
  if (event.data === undefined) delete whole.data
  if (byteLength(whole) <= MAX_EVENT_BYTES) return [whole]

  const parts: AppEvent[] = []
  const empty = byteLength({ userIds: [], type: event.type })
  let current: number[] = []
  let size = empty
  for (const id of userIds) {
    const cost = String(id).length + 1
    if (current.length > 0 && size + cost > MAX_EVENT_BYTES) {
      parts.push({ userIds: current, type: event.type })
      current = []
      size = empty
    }
    current.push(id)
    size += cost
  }
  parts.push({ userIds: current, type: event.type })
  return parts
}

const localBuses = new WeakMap<object, EventEmitter>()

/**
 * SQLite's in-process delivery, one per database handle. The Kysely adapter identifies the handle: a
 * transaction shares it with the handle it was opened from (as `dialectOf` relies on too).
 */
export function localEventBus(executor: Db | Tx): EventEmitter {
  const key = executor.getExecutor().adapter
  let bus = localBuses.get(key)
  if (!bus) {
    bus = new EventEmitter()
    bus.setMaxListeners(0)
    localBuses.set(key, bus)
  }
  return bus
}

/**
 * Publishes an event from inside a business transaction: it reaches the employees' open pages only if
 * the transaction commits, on whichever instance they are connected to.
 *
 * - PostgreSQL: `pg_notify('mmcrm_events', …)` in the transaction; PostgreSQL delivers it at commit to
 *   every instance listening (and drops it on rollback, including a rolled-back savepoint).
 * - SQLite (one process): handed to this process's hub by `uow.onCommit`.
 *
 * Delivery is at most once: a page that was disconnected, or an instance whose LISTEN connection was
 * down, misses it — pages refetch when their stream (re)connects and on `resync`.
 *
 * @example
 *   await inTransaction(db, async (uow) => {
 *     const id = await insertSomething(uow.tx, …)
 *     await publishEvent(uow, { type: 'something', userIds: [ownerId], data: { id } })
 *   })
 */
export async function publishEvent(uow: UnitOfWork, event: AppEvent): Promise<void> {
  const parts = splitForDelivery(event)
  if (parts.length === 0) return
  if (dialectOf(uow.tx) === 'postgres') {
    for (const part of parts) {
      // The schema travels along: instances of another CRM in another schema of the same database
      // hear the same channel and must ignore it.
      await sql`select pg_notify(${EVENTS_CHANNEL},
        json_build_object('schema', current_schema(), 'event', ${JSON.stringify(part)}::json)::text)`.execute(
        uow.tx,
      )
    }
    return
  }
  const bus = localEventBus(uow.tx)
  uow.onCommit(() => {
    for (const part of parts) bus.emit('event', part)
  })
}
