// A server for benchmarks, in its own process so the load generator does not share its CPU.
// `bare`: a hello-world Fastify route. `crm`: the real app on a fresh database, with an employee and
// an API token. Prints one JSON line { port, token? } when listening.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { buildApp } from '../server/src/app.ts'
import { loadConfig } from '../server/src/config.ts'
import { createToken } from '../server/src/modules/account/index.ts'
import { classificationStore } from '../server/src/modules/classifiers/index.ts'
import { createUser, findRoleIdByCode } from '../server/src/modules/staff/index.ts'
import { prepareDatabase } from '../server/src/platform/bootstrap.ts'
import { type DatabaseTarget, migrateToLatest, openDatabase } from '../server/src/platform/db/database.ts'
import { SYSTEM_ACTOR } from '../server/src/platform/permissions/actor.ts'

const kind = process.argv[2]
if (kind === 'bare') {
  const app = Fastify({ logger: false })
  app.get('/hello', async () => ({ hello: 'world' }))
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  process.stdout.write(`${JSON.stringify({ port })}\n`)
} else if (kind === 'crm-data') {
  // The real app on a database made by `npm run bench:data`, signed in as its all-seeing employee;
  // answers once the classification index is built (its build figures come with the port).
  const target = JSON.parse(process.env.CRM_BENCH_TARGET ?? '') as DatabaseTarget
  const email = process.env.CRM_BENCH_LOGIN ?? ''
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-bench-'))
  const database = openDatabase(target)
  await migrateToLatest(database.db)
  const config = { ...loadConfig({ CRM_DATA_DIR: dir, CRM_LOG_LEVEL: 'silent' }), webDist: '/nonexistent' }
  const app = await buildApp({ config, database, logger: false })
  const user = await database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  const { token } = await createToken(
    database.db,
    { actor: { ...SYSTEM_ACTOR, kind: 'user', userId: user.id } },
    { name: `bench ${new Date().toISOString()}`, expiresInDays: 1 },
  )
  const store = classificationStore(database.db, database.kind)
  const started = performance.now()
  await store.fresh()
  const buildMs = Math.round(performance.now() - started)
  const rss = process.memoryUsage().rss
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  process.stdout.write(
    `${JSON.stringify({ port, token, build: { ...store.lastBuild, ms: buildMs, rss } })}\n`,
  )
  process.on('SIGTERM', async () => {
    await app.close()
    await database.close()
    fs.rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  })
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-bench-'))
  const pgUrl = process.env.CRM_BENCH_DATABASE_URL
  const database = openDatabase(
    pgUrl ? { kind: 'postgres', url: pgUrl } : { kind: 'sqlite', file: path.join(dir, 'crm.sqlite') },
  )
  await migrateToLatest(database.db)
  await prepareDatabase(database.db)
  const config = { ...loadConfig({ CRM_DATA_DIR: dir, CRM_LOG_LEVEL: 'silent' }), webDist: '/nonexistent' }
  const app = await buildApp({ config, database, logger: false })
  const roleId = (await findRoleIdByCode(database.db, 'sales_manager'))!
  const user = await createUser(
    database.db,
    { actor: SYSTEM_ACTOR },
    {
      email: `bench.${Date.now()}@example.com`,
      name: 'Bench',
      position: '',
      phone: '',
      password: 'Bench-Pass-123',
      roleId,
      teamId: null,
    },
    { locale: 'en', timeZone: 'Europe/Moscow' },
  )
  const { token } = await createToken(
    database.db,
    { actor: { ...SYSTEM_ACTOR, kind: 'user', userId: user.id } },
    { name: 'bench', expiresInDays: null },
  )
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  process.stdout.write(`${JSON.stringify({ port, token })}\n`)
  process.on('SIGTERM', async () => {
    await app.close()
    await database.close()
    fs.rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  })
}
