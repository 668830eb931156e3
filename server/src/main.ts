import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { loadDemo, printDemoLogins } from './demo/load-demo.ts'
import { registerJobs } from './jobs.ts'
import { classificationStore } from './modules/classifiers/index.ts'
import { ensureFirstAdmin, prepareDatabase } from './platform/bootstrap.ts'
import { migrateToLatest, openDatabase } from './platform/db/database.ts'
import type { Locale } from './platform/i18n/messages.ts'
import { JobWorker } from './platform/jobs/worker.ts'

interface Args {
  command: 'start' | 'migrate'
  demo: boolean
  locale?: Locale
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: 'start', demo: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === 'start' || a === 'migrate') args.command = a
    else if (a === 'demo' || a === '--demo') args.demo = true
    else if (a === '--locale' || a.startsWith('--locale=')) {
      const value = a.includes('=') ? a.split('=')[1] : argv[++i]
      if (value !== 'ru' && value !== 'en')
        throw new ConfigError([`--locale must be ru or en, not "${value}"`])
      args.locale = value
    } else throw new ConfigError([`unknown argument "${a}" (use: start | migrate, --demo, --locale ru|en)`])
  }
  return args
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const config = loadConfig()
  const database = openDatabase(config.database.kind === 'sqlite' ? config.database : { ...config.database })
  const print = (line: string) => process.stdout.write(`${line}\n`)

  const applied = await migrateToLatest(database.db)
  if (args.command === 'migrate') {
    print(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date')
    await database.close()
    return
  }
  await prepareDatabase(database.db)

  const app = await buildApp({ config, database })
  if (applied.length) app.log.info({ applied }, 'migrations applied')
  if (args.demo) {
    const locale = args.locale ?? config.defaultLocale
    const logins = await loadDemo(database.db, config, locale, {
      password: process.env.CRM_DEMO_PASSWORD,
      subjects: app.ctx.subjects,
    })
    if (logins) printDemoLogins(logins, print)
    else
      print(
        '  The database already has data: the demo company was not loaded (it goes only into an empty database).',
      )
  }
  await ensureFirstAdmin(database.db, config, app.log, print)

  const worker = new JobWorker(app.ctx.jobs, database, app.log)
  registerJobs(worker, app.ctx)

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    await app.close()
    if (config.jobsEnabled) await worker.stop()
    await database.close()
  })

  const address = await app.listen({ port: config.port, host: config.host })
  if (config.jobsEnabled) await worker.start()
  // Build the classification index now rather than on the first list request (seconds at a million clients).
  const started = Date.now()
  const store = classificationStore(app.ctx.db, database.kind)
  store.fresh().then(
    () => app.log.info({ ms: Date.now() - started, ...store.lastBuild }, 'classification index ready'),
    (err: unknown) => app.log.error({ err }, 'classification index failed to build'),
  )
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost')
  print(`MM CRM is running at ${url} (database: ${database.kind}; API docs: ${url}/api/docs)`)
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`)
    process.exit(2)
  }
  process.stderr.write(
    `MM CRM failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  )
  process.exit(1)
})
