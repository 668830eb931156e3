import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'
import type { DatabaseHandle } from '../db/database.ts'
import { type ClaimedJob, JOBS_CHANNEL, type JobQueue } from './job-queue.ts'

export type JobHandler = (job: ClaimedJob) => Promise<void>

export interface RecurringJob {
  type: string
  everyMs: number
}

export interface WorkerOptions {
  pollMs?: number
  batchSize?: number
  leaseMs?: number
  concurrency?: number
}

/**
 * Runs due jobs from the jobs table. Any number of workers (in any number of instances) may run: each
 * claim is atomic, so a job is handed to one worker at a time; a worker that dies leaves its lease to
 * expire and another takes the job again (at-least-once; handlers make their effects idempotent).
 */
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>()
  private readonly recurring: RecurringJob[] = []
  private running = false
  private timer: NodeJS.Timeout | null = null
  private inFlight = new Set<Promise<void>>()
  private loopPromise: Promise<void> | null = null
  private wakeRequested = false
  private listener: pg.PoolClient | null = null
  private readonly pollMs: number
  private readonly batchSize: number
  private readonly leaseMs: number
  private readonly concurrency: number
  private resolveSleep: (() => void) | null = null

  constructor(
    private readonly queue: JobQueue,
    private readonly database: DatabaseHandle,
    /** Also for handlers that log what they did (e.g. a message skipped). */
    readonly log: FastifyBaseLogger,
    options: WorkerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000
    this.batchSize = options.batchSize ?? 50
    this.leaseMs = options.leaseMs ?? 60_000
    this.concurrency = options.concurrency ?? 4
  }

  register(type: string, handler: JobHandler): void {
    if (this.handlers.has(type)) throw new Error(`job handler "${type}" registered twice`)
    this.handlers.set(type, handler)
  }

  /** A job that runs every `everyMs`, at most one pending copy across all instances. */
  registerRecurring(type: string, everyMs: number, handler: JobHandler): void {
    this.register(type, handler)
    this.recurring.push({ type, everyMs })
  }

  private async scheduleNext(r: RecurringJob, runAt = new Date(Date.now() + r.everyMs)): Promise<void> {
    await this.queue.enqueue(this.database.db, { type: r.type, runAt, dedupeKey: `recurring:${r.type}` })
  }

  async start(): Promise<void> {
    if (this.running) return
    this.running = true
    const orphans = await this.queue.releaseOrphans()
    if (orphans) this.log.info({ jobs: orphans }, 'jobs: took back jobs a crashed process left running')
    for (const r of this.recurring) await this.scheduleNext(r, new Date())
    this.queue.wake.on('wake', this.onWake)
    if (this.database.kind === 'postgres' && this.database.pool) {
      try {
        this.listener = await this.database.pool.connect()
        this.listener.on('notification', this.onWake)
        await this.listener.query(`LISTEN ${JOBS_CHANNEL}`)
      } catch (err) {
        this.log.warn({ err }, 'jobs: LISTEN failed, polling only')
      }
    }
    this.loopPromise = this.loop()
  }

  private readonly onWake = (): void => {
    this.wakeRequested = true
    this.resolveSleep?.()
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      this.resolveSleep = () => {
        this.resolveSleep = null
        this.wakeRequested = false
        if (this.timer) clearTimeout(this.timer)
        resolve()
      }
      this.timer = setTimeout(() => this.resolveSleep?.(), ms)
    })
  }

  private async loop(): Promise<void> {
    let lastReap = 0
    while (this.running) {
      let claimed = 0
      try {
        if (Date.now() - lastReap > Math.min(this.leaseMs / 2, 15_000)) {
          lastReap = Date.now()
          const reaped = await this.queue.reapExpiredLeases()
          if (reaped) this.log.warn({ reaped }, 'jobs: expired leases returned to the queue')
        }
        claimed = await this.runBatch()
      } catch (err) {
        this.log.error({ err }, 'jobs: poll failed')
      }
      if (!this.running) break
      if (claimed < this.batchSize) await this.sleep(this.pollMs)
    }
  }

  /** Claims and runs one batch; returns how many jobs it claimed. */
  async runBatch(): Promise<number> {
    const jobs = await this.queue.claim(this.batchSize, this.leaseMs)
    let index = 0
    const next = async (): Promise<void> => {
      while (index < jobs.length) {
        const job = jobs[index++]!
        await this.runOne(job)
      }
    }
    const lanes = Array.from({ length: Math.min(this.concurrency, jobs.length) }, () => {
      const p = next()
      this.inFlight.add(p)
      return p.finally(() => this.inFlight.delete(p))
    })
    await Promise.all(lanes)
    return jobs.length
  }

  /** Runs everything due now, for tests and one-off commands. */
  async drain(): Promise<void> {
    while ((await this.runBatch()) > 0) {
      // keep going until nothing is due
    }
  }

  private async runOne(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.type)
    const started = Date.now()
    let finished = true
    try {
      if (!handler) throw new Error(`no handler for job type "${job.type}"`)
      await handler(job)
      await this.queue.complete(job.id)
      this.log.debug({ job: job.id, type: job.type, ms: Date.now() - started }, 'job done')
    } catch (err) {
      const outcome = await this.queue.fail(job, err)
      finished = outcome === 'failed'
      this.log.warn({ job: job.id, type: job.type, attempt: job.attempts, outcome, err }, 'job failed')
    }
    // The next run of a recurring job is added once this one has left the queue (its dedupe key is free).
    const recurring = this.recurring.find((r) => r.type === job.type)
    if (recurring && finished) await this.scheduleNext(recurring)
  }

  async stop(): Promise<void> {
    this.running = false
    this.resolveSleep?.()
    this.queue.wake.off('wake', this.onWake)
    await this.loopPromise
    await Promise.allSettled([...this.inFlight])
    if (this.listener) {
      this.listener.removeListener('notification', this.onWake)
      try {
        await this.listener.query(`UNLISTEN ${JOBS_CHANNEL}`)
      } catch {
        // the connection may already be gone
      }
      this.listener.release()
      this.listener = null
    }
    await this.queue.releaseMine().catch(() => undefined)
  }
}
