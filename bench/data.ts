// `npm run bench:data -- --clients 1000000 [--seed 42] [--database <file> | --database-url postgres://…] [--reset]`
// Creates a database with the product's schema (its own migrations) and fills it with a deterministic
// data set for the classifier and search benchmarks: staff, 5 classifiers (202 nodes), N clients with 3–6
// direct memberships each, ≈ 1.3 phones per client, e-mails, ≈ 0.5 contact persons per organization with
// their phones and e-mails; the same seed gives the same rows and ids on SQLite and PostgreSQL. Without
// --database(-url) it writes bench/.data/clients-N.sqlite; a PostgreSQL database is created if missing.
// A database that already has users, clients or classifiers is refused unless --reset empties it first.
// Writes a description with the filters to benchmark (data/manifest.ts: readBenchData) next to it.
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { rebuildSearchIndex } from '../server/src/modules/search/index.ts'
import { hashPassword } from '../server/src/platform/auth/passwords.ts'
import { prepareDatabase } from '../server/src/platform/bootstrap.ts'
import { type DatabaseTarget, migrateToLatest, openDatabase } from '../server/src/platform/db/database.ts'
import { ExtrasGenerator } from './data/channels.ts'
import { chooseFilters } from './data/filters.ts'
import { ClientGenerator, CREATED_FROM } from './data/generate.ts'
import { type Loader, queryBuilder } from './data/loader.ts'
import { defaultSqliteFile, writeBenchData } from './data/manifest.ts'
import { emptyPgSchema, ensurePgDatabase, PgLoader } from './data/pg-loader.ts'
import { Rng } from './data/random.ts'
import { SqliteLoader } from './data/sqlite-loader.ts'
import { BENCH_ADMIN_EMAIL, BENCH_PASSWORD, buildClassifiers, buildStaff } from './data/structure.ts'
import { Tally } from './data/tally.ts'

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
    database: { type: 'string' },
    'database-url': { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
})
const clients = Number(args.clients)
const seed = Number(args.seed)
if (!Number.isInteger(clients) || clients < 1 || !Number.isInteger(seed)) {
  fail('--clients must be a positive integer and --seed an integer')
}
if (args.database && args['database-url']) fail('give --database or --database-url, not both')
const target: DatabaseTarget = args['database-url']
  ? { kind: 'postgres', url: args['database-url'] }
  : { kind: 'sqlite', file: args.database ?? defaultSqliteFile(clients) }
const where = target.kind === 'sqlite' ? target.file : target.url.replace(/\/\/[^@/]*@/, '//…@')

const started = performance.now()
let lastStep = started
const print = (line: string) => process.stdout.write(`${line}\n`)
const seconds = (ms: number) => (ms / 1000).toFixed(1)
const step = (label: string) => {
  const now = performance.now()
  print(`  ${label.padEnd(48)} ${seconds(now - lastStep).padStart(6)} s`)
  lastStep = now
}

print(`bench:data — ${clients.toLocaleString('en')} clients, seed ${seed} → ${target.kind} ${where}`)

// 1. An empty database with the product's schema.
if (target.kind === 'sqlite') {
  if (args.reset) for (const f of ['', '-wal', '-shm']) fs.rmSync(`${target.file}${f}`, { force: true })
} else {
  await ensurePgDatabase(target.url)
  if (args.reset) await emptyPgSchema(target.url)
}
const handle = openDatabase(target)
const roleIds = new Map<string, number>()
try {
  await migrateToLatest(handle.db)
  await prepareDatabase(handle.db)
  for (const table of ['users', 'clients', 'classifiers'] as const) {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(row.n) > 0) fail(`${where} already has ${table}: pass --reset to empty it first`)
  }
  for (const r of await handle.db.selectFrom('roles').select(['id', 'code']).execute())
    roleIds.set(r.code, r.id)
} finally {
  await handle.close()
}
step('schema (migrations, roles)')

// 2. Staff and classifiers: small, through typed queries on the loader's connection.
const rng = new Rng(seed)
const { classifiers, nodes } = buildClassifiers(rng)
const { teams, users } = buildStaff(rng)
const passwordHash = await hashPassword(BENCH_PASSWORD)
const loader: Loader =
  target.kind === 'sqlite' ? new SqliteLoader(target.file) : await PgLoader.open(target.url)
const q = queryBuilder(target.kind)
const at = new Date(CREATED_FROM - 30 * 86_400_000).toISOString()
await loader.begin()
await loader.run(
  q
    .insertInto('teams')
    .values(
      teams.map((t) => ({
        id: t.id,
        name: t.name,
        description: '',
        version: 1,
        created_at: at,
        updated_at: at,
      })),
    )
    .compile(),
)
await loader.run(
  q
    .insertInto('users')
    .values(
      users.map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        position: u.position,
        phone: '',
        search: u.search,
        password_hash: passwordHash,
        role_id: roleIds.get(u.roleCode) ?? fail(`role ${u.roleCode} is missing`),
        team_id: u.teamId,
        locale: 'ru',
        theme: 'system',
        time_zone: 'Europe/Moscow',
        is_active: 1,
        failed_logins: 0,
        password_changed_at: at,
        version: 1,
        created_at: at,
        updated_at: at,
      })),
    )
    .compile(),
)
for (const t of teams) {
  await loader.run(q.updateTable('teams').set({ head_id: t.headId }).where('id', '=', t.id).compile())
}
await loader.run(
  q
    .insertInto('classifiers')
    .values(
      classifiers.map((c) => ({
        id: c.id,
        name_ru: c.nameRu,
        name_en: c.nameEn,
        description: '',
        multiple: c.multiple ? 1 : 0,
        required: 0,
        position: c.position,
        version: 1,
        created_at: at,
        updated_at: at,
      })),
    )
    .compile(),
)
await loader.run(
  q
    .insertInto('classifier_nodes')
    .values(
      nodes.map((n) => ({
        id: n.id,
        classifier_id: n.classifierId,
        parent_id: n.parentId,
        name_ru: n.nameRu,
        name_en: n.nameEn,
        color: n.color,
        position: n.position,
        rank: n.rank,
        rule: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })),
    )
    .compile(),
)
step(`${teams.length} teams, ${users.length} users, ${classifiers.length} classifiers, ${nodes.length} nodes`)

