import type { FastifyBaseLogger } from 'fastify'
import pg from 'pg'
import type { DatabaseHandle } from '../db/database.ts'
import { type AppEvent, EVENTS_CHANNEL, localEventBus } from './event-bus.ts'

/** What a connection of this instance receives. */
export interface HubEvent {
  type: string
  data?: unknown
}

export type HubListener = (event: HubEvent) => void

export interface EventHubOptions {
  /** First wait before re-opening a lost LISTEN connection; doubles up to `maxReconnectMs`. */
  reconnectMs?: number
  maxReconnectMs?: number
  /** How often the LISTEN connection is checked (a half-open TCP connection says nothing by itself). */
  healthCheckMs?: number
}

/** Sent to every connection of this instance when events may have been missed: pages refetch. */
export const RESYNC: HubEvent = { type: 'resync', data: null }

function isAppEvent(value: unknown): value is AppEvent {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.type === 'string' && Array.isArray(v.userIds) && v.userIds.every(Number.isSafeInteger)
}

/**
 * One per app instance: receives the events published by any instance and hands each to this
 * instance's connections of its recipients. Holds no state another instance needs — on PostgreSQL the
 * events come through `LISTEN mmcrm_events` on a dedicated connection (re-opened with back-off when it
 * drops, after which every connection is told to `resync`); on SQLite from the in-process bus.
 */
export class EventHub {
  private readonly byUser = new Map<number, Set<HubListener>>()
  private running = false
  private client: pg.Client | null = null
  private readonly lost = new WeakSet<pg.Client>()
  private schema: string | null = null
  private pid: number | null = null
  private failures = 0
  private reconnectTimer: NodeJS.Timeout | null = null
  private healthTimer: NodeJS.Timeout | null = null
  private readonly reconnectMs: number
  private readonly maxReconnectMs: number
  private readonly healthCheckMs: number

  constructor(
    private readonly database: DatabaseHandle,
    private readonly log: FastifyBaseLogger,
    options: EventHubOptions = {},
  ) {
    this.reconnectMs = options.reconnectMs ?? 500
    this.maxReconnectMs = options.maxReconnectMs ?? 30_000
    this.healthCheckMs = options.healthCheckMs ?? 30_000
  }

  /** Starts receiving. On PostgreSQL waits for the first LISTEN (and keeps retrying if it fails). */
  async start(): Promise<void> {
    if (this.running) return
    this.running = true
    if (this.database.kind === 'postgres') {
      this.healthTimer = setInterval(() => this.checkHealth(), this.healthCheckMs)
      this.healthTimer.unref()
      await this.listen()
    } else {
      localEventBus(this.database.db).on('event', this.onLocalEvent)
    }
  }

  async stop(): Promise<void> {
    this.running = false
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    if (this.healthTimer) clearInterval(this.healthTimer)
    this.reconnectTimer = null
    this.healthTimer = null
    localEventBus(this.database.db).off('event', this.onLocalEvent)
    const client = this.client
    this.client = null
    if (client) {
      this.lost.add(client)
      await client.end().catch(() => undefined)
    }
  }

  /** Adds a listener for one employee's events; returns the function that removes it. */
  subscribe(userId: number, listener: HubListener): () => void {
    let set = this.byUser.get(userId)
    if (!set) {
      set = new Set()
      this.byUser.set(userId, set)
    }
    set.add(listener)
    return () => {
      const current = this.byUser.get(userId)
      if (!current) return
      current.delete(listener)
      if (current.size === 0) this.byUser.delete(userId)
    }
  }

  /** How many listeners this instance holds (for one employee, or all). */
  subscriberCount(userId?: number): number {
    if (userId !== undefined) return this.byUser.get(userId)?.size ?? 0
    let n = 0
    for (const set of this.byUser.values()) n += set.size
    return n
  }

  /** PostgreSQL: whether the LISTEN connection is up, and its backend pid (diagnostics and tests). */
  get listener(): { listening: boolean; pid: number | null } {
    return { listening: this.client !== null, pid: this.client ? this.pid : null }
  }

  /** Hands an event to this instance's listeners of its recipients. */
  deliver(event: AppEvent): void {
    const message: HubEvent = { type: event.type, data: event.data ?? null }
    for (const userId of event.userIds) {
      const set = this.byUser.get(userId)
      if (!set) continue
      for (const listener of [...set]) this.call(listener, message)
    }
  }

  private broadcast(message: HubEvent): void {
    for (const set of this.byUser.values()) for (const listener of [...set]) this.call(listener, message)
  }

  private call(listener: HubListener, message: HubEvent): void {
    try {
      listener(message)
    } catch (err) {
      this.log.warn({ err }, 'events: a listener failed')
    }
  }

  private readonly onLocalEvent = (event: AppEvent): void => this.deliver(event)

  private onNotification(message: pg.Notification): void {
    if (message.channel !== EVENTS_CHANNEL || !message.payload) return
    try {
      const envelope = JSON.parse(message.payload) as { schema?: unknown; event?: unknown }
      if (envelope.schema !== this.schema || !isAppEvent(envelope.event)) return
      this.deliver(envelope.event)
    } catch (err) {
      this.log.warn({ err }, 'events: unreadable notification')
    }
  }

  private async listen(): Promise<void> {
    const pool = this.database.pool
    if (!pool || !this.running) return
    // A connection of its own rather than one of the pool's: it is held for the instance's lifetime.
    const client = new pg.Client({
      ...pool.options,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
      query_timeout: 10_000,
    })
    client.on('error', (err) => this.drop(client, err))
    client.on('end', () => this.drop(client))
    client.on('notification', (message) => this.onNotification(message))
    try {
      await client.connect()
      const { rows } = await client.query<{ schema: string; pid: number }>(
        'select current_schema() as schema, pg_backend_pid() as pid',
      )
      this.schema = rows[0]?.schema ?? null
      this.pid = rows[0]?.pid ?? null
      await client.query(`LISTEN ${EVENTS_CHANNEL}`)
    } catch (err) {
      this.drop(client, err)
      return
    }
    if (!this.running || this.lost.has(client)) {
      this.lost.add(client)
      await client.end().catch(() => undefined)
      return
    }
    this.client = client
    if (this.failures > 0) this.log.info('events: LISTEN connection restored')
    this.failures = 0
    // Whatever was published while there was no LISTEN connection is lost: pages connected meanwhile refetch.
    this.broadcast(RESYNC)
  }

  /** Forgets a broken LISTEN connection and schedules a new one. */
  private drop(client: pg.Client, err?: unknown): void {
    if (this.lost.has(client)) return
    this.lost.add(client)
    if (this.client === client) this.client = null
    client.end().catch(() => undefined)
    if (!this.running) return
    const delay = Math.min(this.maxReconnectMs, this.reconnectMs * 2 ** this.failures)
    this.failures++
    this.log.warn({ err, retryInMs: delay }, 'events: LISTEN connection lost')
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      void this.listen()
    }, delay)
    this.reconnectTimer.unref()
  }

  private checkHealth(): void {
    const client = this.client
    if (!client) return
    client.query('select 1').catch((err: unknown) => this.drop(client, err))
  }
}
