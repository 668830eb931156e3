import fs from 'node:fs'
import { type Kysely, sql } from 'kysely'
import { classificationStore } from '../../server/src/modules/classifiers/index.ts'
import { clientFacets, listClientsFor } from '../../server/src/modules/clients/clients.list.ts'
import { clientListQuery } from '../../server/src/modules/clients/clients.schemas.ts'
import { loadActor } from '../../server/src/platform/auth/auth.repository.ts'
import { type DatabaseTarget, openDatabase } from '../../server/src/platform/db/database.ts'
import type { Database } from '../../server/src/platform/db/schema.ts'
import { type BenchData, benchDataPath, defaultSqliteFile } from '../data/manifest.ts'
import { type Benchmark, type Figure, serve } from '../support.ts'

const CLIENTS = Number(process.env.CRM_BENCH_CLIENTS ?? 1_000_000)
const PG_URL =
  process.env.CRM_BENCH_CLASSIFIER_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mmcrm_bench'
const API_RUNS = 30
const RAW_RUNS = 3
const BREADTHS = ['narrow', 'middling', 'broad'] as const

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!
  return { median: round(at(0.5)), p95: round(at(0.95)) }
}
const round = (x: number) => Math.round(x * 100) / 100

async function time(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    out.push(performance.now() - t0)
  }
  return out
}

/** The best plain-SQL answers for the same screen, to compare with (the faster of two formulations). */
function rawQueries(data: BenchData, subtrees: Map<number, number[]>, breadth: (typeof BREADTHS)[number]) {
  const f = data.filters[breadth]
  const a = subtrees.get(f.subtree)!
  const xy = [...new Set([...subtrees.get(f.anyOf[0])!, ...subtrees.get(f.anyOf[1])!])]
  const list = (ids: number[]) => sql.join(ids.map((id) => sql.lit(id)))
  const exists = sql`c.deleted_at is null
    and exists (select 1 from client_classifications cc where cc.client_id = c.id and cc.node_id in (${list(a)}))
    and exists (select 1 from client_classifications cc where cc.client_id = c.id and cc.node_id in (${list(xy)}))`
  const inSub = sql`c.deleted_at is null
    and c.id in (select cc.client_id from client_classifications cc where cc.node_id in (${list(a)}))
    and c.id in (select cc.client_id from client_classifications cc where cc.node_id in (${list(xy)}))`
  const [sa, sb] = data.sort
  const rank = (classifier: number) =>
    sql`(select min(n.rank) from client_classifications cc join classifier_nodes n on n.id = cc.node_id
         where cc.client_id = c.id and cc.classifier_id = ${sql.lit(classifier)})`
  const page = (cond: typeof exists) =>
    sql`select c.id, c.name from clients c where ${cond}
        order by ${rank(sa)} nulls last, ${rank(sb)} nulls last, c.name, c.id limit 50`
  const count = (cond: typeof exists) => sql`select count(*) as n from clients c where ${cond}`
  const pairs: string[] = []
  for (const [node, sub] of subtrees) for (const d of sub) pairs.push(`(${d}, ${node})`)
  const facets = (cond: typeof exists) =>
    sql`with anc(node_id, ancestor) as (values ${sql.raw(pairs.join(', '))}),
             m as (select c.id from clients c where ${cond})
        select anc.ancestor, count(distinct cc.client_id) as n
        from client_classifications cc join m on m.id = cc.client_id join anc on anc.node_id = cc.node_id
        group by anc.ancestor`
  // Matches first (materialized), then their memberships by primary key: the better plan for narrow filters.
  const facetsFromMatches = (cond: typeof exists) =>
    sql`with anc(node_id, ancestor) as (values ${sql.raw(pairs.join(', '))}),
             m as materialized (select c.id from clients c where ${cond})
        select anc.ancestor, count(distinct cc.client_id) as n
        from m join client_classifications cc on cc.client_id = m.id join anc on anc.node_id = cc.node_id
        group by anc.ancestor`
  return {
    page: [page(exists), page(inSub)],
    count: [count(exists), count(inSub)],
    facets: [facets(exists), facets(inSub), facetsFromMatches(exists), facetsFromMatches(inSub)],
  }
}

async function subtreesOf(db: Kysely<Database>): Promise<Map<number, number[]>> {
  const nodes = await db.selectFrom('classifier_nodes').select(['id', 'parent_id']).execute()
  const children = new Map<number, number[]>()
  for (const n of nodes)
    if (n.parent_id !== null) children.set(n.parent_id, [...(children.get(n.parent_id) ?? []), n.id])
  const out = new Map<number, number[]>()
  for (const n of nodes) {
    const sub: number[] = []
    const stack = [n.id]
    while (stack.length) {
      const id = stack.pop()!
      sub.push(id)
      stack.push(...(children.get(id) ?? []))
    }
    out.set(n.id, sub)
  }
  return out
}