// 3. Clients, memberships, channels and contact persons, generated while earlier batches are being
// written (PostgreSQL). Channels and contacts come from a stream of their own (seed-derived), so the
// clients and memberships of a seed stay what they were before channels existed.
const tally = new Tally(clients, nodes)
const SEARCH_SAMPLE_TEAM = 1
const extras = new ExtrasGenerator(new Rng(seed ^ 0x5bd1e995), clients, SEARCH_SAMPLE_TEAM)
const generator = new ClientGenerator(rng, clients, classifiers, users, tally, extras)
const loadStarted = performance.now()
const written = { clients: 0, memberships: 0, other: 0 }
const writtenRows = () => written.clients + written.memberships + written.other
let reported = 0
const report = () => {
  if (written.clients - reported < 100_000 && written.clients !== clients) return
  reported = written.clients
  const s = (performance.now() - loadStarted) / 1000
  print(
    `    ${written.clients.toLocaleString('en').padStart(11)} clients ${written.memberships.toLocaleString('en').padStart(11)} memberships ${written.other.toLocaleString('en').padStart(11)} contacts/links/channels  ${s.toFixed(1).padStart(6)} s  ${Math.round(writtenRows() / s).toLocaleString('en')} rows/s`,
  )
}
/** Lets the loader's connection work (answers, the next statement) between slices of generation. */
const breathe = () => new Promise((resolve) => setImmediate(resolve))
const SLICE = 2_500
const inFlight: Promise<void>[] = []
while (!generator.done) {
  const batch = generator.next(SLICE)
  while (batch.clients.rows < loader.batchClients && !generator.done) {
    await breathe()
    generator.next(SLICE, batch)
  }
  const writing = loader.write(batch).then(() => {
    written.clients += batch.clients.rows
    written.memberships += batch.client_classifications.rows
    written.other += batch.contacts.rows + batch.contact_links.rows + batch.contact_channels.rows
    report()
  })
  writing.catch(() => {}) // awaited below; this only keeps an early failure from counting as unhandled
  inFlight.push(writing)
  if (inFlight.length >= 2) await inFlight.shift()
  else await breathe()
}
await Promise.all(inFlight)
const loadMs = performance.now() - loadStarted
step(
  `clients, memberships, contacts, channels (${Math.round(writtenRows() / (loadMs / 1000)).toLocaleString('en')} rows/s)`,
)

// 4. Indexes, triggers, statistics; the search index: SQLite's FTS5 tables were not fed during the load
// (their triggers were off), PostgreSQL's GIN indexes were built again from their definitions by finish().
await loader.finish(step)
if (target.kind === 'sqlite') {
  const search = openDatabase(target)
  try {
    await rebuildSearchIndex(search.db, search.kind)
  } finally {
    await search.close()
  }
  step('search index (rebuildSearchIndex)')
}
const bytes = await loader.size()
await loader.close()
const samples = extras.finish()

// 5. The filters to benchmark, counted from what was generated.
const filters = chooseFilters(tally, classifiers)
const byKey = new Map(classifiers.map((c) => [c.key, c.id]))
const file = writeBenchData(target, {
  clients,
  seed,
  liveClients: tally.liveClients,
  memberships: tally.memberships,
  classifiers: classifiers.map((c) => ({
    id: c.id,
    name: c.nameEn,
    multiple: c.multiple,
    nodes: c.nodes.map((n) => n.id),
  })),
  filters,
  sort: [byKey.get('temperature')!, byKey.get('industry')!],
  login: { email: BENCH_ADMIN_EMAIL, password: BENCH_PASSWORD },
  search: {
    ...samples,
    manager: users.find((u) => u.id === teams.find((t) => t.id === SEARCH_SAMPLE_TEAM)!.headId)!.email,
    counts: extras.counts,
  },
  generatedAt: new Date().toISOString(),
})
step('filters')

const totalMs = performance.now() - started
const rows = writtenRows() + users.length + teams.length + classifiers.length + nodes.length
const nodeName = new Map(nodes.map((n) => [n.id, n.nameEn]))
print('')
for (const [breadth, f] of Object.entries(filters)) {
  print(
    `  filter ${breadth.padEnd(9)} ${nodeName.get(f.subtree)} ∧ (${f.anyOf.map((id) => nodeName.get(id)).join(' ∨ ')}): ${f.matches.toLocaleString('en')} live clients`,
  )
}
const n = (x: number) => x.toLocaleString('en')
print(
  `  rows       ${n(rows)} (${n(written.clients)} clients, ${n(written.memberships)} memberships, ${n(extras.counts.phones)} phones, ${n(extras.counts.emails)} e-mails, ${n(extras.counts.contacts)} contact persons, ${n(extras.counts.links)} links)`,
)
print(
  `  time       ${seconds(totalMs)} s in all, ${seconds(loadMs)} s loading: ${Math.round(rows / (totalMs / 1000)).toLocaleString('en')} rows/s overall`,
)
print(
  `  size       ${(bytes / 1024 / 1024).toFixed(1)} MB (${target.kind === 'sqlite' ? 'file' : 'database'})`,
)
print(`  described  ${file}`)

function fail(message: string): never {
  process.stderr.write(`bench:data: ${message}\n`)
  process.exit(2)
}
