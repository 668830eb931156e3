import { type Benchmark, type Figure, load, serve } from '../support.ts'

/** Authenticated `GET /api/me` (API token → user, role, permissions) against a bare Fastify route, same run. */
export const httpMe: Benchmark = {
  name: 'http-me',
  description: 'requests per second of an authenticated GET /api/me, as a ratio to a bare Fastify route',
  async run() {
    const bare = await serve('bare')
    const bareLoad = await (async () => {
      try {
        await load(`http://127.0.0.1:${bare.info.port}/hello`, {}, 2)
        return await load(`http://127.0.0.1:${bare.info.port}/hello`)
      } finally {
        await bare.stop()
      }
    })()
    const crm = await serve('crm')
    const headers = { authorization: `Bearer ${crm.info.token}` }
    const meLoad = await (async () => {
      try {
        await load(`http://127.0.0.1:${crm.info.port}/api/me`, headers, 2)
        return await load(`http://127.0.0.1:${crm.info.port}/api/me`, headers)
      } finally {
        await crm.stop()
      }
    })()
    const db = process.env.CRM_BENCH_DATABASE_URL ? 'postgres' : 'sqlite'
    const figures: Figure[] = [
      {
        benchmark: this.name,
        name: 'bare Fastify GET /hello',
        value: bareLoad.requestsPerSecond,
        unit: 'req/s',
        note: `p99 ${bareLoad.p99Ms} ms`,
      },
      {
        benchmark: this.name,
        name: `GET /api/me with an API token (${db})`,
        value: meLoad.requestsPerSecond,
        unit: 'req/s',
        note: `p50 ${meLoad.p50Ms} ms, p99 ${meLoad.p99Ms} ms, non-2xx ${meLoad.non2xx}`,
      },
      {
        benchmark: this.name,
        name: 'ratio /api/me ÷ bare route',
        value: Math.round((meLoad.requestsPerSecond / bareLoad.requestsPerSecond) * 1000) / 1000,
        unit: '×',
      },
    ]
    if (meLoad.non2xx > 0) throw new Error(`GET /api/me answered ${meLoad.non2xx} non-2xx responses`)
    return figures
  },
}
