import fs from 'node:fs'
import { createToken } from '../../server/src/modules/account/index.ts'
import { rebuildSearchIndex } from '../../server/src/modules/search/index.ts'
import { type DatabaseTarget, migrateToLatest, openDatabase } from '../../server/src/platform/db/database.ts'
import { SYSTEM_ACTOR } from '../../server/src/platform/permissions/actor.ts'
import { type BenchData, benchDataPath, defaultSqliteFile } from '../data/manifest.ts'
import { type Benchmark, type Figure, serve } from '../support.ts'

const CLIENTS = Number(process.env.CRM_BENCH_CLIENTS ?? 1_000_000)
const PG_URL = process.env.CRM_BENCH_SEARCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mmcrm_bench'
const RUNS = Number(process.env.CRM_BENCH_SEARCH_RUNS ?? 50)
/** The acceptance bar of global search at a million clients. */
const TARGET = { p50: 10, p95: 50 }
const round = (x: number) => Math.round(x * 100) / 100

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!
  return { p50: round(at(0.5)), p95: round(at(0.95)) }
}

type Samples = NonNullable<BenchData['search']>

/**
 * Fills the search index of a bench database (loaded with triggers off): migration 0005 when it has not run
 * yet (it fills the index from the rows), otherwise a full rebuild. Only the index is written, and an API
 * token for the manager the benchmark searches as.
 */
async function prepare(
  target: DatabaseTarget,
  manager: string,
): Promise<{ ms: number; how: string; managerToken: string }> {
  const handle = openDatabase(target)
  try {
    const t0 = performance.now()
    const applied = await migrateToLatest(handle.db)
    let how = 'migration 0005'
    if (!applied.includes('0005-search')) {
      await rebuildSearchIndex(handle.db, handle.kind)
      how = 'rebuildSearchIndex'
    }
    const ms = Math.round(performance.now() - t0)
    const user = await handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', manager)
      .executeTakeFirstOrThrow()
    const { token } = await createToken(
      handle.db,
      { actor: { ...SYSTEM_ACTOR, kind: 'user', userId: user.id } },
      { name: `bench search ${new Date().toISOString()}`, expiresInDays: 1 },
    )
    return { ms, how, managerToken: token }
  } finally {
    await handle.close()
  }
}

/** What is searched: a label, the entry, and what it stands for. */
function queries(s: Samples): Array<[name: string, q: string]> {
  const org = s.organization!
  const p = org.phone // 7XXXXXXXXXX
  const national = p.slice(1)
  return [
    ['common word (иван*: Иван, Иванов, Иванович…)', 'иван'],
    ['common word prefix (север*)', 'север'],
    ['legal form only (ооо: 28% of clients)', 'ооо'],
    ['two words', 'галкин андр'],
    [`rare word (${s.rareWord?.clients ?? '?'} clients)`, s.rareWord?.word ?? 'цой'],
    ['2-letter prefix', 'ро'],
    ['ИНН', org.inn],
    ['ИНН beginning (6 digits)', org.inn.slice(0, 6)],
    ['ОГРН', org.ogrn],
    [
      'phone +7 ddd ddd-dd-dd',
      `+7 ${national.slice(0, 3)} ${national.slice(3, 6)}-${national.slice(6, 8)}-${national.slice(8)}`,
    ],
    [
      'phone 8 (ddd) ddd-dd-dd',
      `8 (${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6, 8)}-${national.slice(8)}`,
    ],
    ['phone 8ddddddddd', `8${national}`],
    ['phone 10 digits', national],
    ['phone part, 5 digits', p.slice(5, 10)],
    ['phone part, last 4 digits', p.slice(7)],
    ['e-mail', org.email],
    ['e-mail part (domain)', org.domain],
    ['e-mail part (yandex)', 'yandex'],
    [
      `contact person's surname (${s.contactSurname?.contacts ?? '?'} contacts)`,
      s.contactSurname?.word ?? 'цой',
    ],
  ]
}

