import fc from 'fast-check'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts'
import { openDatabase } from '../db/database.ts'
import { JobQueue, retryDelayMs } from './job-queue.ts'
import { JobWorker } from './worker.ts'

const log = pino({ level: 'silent' })

describe('the durable jobs table', () => {
  let tdb: TestDatabase
  let queue: JobQueue

  beforeAll(async () => {
    tdb = await createTestDatabase()
  })
  afterAll(() => tdb.destroy())
  beforeEach(async () => {
    await tdb.handle.db.deleteFrom('jobs').execute()
    queue = JobQueue.forDatabase(tdb.handle)
  })

  it('runs a due job once and leaves future jobs waiting', async () => {
    await queue.enqueue(tdb.handle.db, { type: 'a', payload: { n: 1 } })
    await queue.enqueue(tdb.handle.db, {
      type: 'a',
      payload: { n: 2 },
      runAt: new Date(Date.now() + 3600_000),
    })
    const seen: unknown[] = []
    const worker = new JobWorker(queue, tdb.handle, log)
    worker.register('a', async (job) => {
      seen.push(job.payload)
    })
    await worker.drain()
    expect(seen).toEqual([{ n: 1 }])
    const rows = await tdb.handle.db.selectFrom('jobs').select(['status']).orderBy('id').execute()
    expect(rows.map((r) => r.status)).toEqual(['done', 'pending'])
  })

  it('is added only if the transaction commits', async () => {
    await expect(
      tdb.handle.db.transaction().execute(async (tx) => {
        await queue.enqueue(tx, { type: 'a' })
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await tdb.handle.db.selectFrom('jobs').selectAll().execute()).toHaveLength(0)
  })

  it('retries a failing job later with back-off, then marks it failed after its last attempt', async () => {
    await queue.enqueue(tdb.handle.db, { type: 'flaky', maxAttempts: 2 })
    const worker = new JobWorker(queue, tdb.handle, log)
    worker.register('flaky', async () => {
      throw new Error('boom')
    })
    await worker.drain()
    let row = await tdb.handle.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Error: boom' })
    expect(Date.parse(row.run_at)).toBeGreaterThan(Date.now() + 3000)
    await tdb.handle.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000).toISOString() })
      .execute()
    await worker.drain()
    row = await tdb.handle.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'failed', attempts: 2 })
  })

  it('gives a job whose worker died (lease expired) to another worker', async () => {
    await queue.enqueue(tdb.handle.db, { type: 'lost' })
    const [claimed] = await queue.claim(10, 60_000)
    expect(claimed?.type).toBe('lost')
    // the first worker "crashes": nothing else can claim it while the lease runs
    const other = JobQueue.forDatabase(tdb.handle)
    expect(await other.claim(10, 60_000)).toHaveLength(0)
    await tdb.handle.db
      .updateTable('jobs')
      .set({ lease_until: new Date(Date.now() - 1).toISOString() })
      .execute()
    expect(await other.reapExpiredLeases()).toBe(1)
    const again = await other.claim(10, 60_000)
    expect(again.map((j) => [j.type, j.attempts])).toEqual([['lost', 2]])
    // the dead worker's late completion does not count
    await queue.complete(claimed!.id)
    expect((await tdb.handle.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status).toBe(
      'running',
    )
  })

  it('on SQLite, takes back at start the jobs a crashed process left running, not those of this process', async () => {
    await queue.enqueue(tdb.handle.db, { type: 'orphan' })
    await queue.enqueue(tdb.handle.db, { type: 'mine' })
    const claimed = await queue.claim(10, 60_000)
    expect(claimed.map((j) => j.type).sort()).toEqual(['mine', 'orphan'])
    // The orphan's worker was another process (its key is not this process's).
    await tdb.handle.db
      .updateTable('jobs')
      .set({ locked_by: '4242-deadbeef-00000000' })
      .where('type', '=', 'orphan')
      .execute()
    const released = await JobQueue.forDatabase(tdb.handle).releaseOrphans()
    const rows = await tdb.handle.db
      .selectFrom('jobs')
      .select(['type', 'status'])
      .where('type', 'in', ['orphan', 'mine'])
      .orderBy('type')
      .execute()
    if (tdb.handle.kind === 'sqlite') {
      expect(released).toBe(1)
      expect(rows).toEqual([
        { type: 'mine', status: 'running' },
        { type: 'orphan', status: 'pending' },
      ])
    } else {
      // PostgreSQL serves live instances: only an expired lease frees a job.
      expect(released).toBe(0)
      expect(rows.map((r) => r.status)).toEqual(['running', 'running'])
    }
  })

  it('keeps one pending copy per dedupe key', async () => {
    expect(await queue.enqueue(tdb.handle.db, { type: 'r', dedupeKey: 'k' })).not.toBeNull()
    expect(await queue.enqueue(tdb.handle.db, { type: 'r', dedupeKey: 'k' })).toBeNull()
    expect(await tdb.handle.db.selectFrom('jobs').selectAll().execute()).toHaveLength(1)
  })

  it('hands each of 2,000 jobs to exactly one of three workers running at once', async () => {
    const total = 2000
    for (let i = 0; i < total; i += 500) {
      await tdb.handle.db
        .insertInto('jobs')
        .values(
          Array.from({ length: 500 }, (_, k) => ({
            type: 'count',
            payload: JSON.stringify({ i: i + k }),
            status: 'pending' as const,
            run_at: new Date().toISOString(),
            attempts: 0,
            max_attempts: 3,
            created_at: new Date().toISOString(),
            updated_at: new Date().toISOString(),
          })),
        )
        .execute()
    }
    // separate connections (pools) play separate instances
    const handles = [tdb.handle, openDatabase(tdb.target), openDatabase(tdb.target)]
    const seen = new Map<number, number>()
    const workers = handles.map((h) => {
      const w = new JobWorker(JobQueue.forDatabase(h), h, log, { batchSize: 25 })
      w.register('count', async (job) => {
        const i = (job.payload as { i: number }).i
        seen.set(i, (seen.get(i) ?? 0) + 1)
      })
      return w
    })
    await Promise.all(workers.map((w) => w.drain()))
    await Promise.all(handles.slice(1).map((h) => h.close()))
    expect(seen.size).toBe(total)
    expect([...seen.values()].every((n) => n === 1)).toBe(true)
  })

  it('runs recurring jobs again after each run, one copy across instances', async () => {
    const runs: number[] = []
    const a = new JobWorker(queue, tdb.handle, log, { pollMs: 20 })
    const b = new JobWorker(JobQueue.forDatabase(tdb.handle), tdb.handle, log, { pollMs: 20 })
    for (const w of [a, b]) w.registerRecurring('tick', 50, async () => void runs.push(Date.now()))
    await a.start()
    await b.start()
    await new Promise((r) => setTimeout(r, 400))
    await a.stop()
    await b.stop()
    expect(runs.length).toBeGreaterThanOrEqual(2)
    const pending = await tdb.handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', 'tick')
      .where('status', '=', 'pending')
      .execute()
    expect(pending).toHaveLength(1)
  })

  it('wakes up for a new job without waiting for the poll interval', async () => {
    const worker = new JobWorker(queue, tdb.handle, log, { pollMs: 60_000 })
    let done: () => void = () => undefined
    const ran = new Promise<void>((r) => {
      done = r
    })
    worker.register('wake', async () => done())
    await worker.start()
    const started = Date.now()
    await queue.enqueue(tdb.handle.db, { type: 'wake' })
    await ran
    await worker.stop()
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

describe('retry back-off', () => {
  it('grows with attempts, stays within ±20% of 5 s·2ⁿ⁻¹, capped at an hour', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempts, r) => {
          const base = Math.min(3600_000, 5000 * 2 ** (attempts - 1))
          const d = retryDelayMs(attempts, () => r)
          return d >= Math.floor(base * 0.8) && d <= Math.ceil(base * 1.2)
        },
      ),
    )
  })
})
