// The description of a generated database that benchmarks read: its size, classifiers, the filters to
// run and the sort. Written by `npm run bench:data` next to the database.
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseTarget } from '../../server/src/platform/db/database.ts'
import type { SearchSamples } from './channels.ts'
import type { BenchFilter, FilterBreadth } from './filters.ts'

export const DATA_DIR = path.join(import.meta.dirname, '..', '.data')

export interface BenchData {
  clients: number
  seed: number
  /** Clients not in the trash. */
  liveClients: number
  memberships: number
  /** Every classifier with its node ids in rank order. */
  classifiers: Array<{ id: number; name: string; multiple: boolean; nodes: number[] }>
  /** Filters of three breadths; `matches` = live clients matching. */
  filters: Record<FilterBreadth, BenchFilter>
  /** Classifier ids to sort by, in order (then by name). */
  sort: [number, number]
  /** A user who sees every client, to sign in as. */
  login: { email: string; password: string }
  /** What the search benchmark looks up, and a head of sales (team visibility) to search as. */
  search?: SearchSamples & {
    manager: string
    counts: { contacts: number; links: number; phones: number; emails: number }
  }
  generatedAt: string
}

/** The default SQLite file for `clients` clients. */
export function defaultSqliteFile(clients: number): string {
  return path.join(DATA_DIR, `clients-${clients}.sqlite`)
}

/** Where the description of a database lives: beside a SQLite file; under bench/.data for PostgreSQL. */
export function benchDataPath(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return `${target.file}.bench.json`
  const name = decodeURIComponent(new URL(target.url).pathname.replace(/^\//, '')) || 'postgres'
  return path.join(DATA_DIR, `postgres-${name}.bench.json`)
}

export function writeBenchData(target: DatabaseTarget, data: BenchData): string {
  const file = benchDataPath(target)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`)
  return file
}

/** The description written by `npm run bench:data` for this database; throws when there is none. */
export function readBenchData(target: DatabaseTarget): BenchData {
  const file = benchDataPath(target)
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: generate the database first (npm run bench:data -- --clients N …)`)
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as BenchData
}
