// Builds the web bundle when its sources changed since the last build (content hash in dist/.build-stamp).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const web = path.join(root, 'web')
const dist = path.join(web, 'dist')
const stampFile = path.join(dist, '.build-stamp')

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(p)
    else yield p
  }
}

export function webSourceHash() {
  const hash = createHash('sha256')
  const inputs = [path.join(web, 'src'), path.join(web, 'public')].filter((d) => fs.existsSync(d))
  const list = inputs.flatMap((d) => [...files(d)])
  for (const f of ['index.html', 'vite.config.ts', 'package.json', 'tsconfig.json']) {
    if (fs.existsSync(path.join(web, f))) list.push(path.join(web, f))
  }
  const lock = path.join(root, 'package-lock.json')
  if (fs.existsSync(lock)) list.push(lock)
  // the API types the client is compiled against
  list.push(path.join(root, 'server', 'src', 'api-types.ts'))
  for (const f of list.sort()) {
    hash.update(path.relative(root, f))
    hash.update(fs.readFileSync(f))
  }
  return hash.digest('hex')
}

/** Returns true when a build ran. */
export function ensureWebBuilt({ quiet = false } = {}) {
  const want = webSourceHash()
  const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : ''
  if (have === want && fs.existsSync(path.join(dist, 'index.html'))) return false
  if (!quiet) process.stdout.write('Building the web app (first start or changed sources)…\n')
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', quiet ? 'error' : 'warn'], {
    cwd: web,
    stdio: 'inherit',
  })
  if (r.status !== 0) {
    process.stderr.write('The web app failed to build.\n')
    process.exit(r.status ?? 1)
  }
  fs.writeFileSync(stampFile, `${want}\n`)
  return true
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureWebBuilt()
