/**
 * The real server as a child process (`server/src/main.ts` under tsx, as `scripts/start.mjs` runs it), for
 * tests that kill it: crash and fault tests of imports and reminders.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { TestDatabase } from './test-database.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')

export interface ServerProcess {
  child: ChildProcess
  /** Resolves with the address once the server says it runs (its worker has started by then). */
  ready: Promise<string>
  output(): string
}

/** Starts the server on a port of its choosing; `env` adds to (or overrides) a quiet production setup. */
export function spawnServer(env: Record<string, string>): ServerProcess {
  let log = ''
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'src', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      TZ: 'UTC',
      PORT: '0',
      HOST: '127.0.0.1',
      CRM_LOG_LEVEL: 'warn',
      CRM_WEB_DIST: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${log}`)), 60_000)
    child.stdout!.on('data', (d) => {
      log += String(d)
      const m = /running at (http:\/\/[^\s]+)/.exec(log)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.stderr!.on('data', (d) => {
      log += String(d)
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code ?? signal}):\n${log}`))
    })
  })
  ready.catch(() => undefined)
  return { child, ready, output: () => log }
}

/** Stops it with the signal (SIGKILL: a crash) and waits until it is gone. */
export function stopServer(server: ServerProcess | undefined, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  const child = server?.child
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill(signal)
  return exited
}

/** The environment that points a server process at a test database (and a folder for its files). */
export function serverEnv(tdb: TestDatabase, dir: string): Record<string, string> {
  // The server opens `<CRM_DATA_DIR>/crm.sqlite`: the test database's file must be that one.
  if (tdb.target.kind === 'sqlite' && path.basename(tdb.target.file) !== 'crm.sqlite')
    throw new Error(`unexpected SQLite file name ${tdb.target.file}`)
  fs.mkdirSync(dir, { recursive: true })
  const env: Record<string, string> =
    tdb.target.kind === 'sqlite'
      ? { DATABASE_URL: '', CRM_DATA_DIR: path.dirname(tdb.target.file) }
      : { DATABASE_URL: tdb.target.url, CRM_DATA_DIR: dir }
  env.CRM_FILES_DIR = path.join(dir, 'files')
  return env
}
