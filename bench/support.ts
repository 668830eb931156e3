import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import autocannon from 'autocannon'

export interface Figure {
  benchmark: string
  name: string
  value: number
  unit: string
  note?: string
}

export interface Benchmark {
  name: string
  description: string
  run(): Promise<Figure[]>
}

export interface ServedProcess {
  info: { port: number; token?: string; build?: Record<string, number> }
  stop(): Promise<void>
}

/** Starts `bench/serve.ts <kind>` in a child process and waits for its { port } line. */
export async function serve(
  kind: 'bare' | 'crm' | 'crm-data',
  env: Record<string, string> = {},
): Promise<ServedProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'serve.ts'), kind],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env, TZ: 'UTC' },
    },
  )
  const rl = readline.createInterface({ input: child.stdout! })
  const info = await new Promise<ServedProcess['info']>((resolve, reject) => {
    rl.once('line', (line) => resolve(JSON.parse(line)))
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  return {
    info,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}

export interface LoadResult {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  non2xx: number
}

/** A bounded load on 127.0.0.1: `connections` keep-alive connections for `seconds`. */
export async function load(
  url: string,
  headers: Record<string, string> = {},
  seconds = 8,
  connections = 32,
): Promise<LoadResult> {
  const r = await autocannon({ url, headers, duration: seconds, connections, pipelining: 1 })
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
  }
}
