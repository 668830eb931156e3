// `npm run bench [-- --only name]`: runs the benchmarks and prints their figures; results also go to
// bench/results/latest.json. Later issues add their benchmarks to the list below.
import fs from 'node:fs'
import path from 'node:path'
import { classifierList } from './benchmarks/classifier-list.ts'
import { httpMe } from './benchmarks/http-me.ts'
import { importBench } from './benchmarks/import.ts'
import { remindersBench } from './benchmarks/reminders.ts'
import { search } from './benchmarks/search.ts'
import type { Benchmark, Figure } from './support.ts'

const BENCHMARKS: Benchmark[] = [httpMe, classifierList, search, importBench, remindersBench]

const onlyIndex = process.argv.indexOf('--only')
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined
const chosen = BENCHMARKS.filter((b) => !only || b.name === only)
if (!chosen.length) {
  process.stderr.write(`no benchmark named "${only}"; known: ${BENCHMARKS.map((b) => b.name).join(', ')}\n`)
  process.exit(2)
}

const figures: Figure[] = []
for (const b of chosen) {
  process.stdout.write(`\n▶ ${b.name}: ${b.description}\n`)
  const got = await b.run()
  for (const f of got)
    process.stdout.write(
      `  ${f.name.padEnd(44)} ${String(f.value).padStart(10)} ${f.unit}${f.note ? `   (${f.note})` : ''}\n`,
    )
  figures.push(...got)
}
const dir = path.join(import.meta.dirname, 'results')
fs.mkdirSync(dir, { recursive: true })
fs.writeFileSync(
  path.join(dir, 'latest.json'),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2),
)