async function measure(target: DatabaseTarget, label: string, benchmark: string): Promise<Figure[]> {
  const data = JSON.parse(fs.readFileSync(benchDataPath(target), 'utf8')) as BenchData
  const figures: Figure[] = []
  const fig = (name: string, value: number, unit: string, note?: string) =>
    figures.push({ benchmark, name: `${label}: ${name}`, value, unit, note })
  const server = await serve('crm-data', {
    CRM_BENCH_TARGET: JSON.stringify(target),
    CRM_BENCH_LOGIN: data.login.email,
  })
  const raw = openDatabase(target)
  try {
    const build = server.info.build ?? {}
    fig(
      'index build at start-up',
      Number(build.ms),
      'ms',
      `${data.clients.toLocaleString('en')} clients, ${Number(build.memberships).toLocaleString('en')} memberships`,
    )
    fig(
      'index size',
      round(Number(build.bytes) / 1e6),
      'MB',
      `server RSS ${round(Number(build.rss) / 1e6)} MB`,
    )
    const headers = { authorization: `Bearer ${server.info.token}` }
    const base = `http://127.0.0.1:${server.info.port}`
    const get = async (path: string) => {
      // A kept-alive connection may have been closed by the server while raw SQL ran for a while: retry once.
      const res = await fetch(`${base}${path}`, { headers }).catch(() => fetch(`${base}${path}`, { headers }))
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
      return res.json() as Promise<{ total: number }>
    }
    // The floor of any authenticated request here (HTTP, token check, JSON): what the API adds to a query.
    const floor = stats(await time(() => get('/api/me'), API_RUNS * 2, 5))
    fig('floor: authenticated GET /api/me, p50', floor.median, 'ms', `p95 ${floor.p95} ms`)
    // The same service functions in this process: the query time without HTTP.
    const store = classificationStore(raw.db, raw.kind)
    await store.fresh()
    const user = await raw.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', data.login.email)
      .executeTakeFirstOrThrow()
    const actor = (await loadActor(raw.db, user.id))!
    const subtrees = await subtreesOf(raw.db)
    const sort = `class:${data.sort[0]},class:${data.sort[1]},name`
    for (const breadth of BREADTHS) {
      const f = data.filters[breadth]
      const classIn = [f.subtree, ...f.anyOf].join(',')
      const pagePath = `/api/clients?classIn=${classIn}&sort=${sort}&pageSize=50`
      const facetsPath = `/api/clients/facets?classIn=${classIn}`
      const got = await get(pagePath)
      if (got.total !== f.matches)
        throw new Error(`${breadth}: the API counts ${got.total}, the generator ${f.matches}`)
      const apiPage = stats(await time(() => get(pagePath), API_RUNS))
      const apiFacets = stats(await time(() => get(facetsPath), API_RUNS))
      const q = clientListQuery.parse({ classIn, sort, pageSize: '50' })
      const svcPage = stats(await time(() => listClientsFor(raw.db, raw.kind, actor, q), API_RUNS))
      const svcFacets = stats(await time(() => clientFacets(raw.db, raw.kind, actor, { classIn }), API_RUNS))
      const rq = rawQueries(data, subtrees, breadth)
      const best = async (variants: ReturnType<typeof sql>[]) => {
        let chosen = variants[0]!
        let fastest = Number.POSITIVE_INFINITY
        for (const v of variants) {
          const t0 = performance.now()
          await v.execute(raw.db)
          const ms = performance.now() - t0
          if (ms < fastest) {
            fastest = ms
            chosen = v
          }
        }
        return stats(await time(() => chosen.execute(raw.db), RAW_RUNS, 0))
      }
      const rawPage = await best(rq.page)
      const rawCount = await best(rq.count)
      const rawFacets = await best(rq.facets)
      process.stdout.write(`    ${label} ${breadth}: measured\n`)
      const note = `${f.matches.toLocaleString('en')} matches`
      fig(`${breadth} page of 50 + total, API p50`, apiPage.median, 'ms', `p95 ${apiPage.p95} ms; ${note}`)
      fig(
        `${breadth} facet counts, API p50`,
        apiFacets.median,
        'ms',
        `p95 ${apiFacets.p95} ms; ${f.matches > 0 ? note : ''}`,
      )
      fig(
        `${breadth} page: API ÷ in-process service`,
        round(apiPage.median / svcPage.median),
        '×',
        `service p50 ${svcPage.median} ms`,
      )
      fig(
        `${breadth} facets: API ÷ in-process service`,
        round(apiFacets.median / svcFacets.median),
        '×',
        `service p50 ${svcFacets.median} ms`,
      )
      fig(
        `${breadth} page: API ÷ best raw SQL page + count`,
        round(apiPage.median / (rawPage.median + rawCount.median)),
        '×',
        `raw page ${rawPage.median} ms, raw count ${rawCount.median} ms`,
      )
      fig(
        `${breadth} facets: API ÷ best raw SQL`,
        round(apiFacets.median / rawFacets.median),
        '×',
        `raw facets ${rawFacets.median} ms`,
      )
    }
  } finally {
    await server.stop()
    await raw.close()
  }
  return figures
}

/**
 * The classifier list at a million clients (issue [03]): the first page of 50 under a filter of two trees
 * (a subtree in one, two nodes in another) sorted by two classifier orders then name, its total, and the
 * facet counts of every node — for a narrow, a middling and a broad filter, on SQLite and PostgreSQL,
 * through the API, in-process, and against the best plain SQL for the same answer.
 */
export const classifierList: Benchmark = {
  name: 'classifier-list',
  description: `classifier filters, sort and facet counts at ${CLIENTS.toLocaleString('en')} clients (npm run bench:data first)`,
  async run() {
    const figures: Figure[] = []
    const sqlite: DatabaseTarget = {
      kind: 'sqlite',
      file: process.env.CRM_BENCH_SQLITE_FILE ?? defaultSqliteFile(CLIENTS),
    }
    const pg: DatabaseTarget = { kind: 'postgres', url: PG_URL }
    let ran = 0
    for (const [target, label] of [
      [sqlite, 'SQLite'],
      [pg, 'PostgreSQL'],
    ] as const) {
      if (!fs.existsSync(benchDataPath(target))) {
        process.stdout.write(
          `  (skipped ${label}: no data — run npm run bench:data -- --clients ${CLIENTS}${target.kind === 'postgres' ? ` --database-url ${PG_URL}` : ''})\n`,
        )
        continue
      }
      figures.push(...(await measure(target, label, this.name)))
      ran++
    }
    if (!ran) throw new Error(`no benchmark data: run npm run bench:data -- --clients ${CLIENTS}`)
    return figures
  },
}