async function measure(target: DatabaseTarget, label: string, benchmark: string): Promise<Figure[]> {
  const data = JSON.parse(fs.readFileSync(benchDataPath(target), 'utf8')) as BenchData
  if (!data.search?.organization) {
    throw new Error(
      `${benchDataPath(target)} has no search samples: generate the data again (npm run bench:data)`,
    )
  }
  const figures: Figure[] = []
  const ready = await prepare(target, data.search.manager)
  figures.push({
    benchmark,
    name: `${label}: index fill`,
    value: ready.ms,
    unit: 'ms',
    note: `${ready.how}, ${data.clients.toLocaleString('en')} clients, ${data.search.counts.phones.toLocaleString('en')} phones, ${data.search.counts.emails.toLocaleString('en')} e-mails, ${data.search.counts.contacts.toLocaleString('en')} contact persons`,
  })
  const server = await serve('crm-data', {
    CRM_BENCH_TARGET: JSON.stringify(target),
    CRM_BENCH_LOGIN: data.login.email,
  })
  const over: string[] = []
  try {
    const base = `http://127.0.0.1:${server.info.port}`
    const who: Array<[string, string]> = [
      ['admin', server.info.token!],
      [
        `team head (sees ${Math.round((100 * data.search.teamClients) / data.liveClients)}% of clients)`,
        ready.managerToken,
      ],
    ]
    for (const [role, token] of who) {
      const headers = { authorization: `Bearer ${token}` }
      const time = async (url: string) => {
        let found = 0
        for (let i = 0; i < 3; i++) await fetch(url, { headers }).then((r) => r.arrayBuffer())
        const samples: number[] = []
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now()
          const res = await fetch(url, { headers })
          const body = (await res.json()) as { groups: Record<string, unknown[]> }
          samples.push(performance.now() - t0)
          if (res.status !== 200) throw new Error(`${url}: ${res.status}`)
          found = Object.values(body.groups ?? {}).reduce((n, g) => n + g.length, 0)
        }
        return { ...stats(samples), found }
      }
      const floor = await time(`${base}/api/me`)
      figures.push({
        benchmark,
        name: `${label}, ${role}: floor GET /api/me p50`,
        value: floor.p50,
        unit: 'ms',
        note: `p95 ${floor.p95} ms`,
      })
      for (const [name, q] of queries(data.search)) {
        const s = await time(`${base}/api/search?q=${encodeURIComponent(q)}&limit=8`)
        const miss = s.p50 > TARGET.p50 || s.p95 > TARGET.p95
        if (miss) over.push(`${label}, ${role}: ${name}`)
        figures.push({
          benchmark,
          name: `${label}, ${role}: ${name} p50`,
          value: s.p50,
          unit: 'ms',
          note: `q=${JSON.stringify(q)}, p95 ${s.p95} ms, ${s.found} shown${miss ? ', OVER TARGET' : ''}`,
        })
      }
    }
  } finally {
    await server.stop()
  }
  if (over.length)
    process.stdout.write(
      `  over the target (p50 ≤ ${TARGET.p50} ms, p95 ≤ ${TARGET.p95} ms): ${over.join('; ')}\n`,
    )
  return figures
}

/** Global search (issue [04]) at a million clients: GET /api/search for typical entries, p50 and p95. */
export const search: Benchmark = {
  name: 'search',
  description: `global search at ${CLIENTS.toLocaleString('en')} clients (npm run bench:data first)`,
  async run() {
    const figures: Figure[] = []
    const sqlite: DatabaseTarget = {
      kind: 'sqlite',
      file: process.env.CRM_BENCH_SQLITE_FILE ?? defaultSqliteFile(CLIENTS),
    }
    const pg: DatabaseTarget = { kind: 'postgres', url: PG_URL }
    const only = process.env.CRM_BENCH_SEARCH_ONLY // 'sqlite' or 'postgres': one database
    for (const [target, label] of [
      [sqlite, 'SQLite'],
      [pg, 'PostgreSQL'],
    ] as const) {
      if (only && only !== target.kind) continue
      if (!fs.existsSync(benchDataPath(target))) {
        process.stdout.write(`  (skipped ${label}: no data — run npm run bench:data)\n`)
        continue
      }
      figures.push(...(await measure(target, label, this.name)))
    }
    return figures
  },
}
