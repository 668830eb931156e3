import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { sql } from 'kysely'
import type { DatabaseHandle, Db, DialectKind, Tx } from '../db/database.ts'

export interface JobRequest {
  type: string
  payload?: unknown
  /** When to run; default now. */
  runAt?: Date
  maxAttempts?: number
  /** While a job with this key is pending or running, another with the same key is not added. */
  dedupeKey?: string
}

export interface ClaimedJob {
  id: number
  type: string
  payload: unknown
  attempts: number
  maxAttempts: number
  runAt: string
}

export const JOBS_CHANNEL = 'mmcrm_jobs'

/** Marks every worker of this process (a pid can be reused by the next process; this key cannot). */
const PROCESS_KEY = randomUUID().slice(0, 8)

/** Exponential back-off with jitter: 5 s, 10 s, 20 s… capped at one hour. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(3600_000, 5000 * 2 ** Math.max(0, attempts - 1))
  return Math.round(base * (0.8 + 0.4 * random()))
}

/**
 * The durable jobs table. Enqueue inside the caller's transaction (the job exists only if the change
 * commits); workers claim due jobs atomically — `FOR UPDATE SKIP LOCKED` on PostgreSQL, one
 * `UPDATE … RETURNING` statement on SQLite — under a lease, so a crashed worker's jobs are taken again.
 */
export class JobQueue {
  readonly wake = new EventEmitter()
  readonly workerId = `${process.pid}-${PROCESS_KEY}-${randomUUID().slice(0, 8)}`

  constructor(
    private readonly db: Db,
    private readonly kind: DialectKind,
  ) {}

  static forDatabase(handle: DatabaseHandle): JobQueue {
    return new JobQueue(handle.db, handle.kind)
  }

  /** Adds a job; returns its id, or null when an equal `dedupeKey` is already waiting. */
  async enqueue(executor: Db | Tx, job: JobRequest): Promise<number | null> {
    const now = new Date().toISOString()
    const row = await executor
      .insertInto('jobs')
      .values({
        type: job.type,
        payload: JSON.stringify(job.payload ?? {}),
        status: 'pending',
        run_at: (job.runAt ?? new Date()).toISOString(),
        attempts: 0,
        max_attempts: job.maxAttempts ?? 5,
        dedupe_key: job.dedupeKey ?? null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst()
    if (this.kind === 'postgres') {
      // Delivered when the transaction commits, to every instance listening.
      await sql`select pg_notify(${JOBS_CHANNEL}, '')`.execute(executor)
    } else {
      setImmediate(() => this.wake.emit('wake'))
    }
    return row?.id ?? null
  }

  /** Claims up to `limit` due jobs for this worker under a lease. */
  async claim(limit: number, leaseMs: number): Promise<ClaimedJob[]> {
    const now = new Date()
    const nowIso = now.toISOString()
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString()
    const lock = this.kind === 'postgres' ? sql`for update skip locked` : sql``
    const result = await sql<{
      id: number
      type: string
      payload: string
      attempts: number
      max_attempts: number
      run_at: string
    }>`
      update jobs set status = 'running', attempts = attempts + 1, lease_until = ${leaseUntil},
        locked_by = ${this.workerId}, updated_at = ${nowIso}
      where id in (
        select id from jobs where status = 'pending' and run_at <= ${nowIso}
        order by run_at, id limit ${limit} ${lock}
      )
      returning id, type, payload, attempts, max_attempts, run_at`.execute(this.db)
    return result.rows
      .map((r) => ({
        id: Number(r.id),
        type: r.type,
        payload: JSON.parse(r.payload) as unknown,
        attempts: r.attempts,
        maxAttempts: r.max_attempts,
        runAt: typeof r.run_at === 'string' ? r.run_at : new Date(r.run_at).toISOString(),
      }))
      .sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id - b.id)
  }

  async complete(id: number): Promise<void> {
    const now = new Date().toISOString()
    await this.db
      .updateTable('jobs')
      .set({ status: 'done', finished_at: now, updated_at: now, lease_until: null, last_error: null })
      .where('id', '=', id)
      .where('locked_by', '=', this.workerId)
      .where('status', '=', 'running')
      .execute()
  }

  async fail(job: ClaimedJob, error: unknown): Promise<'retry' | 'failed'> {
    const now = new Date()
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    const final = job.attempts >= job.maxAttempts
    await this.db
      .updateTable('jobs')
      .set({
        status: final ? 'failed' : 'pending',
        run_at: final ? undefined : new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString(),
        finished_at: final ? now.toISOString() : null,
        lease_until: null,
        locked_by: null,
        last_error: message.slice(0, 4000),
        updated_at: now.toISOString(),
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', this.workerId)
      .execute()
    return final ? 'failed' : 'retry'
  }

  /** Extends the lease of a long-running job. */
  async heartbeat(id: number, leaseMs: number): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ lease_until: new Date(Date.now() + leaseMs).toISOString() })
      .where('id', '=', id)
      .where('locked_by', '=', this.workerId)
      .execute()
  }

  /** Returns jobs whose worker vanished (lease expired) to the queue, or fails them when out of attempts. */
  async reapExpiredLeases(): Promise<number> {
    const now = new Date().toISOString()
    const failed = await this.db
      .updateTable('jobs')
      .set({
        status: 'failed',
        finished_at: now,
        updated_at: now,
        last_error: 'lease expired on the last attempt',
      })
      .where('status', '=', 'running')
      .where('lease_until', '<', now)
      .whereRef('attempts', '>=', 'max_attempts')
      .executeTakeFirst()
    const requeued = await this.db
      .updateTable('jobs')
      .set({
        status: 'pending',
        lease_until: null,
        locked_by: null,
        updated_at: now,
        last_error: 'lease expired',
      })
      .where('status', '=', 'running')
      .where('lease_until', '<', now)
      .executeTakeFirst()
    return Number(failed.numUpdatedRows) + Number(requeued.numUpdatedRows)
  }

  /**
   * SQLite only: jobs left running by an earlier process are given back at once (one process owns a
   * SQLite file, so such a process is gone — it crashed), instead of waiting out their lease. PostgreSQL
   * serves several live instances: there only the lease decides.
   */
  async releaseOrphans(): Promise<number> {
    if (this.kind !== 'sqlite') return 0
    const r = await this.db
      .updateTable('jobs')
      .set({ status: 'pending', lease_until: null, locked_by: null, updated_at: new Date().toISOString() })
      .where('status', '=', 'running')
      .where((eb) => eb.or([eb('locked_by', 'is', null), eb('locked_by', 'not like', `%-${PROCESS_KEY}-%`)]))
      .executeTakeFirst()
    return Number(r.numUpdatedRows)
  }

  /** On graceful shutdown: give this worker's unfinished jobs back at once. */
  async releaseMine(): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'pending', lease_until: null, locked_by: null, updated_at: new Date().toISOString() })
      .where('status', '=', 'running')
      .where('locked_by', '=', this.workerId)
      .execute()
  }

  /** Removes finished jobs older than the retention period. */
  async purgeFinished(olderThanMs: number, type?: string): Promise<number> {
    const cutoff = new Date(Date.now() - olderThanMs).toISOString()
    const r = await this.db
      .deleteFrom('jobs')
      .where('status', 'in', ['done', 'failed'])
      .where('finished_at', '<', cutoff)
      .$if(type !== undefined, (q) => q.where('type', '=', type!))
      .executeTakeFirst()
    return Number(r.numDeletedRows)
  }
}
