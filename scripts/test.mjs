// `npm test`: type checks, lint, unit + API tests on SQLite, the same on PostgreSQL when
// CRM_TEST_DATABASE_URL is set, and browser tests when a Chromium is found. Prints what it skipped.
// CRM_TEST_REQUIRE_ALL=1 (set by CI) turns every skip into a failure.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureWebBuilt } from './web-build.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file)
const results = []
const skipped = []

function run(title, args, env = {}) {
  process.stdout.write(`\n▶ ${title}\n`)
  const started = Date.now()
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC', ...env },
  })
  const ok = r.status === 0
  results.push({ title, ok, seconds: Math.round((Date.now() - started) / 100) / 10 })
  return ok
}

const tsc = bin('typescript', 'bin/tsc')
const vitest = bin('vitest', 'vitest.mjs')
for (const project of ['server', 'web', 'e2e', 'bench']) {
  if (fs.existsSync(path.join(root, project, 'tsconfig.json')))
    run(`type check: ${project}`, [tsc, '-p', project])
}
run('lint (biome)', [bin('@biomejs/biome', 'bin/biome'), 'check', '.'])
run('module rules (dependency-cruiser)', [
  bin('dependency-cruiser', 'bin/dependency-cruise.mjs'),
  'server/src',
  'web/src',
  '--config',
  '.dependency-cruiser.cjs',
])
run('unit and API tests on SQLite', [vitest, 'run'], { CRM_TEST_DIALECT: 'sqlite' })

const pgUrl = process.env.CRM_TEST_DATABASE_URL
if (pgUrl) {
  run('API tests on PostgreSQL', [vitest, 'run', 'server'], { CRM_TEST_DIALECT: 'postgres' })
} else {
  skipped.push(
    'API tests on PostgreSQL: CRM_TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
  )
}

const chromium = process.env.CRM_CHROMIUM_PATH || '/usr/bin/chromium'
if (fs.existsSync(chromium)) {
  ensureWebBuilt({ quiet: true })
  run('browser tests (Chromium)', [vitest, 'run', '--config', 'e2e/vitest.config.ts'], {
    CRM_CHROMIUM_PATH: chromium,
  })
} else {
  skipped.push(
    `browser tests: no Chromium at ${chromium} (install it: apt-get install -y chromium, or set CRM_CHROMIUM_PATH)`,
  )
}

process.stdout.write('\n── summary ──────────────────────────────\n')
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.title} (${r.seconds} s)\n`)
for (const s of skipped) process.stdout.write(`SKIPPED  ${s}\n`)
const failed = results.filter((r) => !r.ok).length
const strict = process.env.CRM_TEST_REQUIRE_ALL === '1'
if (strict && skipped.length)
  process.stdout.write('CRM_TEST_REQUIRE_ALL=1: skipped suites count as failures.\n')
process.exit(failed || (strict && skipped.length) ? 1 : 0)
