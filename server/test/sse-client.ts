import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { TEST_PASSWORD } from './test-app.ts'

export interface ReceivedEvent {
  type: string
  data: unknown
}

interface Waiter {
  type: string
  resolve: (event: ReceivedEvent) => void
}

/** Starts a real HTTP server for the app on a free port; returns its base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return `http://127.0.0.1:${port}`
}

/** Signs in through the API (as a browser does) and returns the session cookie header. */
export async function sessionCookie(app: FastifyInstance, email: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: TEST_PASSWORD },
  })
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode}`)
  const cookie = res.cookies.find((c) => c.name === 'mmcrm_session')
  return `mmcrm_session=${cookie!.value}`
}

/**
 * A server-sent events reader, as a browser's EventSource reads `GET /api/events`: collects every
 * event, and lets a test wait for the next one of a type. One socket per stream (no shared agent, so
 * nothing pooled outlives `close()`).
 */
export class EventStreamClient {
  readonly events: ReceivedEvent[] = []
  readonly comments: string[] = []
  private readonly unread: ReceivedEvent[] = []
  private readonly waiters: Waiter[] = []
  private buffer = ''
  private ended = false

  private constructor(
    private readonly request: http.ClientRequest,
    readonly response: http.IncomingMessage,
  ) {}

  static open(baseUrl: string, headers: Record<string, string>): Promise<EventStreamClient> {
    return new Promise((resolve, reject) => {
      const request = http.get(
        `${baseUrl}/api/events`,
        { agent: false, headers: { accept: 'text/event-stream', ...headers } },
        (response) => {
          const client = new EventStreamClient(request, response)
          client.read(response)
          resolve(client)
        },
      )
      request.on('error', reject)
    })
  }

  get status(): number {
    return this.response.statusCode ?? 0
  }

  /** The whole body of a refused (non-stream) answer. */
  async text(): Promise<string> {
    while (!this.ended) await new Promise((resolve) => setTimeout(resolve, 10))
    return this.buffer
  }

  get isEnded(): boolean {
    return this.ended
  }

  /** The next event of this type not yet taken (already received, or within `timeoutMs`). */
  next(type: string, timeoutMs = 3000): Promise<ReceivedEvent> {
    const index = this.unread.findIndex((e) => e.type === type)
    if (index >= 0) return Promise.resolve(this.unread.splice(index, 1)[0]!)
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        type,
        resolve: (event) => {
          clearTimeout(timer)
          resolve(event)
        },
      }
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1)
        reject(new Error(`no "${type}" event within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiters.push(waiter)
    })
  }

  /** Events of this type received and not yet taken. */
  pending(type: string): ReceivedEvent[] {
    return this.unread.filter((e) => e.type === type)
  }

  close(): void {
    this.request.destroy()
  }

  private read(response: http.IncomingMessage): void {
    const streaming = response.statusCode === 200
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => {
      this.buffer += chunk
      if (!streaming) return
      let end = this.buffer.indexOf('\n\n')
      while (end >= 0) {
        this.frame(this.buffer.slice(0, end))
        this.buffer = this.buffer.slice(end + 2)
        end = this.buffer.indexOf('\n\n')
      }
    })
    response.on('close', () => {
      this.ended = true
    })
    response.on('error', () => undefined)
  }

  private frame(text: string): void {
    let type = 'message'
    const data: string[] = []
    for (const line of text.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim())
      else if (line.startsWith('event: ')) type = line.slice(7)
      else if (line.startsWith('data: ')) data.push(line.slice(6))
    }
    if (data.length === 0) return
    const event = { type, data: JSON.parse(data.join('\n')) as unknown }
    this.events.push(event)
    const waiter = this.waiters.find((w) => w.type === type)
    if (waiter) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1)
      waiter.resolve(event)
    } else {
      this.unread.push(event)
    }
  }
}
