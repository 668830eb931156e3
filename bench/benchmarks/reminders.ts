import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { buildApp } from '../../server/src/app.ts'
import { loadConfig } from '../../server/src/config.ts'
import { registerJobs } from '../../server/src/jobs.ts'
import { seedDueReminders } from '../../server/src/modules/activities/reminders.test-support.ts'
import { prepareDatabase } from '../../server/src/platform/bootstrap.ts'
import { migrateToLatest, openDatabase } from '../../server/src/platform/db/database.ts'
import { JobWorker } from '../../server/src/platform/jobs/worker.ts'
import type { Benchmark, Figure } from '../support.ts'

const REMINDERS = Number(process.env.CRM_BENCH_REMINDERS ?? 100_000)
const USERS = Number(process.env.CRM_BENCH_REMINDER_USERS ?? 200)
/** The acceptance bar: every reminder of the minute in the app within 30 s of its time. */
const TARGET_S = 30
const SEED_AT = Date.UTC(2030, 0, 1)

interface Outcome {
  lags: number[]
  /** From the first reminder's time to the last delivery. */
  totalS: number
  /** From the last reminder's time to the last delivery. */
  tailS: number
  late: number
}

/**
 * One scenario on a fresh SQLite file: the app (buildApp) and its job worker as `npm start` runs them
 * (the recurring dispatch tick, the worker's poll and lease), 100,000 reminders of 200 employees due
 * within `spreadMs` of each other (written in bulk, then moved to just ahead of now); waits until every
 * one is delivered in the app and measures each one's lag: notification time − reminder time.
 */
async function scenario(spreadMs: number): Promise<Outcome> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-bench-reminders-'))
  const database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'crm.sqlite') })
  const config = {
    ...loadConfig({ CRM_DATA_DIR: dir, CRM_LOG_LEVEL: 'silent', NODE_ENV: 'production' }),
    webDist: '/nonexistent',
  }
  const app = await buildApp({ config, database, logger: false })
  const worker = new JobWorker(app.ctx.jobs, database, app.log)
  try {
    await migrateToLatest(database.db)
    await prepareDatabase(database.db)
    // Written for a day far ahead, every reminder `spreadMs / REMINDERS` after the previous one…
    await seedDueReminders(database.db, {
      prefix: 'bench',
      users: USERS,
      reminders: REMINDERS,
      fireAt: (i) => new Date(SEED_AT + Math.floor((i * spreadMs) / REMINDERS)).toISOString(),
    })
    registerJobs(worker, app.ctx)
    await worker.start()
    // …then, with the worker running, moved so that the first is due in two seconds.
    const first = Date.now() + 2000
    const shift = (first - SEED_AT) / 1000
    const iso = (column: string) =>
      sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', ${sql.ref(column)}, ${`${shift >= 0 ? '+' : ''}${shift} seconds`})`
    await database.db
      .updateTable('reminders')
      .set({ fire_at: iso('fire_at') })
      .execute()
    await database.db
      .updateTable('activities')
      .set({ starts_at: iso('starts_at'), ends_at: iso('ends_at') })
      .execute()
    const bounds = await database.db
      .selectFrom('reminders')
      .select((eb) => [eb.fn.min('fire_at').as('first'), eb.fn.max('fire_at').as('last')])
      .executeTakeFirstOrThrow()
    const deadline = Date.now() + spreadMs + 120_000
    for (;;) {
      await new Promise((r) => setTimeout(r, 500))
      const left = await database.db
        .selectFrom('reminders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow()
      if (Number(left.n) === 0) break
      if (Date.now() > deadline) throw new Error(`${left.n} reminders still pending`)
    }
    await worker.stop()
    const rows = await sql<{ fire_at: string; created_at: string; late: number }>`
      select r.fire_at, n.created_at, r.late from reminders r
      join notifications n on n.dedupe_key = 'reminder:' || r.id || ':1'`.execute(database.db)
    if (rows.rows.length !== REMINDERS)
      throw new Error(`${rows.rows.length} notifications for ${REMINDERS} reminders`)
    const lags = rows.rows.map((r) => Date.parse(r.created_at) - Date.parse(r.fire_at)).sort((a, b) => a - b)
    const lastDelivery = Math.max(...rows.rows.map((r) => Date.parse(r.created_at)))
    return {
      lags,
      totalS: (lastDelivery - Date.parse(String(bounds.first))) / 1000,
      tailS: (lastDelivery - Date.parse(String(bounds.last))) / 1000,
      late: rows.rows.filter((r) => r.late === 1).length,
    }
  } finally {
    await worker.stop()
    await app.close()
    await database.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const pct = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
const s1 = (ms: number) => Math.round(ms / 100) / 10

function figures(label: string, o: Outcome): Figure[] {
  const max = o.lags[o.lags.length - 1]!
  const within = o.lags.filter((l) => l <= TARGET_S * 1000).length
  const note = `${within} of ${REMINDERS} within ${TARGET_S} s${max <= TARGET_S * 1000 ? ' — target met' : ' — TARGET MISSED'}; marked late: ${o.late}`
  return [
    { benchmark: 'reminders', name: `${label}: lag p50`, value: s1(pct(o.lags, 0.5)), unit: 's' },
    { benchmark: 'reminders', name: `${label}: lag p99`, value: s1(pct(o.lags, 0.99)), unit: 's' },
    { benchmark: 'reminders', name: `${label}: lag max`, value: s1(max), unit: 's', note },
    {
      benchmark: 'reminders',
      name: `${label}: first due → all delivered`,
      value: Math.round(o.totalS * 10) / 10,
      unit: 's',
      note: `last due → all delivered ${Math.round(o.tailS * 10) / 10} s`,
    },
  ]
}

/** 100,000 reminders due in the same minute, delivered in the app by the dispatcher as the app runs it (SQLite). */
export const remindersBench: Benchmark = {
  name: 'reminders',
  description: `${REMINDERS.toLocaleString('en')} reminders of ${USERS} employees due in the same minute, delivered in the app by the job worker as the app runs it, SQLite; lag = notification − reminder time`,
  async run() {
    // As the issue puts it: due across one minute. Then the hardest case: all at the same instant.
    const spread = await scenario(60_000)
    const burst = await scenario(0)
    return [...figures('spread over a minute', spread), ...figures('all at one instant', burst)]
  },
}
