import fs from 'node:fs'
import { sql } from 'kysely'
import { rebuildSearchIndex } from '../../server/src/modules/search/index.ts'
import { type DatabaseTarget, migrateToLatest, openDatabase } from '../../server/src/platform/db/database.ts'
import { type BenchData, benchDataPath, defaultSqliteFile } from '../data/manifest.ts'
import { type Benchmark, type Figure, serve } from '../support.ts'

const CLIENTS = Number(process.env.CRM_BENCH_CLIENTS ?? 1_000_000)
const PG_URL = process.env.CRM_BENCH_SEARCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mmcrm_bench'
const RUNS = 50
const round = (x: number) => Math.round(x * 100) / 100

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!
  return { p50: round(at(0.5)), p95: round(at(0.95)) }
}

/**
 * Fills the search index of a bench database (loaded with triggers off): migration 0005 when it has not run
 * yet (it fills the index from the rows), otherwise a full rebuild. Only the index is written.
 */
async function prepare(
  target: DatabaseTarget,
): Promise<{ ms: number; how: string; inn: string; email: string }> {
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
    const inn = await sql<{
      inn: string
    }>`select inn from clients where inn is not null and deleted_at is null
      order by id limit 1 offset 54321`.execute(handle.db)
    const email = await sql<{
      normalized: string
    }>`select normalized from contact_channels where type = 'email'
      limit 1`.execute(handle.db)
    return {
      ms,
      how,
      inn: inn.rows[0]?.inn ?? '7700000000',
      email: email.rows[0]?.normalized ?? 'info@example.ru',
    }
  } finally {
    await handle.close()
  }
}

async function measure(target: DatabaseTarget, label: string, benchmark: string): Promise<Figure[]> {
  const data = JSON.parse(fs.readFileSync(benchDataPath(target), 'utf8')) as BenchData
  const figures: Figure[] = []
  const ready = await prepare(target)
  figures.push({
    benchmark,
    name: `${label}: index fill`,
    value: ready.ms,
    unit: 'ms',
    note: `${ready.how}, ${data.clients.toLocaleString('en')} clients`,
  })
  const server = await serve('crm-data', {
    CRM_BENCH_TARGET: JSON.stringify(target),
    CRM_BENCH_LOGIN: data.login.email,
  })
  try {
    const headers = { authorization: `Bearer ${server.info.token}` }
    const base = `http://127.0.0.1:${server.info.port}`
    const queries: Array<[string, string]> = [
      ['common word prefix', 'север'],
      ['common first name', 'иван'],
      ['two words', 'галкин андр'],
      ['rare word', 'цой'],
      ['2-letter prefix', 'ро'],
      ['ИНН', ready.inn],
      ['ИНН beginning', ready.inn.slice(0, 6)],
      ['phone fragment', '916 12'],
      ['e-mail part', ready.email.slice(0, 8)],
    ]
    for (const [name, q] of queries) {
      const url = `${base}/api/search?q=${encodeURIComponent(q)}&limit=8`
      let found = 0
      for (let i = 0; i < 3; i++) await fetch(url, { headers })
      const samples: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now()
        const res = await fetch(url, { headers })
        const body = (await res.json()) as { groups: Record<string, unknown[]> }
        samples.push(performance.now() - t0)
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`)
        found = Object.values(body.groups).reduce((n, g) => n + g.length, 0)
      }
      const s = stats(samples)
      figures.push({
        benchmark,
        name: `${label}: ${name} p50`,
        value: s.p50,
        unit: 'ms',
        note: `q=${JSON.stringify(q)}, p95 ${s.p95} ms, ${found} shown`,
      })
    }
  } finally {
    await server.stop()
  }
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
    for (const [target, label] of [
      [sqlite, 'SQLite'],
      [pg, 'PostgreSQL'],
    ] as const) {
      if (!fs.existsSync(benchDataPath(target))) {
        process.stdout.write(`  (skipped ${label}: no data — run npm run bench:data)\n`)
        continue
      }
      figures.push(...(await measure(target, label, this.name)))
    }
    return figures
  },
}
