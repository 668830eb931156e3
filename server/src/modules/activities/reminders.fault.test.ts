/**
 * The fault test of reminders: the real server (as `npm start` runs it) is killed with SIGKILL in the
 * middle of dispatching 1,000 due reminders, started again on the same database, and every reminder is
 * delivered in the app exactly once (and its e-mail queued exactly once). SQLite in the SQLite run,
 * PostgreSQL (a schema of the run's database) in the PostgreSQL run.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerProcess, serverEnv, spawnServer, stopServer } from '../../../test/server-process.ts'
import { createTestDatabase, type TestDatabase, testDialect } from '../../../test/test-database.ts'
import { MAIL_SEND_JOB } from '../../platform/mail/index.ts'
import { REMINDERS_DISPATCH_JOB } from './reminders.dispatch.ts'
import { reminderTally, seedDueReminders } from './reminders.test-support.ts'

const REMINDERS = 1000
/** Reminders whose time passed while the server was down (two minutes before the restart). */
const MISSED = 50
/** Small batches (CRM_REMINDER_BATCH), so that the dispatch of 1,000 takes long enough to be caught. */
const BATCH = 10

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe(`reminders dispatched by a server killed with SIGKILL and restarted (${testDialect()})`, () => {
  let tdb: TestDatabase
  let dir: string
  let env: Record<string, string>
  let server: ServerProcess | undefined

  beforeAll(async () => {
    tdb = await createTestDatabase()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-reminders-fault-'))
    env = {
      ...serverEnv(tdb, dir),
      CRM_ADMIN_EMAIL: 'fault.admin@test.example',
      CRM_ADMIN_PASSWORD: 'Fault-Admin-Pass-1',
      CRM_REMINDER_BATCH: String(BATCH),
    }
  })
  afterAll(async () => {
    await stopServer(server, 'SIGKILL')
    await tdb?.destroy()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('delivers each of 1,000 reminders in the app exactly once, and those missed while down late', {
    timeout: 120_000,
  }, async () => {
    const { db } = tdb.handle
    // 1,000 reminders of 20 employees, all due now, in the app and by e-mail (no SMTP here: the e-mails
    // are queued as jobs and skipped, which is enough to count them).
    const now = Date.now()
    const seeded = await seedDueReminders(db, {
      prefix: 'fault',
      users: 20,
      reminders: REMINDERS,
      fireAt: (i) => new Date(now - 1000 + (i % 10)).toISOString(),
      channels: ['app', 'email'],
    })
    expect(seeded.reminderIds).toHaveLength(REMINDERS)

    // The server's worker dispatches them as soon as it starts; follow the count of reminder
    // notifications and kill the server once two batches are in, with 98 to go.
    server = spawnServer(env)
    let seen = 0
    const deadline = Date.now() + 60_000
    while (seen < 2 * BATCH) {
      if (Date.now() > deadline) throw new Error(`no dispatch: ${seen}\n${server.output()}`)
      await sleep(2)
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('type', '=', 'reminder')
        .executeTakeFirstOrThrow()
      seen = Number(row.n)
    }
    await stopServer(server, 'SIGKILL')
    const killedAt = Date.now()

    // What the dead server left: some reminders sent (each with its notification and e-mail job),
    // the rest pending — the batch in flight rolled back whole.
    const left = await reminderTally(db)
    expect(left.notifications, 'the dispatch finished before the kill: the test proves nothing').toBeLessThan(
      REMINDERS,
    )
    expect(left.notifications).toBeGreaterThanOrEqual(seen)
    expect(left.status.sent).toBe(left.notifications)
    expect(left.status.pending).toBe(REMINDERS - left.notifications)
    expect(left.repeated).toEqual([])
    const dispatchJobs = await db
      .selectFrom('jobs')
      .select(['type', 'status', 'locked_by', 'lease_until'])
      .where('type', 'in', [REMINDERS_DISPATCH_JOB, `${REMINDERS_DISPATCH_JOB}.tick`])
      .where('status', '=', 'running')
      .execute()
    // The dispatcher was at work: its job is still held by the dead worker.
    expect(dispatchJobs.length).toBeGreaterThan(0)

    // While it is down, more reminders come due (armed long ago, due two minutes before the restart).
    const missed = await seedDueReminders(db, {
      prefix: 'missed',
      users: 5,
      reminders: MISSED,
      fireAt: () => new Date(Date.now() - 2 * 60_000).toISOString(),
    })
    await db
      .updateTable('reminders')
      .set({ created_at: new Date(Date.now() - 3600_000).toISOString() })
      .set({ updated_at: new Date(Date.now() - 3600_000).toISOString() })
      .where('id', 'in', missed.reminderIds)
      .execute()

    // The same database, a new process: the rest are delivered at start-up, none twice, and the
    // missed ones marked late.
    server = spawnServer(env)
    await server.ready
    const restartedAt = Date.now()
    let tally = left
    const finish = Date.now() + 90_000
    while (tally.status.pending) {
      if (Date.now() > finish)
        throw new Error(`not all delivered: ${JSON.stringify(tally.status)}\n${server.output()}`)
      await sleep(100)
      tally = await reminderTally(db)
    }
    const doneAt = Date.now()
    await stopServer(server, 'SIGTERM')
    console.info(
      `reminders fault test (${testDialect()}): killed after ${left.notifications}/${REMINDERS} delivered; ` +
        `the rest and ${MISSED} missed while down delivered ${((doneAt - restartedAt) / 1000).toFixed(1)} s after the restart ` +
        `(${((doneAt - killedAt) / 1000).toFixed(1)} s after the kill)`,
    )

    const all = [...seeded.reminderIds, ...missed.reminderIds]
    expect(tally.notifications).toBe(all.length)
    expect(tally.repeated).toEqual([])
    expect(tally.status).toEqual({ sent: all.length })
    const notes = await db
      .selectFrom('notifications')
      .select(['dedupe_key', 'user_id', 'payload'])
      .where('type', '=', 'reminder')
      .execute()
    expect(new Set(notes.map((n) => n.dedupe_key))).toEqual(new Set(all.map((id) => `reminder:${id}:1`)))
    const fired = await db.selectFrom('reminders').select(['id', 'fire_count', 'fired_at', 'late']).execute()
    expect(fired.every((r) => r.fire_count === 1 && r.fired_at !== null)).toBe(true)
    // Late: exactly those missed while the server was down (the others were due under a minute before).
    const late = new Set(missed.reminderIds)
    for (const r of fired) expect(r.late, String(r.id)).toBe(late.has(Number(r.id)) ? 1 : 0)
    for (const n of notes)
      expect((JSON.parse(n.payload) as { late: boolean }).late).toBe(
        late.has(Number(n.dedupe_key!.split(':')[1])),
      )
    // One e-mail queued per reminder of the app and e-mail channels, with its stable Message-ID.
    const mails = await db.selectFrom('jobs').select('payload').where('type', '=', MAIL_SEND_JOB).execute()
    const ids = mails.map((m) => (JSON.parse(m.payload) as { messageId: string }).messageId)
    expect(ids).toHaveLength(REMINDERS)
    expect(new Set(ids).size).toBe(REMINDERS)
    for (const id of seeded.reminderIds.slice(0, 5)) expect(ids).toContain(`<reminder-${id}-1@mmcrm.local>`)
    // Missed by the crash, yet fired at start-up: within half a minute of the restart.
    expect(doneAt - restartedAt).toBeLessThan(30_000)
  })
})
