import { PassThrough } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../auth/auth.plugin.ts'
import { AppError } from '../errors/app-error.ts'
import { errorResponses } from '../http/request.ts'

/** A comment line keeps proxies (and the browser) from taking a quiet stream for a dead one. */
const HEARTBEAT_MS = 25_000
/** Streams end after about half an hour: the browser reconnects (signing in again, maybe to another instance). */
const MAX_LIFETIME_MS = 30 * 60_000
/** How long the browser waits before reconnecting (the SSE `retry:` field). */
const RETRY_MS = 3000
/** A page that reads nothing while events pile up is disconnected; it refetches when it reconnects. */
const MAX_BUFFERED_BYTES = 1 << 20

/** One server-sent event. JSON never contains a raw line break, so `data` is always one line. */
export function sseFrame(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data ?? null)}\n\n`
}

const eventStream = {
  description:
    '`text/event-stream` of the events for the signed-in employee. First `event: ready`; then events such as ' +
    '`notification` (`data: {"id": <notification id>}`) and `notifications.read`; `resync` when events may have ' +
    'been missed (refetch what is shown). A comment line every 25 s. `data` is small JSON (ids, not records) or ' +
    'null. The stream ends after about 30 minutes; reconnect (EventSource does it) and refetch.',
  content: { 'text/event-stream': { schema: z.unknown().meta({ type: 'string' }) } },
}

/**
 * `GET /api/events`: the signed-in employee's events as server-sent events, fed by this instance's
 * EventHub (started with the app, stopped when it closes; open streams are ended first).
 */
export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  const hub = app.ctx.events
  const openStreams = new Set<() => void>()

  app.addHook('onReady', () => hub.start())
  app.addHook('preClose', async () => {
    for (const close of [...openStreams]) close()
  })
  app.addHook('onClose', () => hub.stop())

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['Notifications'],
        summary: 'My real-time events (server-sent events)',
        response: { 200: eventStream, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { userId } = requireActor(request)
      if (userId === null) throw AppError.forbidden()
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('x-accel-buffering', 'no')
      if (request.method === 'HEAD') return reply.send('')
      // The connection is not reused when the stream ends, so shutting down never waits on it.
      reply.header('connection', 'close')

      const stream = new PassThrough()
      let closed = false
      const close = (): void => {
        if (closed) return
        closed = true
        clearInterval(heartbeat)
        clearTimeout(lifetime)
        unsubscribe()
        openStreams.delete(close)
        stream.end()
      }
      const write = (chunk: string): void => {
        if (closed) return
        stream.write(chunk)
        if (stream.writableLength > MAX_BUFFERED_BYTES) close()
      }
      const unsubscribe = hub.subscribe(userId, (event) => write(sseFrame(event.type, event.data)))
      const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS)
      const lifetime = setTimeout(close, MAX_LIFETIME_MS * (0.9 + 0.2 * Math.random()))
      openStreams.add(close)
      reply.raw.once('close', close)
      stream.once('close', close)
      stream.on('error', close)
      write(`retry: ${RETRY_MS}\n${sseFrame('ready', {})}`)
      return reply.send(stream)
    },
  )
}
