/** Sent when events may have been missed (the stream reconnected, or the server lost its feed): refetch. */
export const RESYNC_EVENT = 'resync'

export type ServerEventHandler = (data: unknown) => void

/** The part of the browser's EventSource used here (tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number
  onerror: ((event: Event) => void) | null
  addEventListener(type: string, listener: (event: MessageEvent) => void): void
  close(): void
}

const CLOSED = 2
const FIRST_RETRY_MS = 3000
const MAX_RETRY_MS = 60_000

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return null
  try {
    return JSON.parse(data) as unknown
  } catch {
    return null
  }
}

/**
 * The page's one connection to `GET /api/events`, shared by every subscriber. The browser reconnects
 * by itself after a dropped connection; when it gives up (a refused or failed answer: 401, 502…) the
 * connection is opened again with back-off. Every `ready` after the first is followed by a local
 * `resync`, since whatever was published meanwhile is lost.
 */
export class ServerEvents {
  private source: EventSourceLike | null = null
  private readonly handlers = new Map<string, Set<ServerEventHandler>>()
  private readonly wired = new Set<string>()
  private hasBeenReady = false
  private failures = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly url = '/api/events',
    private readonly connect: (url: string) => EventSourceLike = (u) => new EventSource(u),
  ) {}

  /** Opens the connection (again after `stop()`); the subscriptions stay. */
  start(): void {
    if (this.source || this.retryTimer) return
    this.open()
  }

  /** Closes the connection; a later `start()` reconnects and resyncs. */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.source?.close()
    this.source = null
    this.wired.clear()
  }

  /** Calls `handler` with each event of this type (its parsed `data`); returns the unsubscribe function. */
  subscribe(type: string, handler: ServerEventHandler): () => void {
    let set = this.handlers.get(type)
    if (!set) {
      set = new Set()
      this.handlers.set(type, set)
    }
    set.add(handler)
    this.wire(type)
    return () => {
      set.delete(handler)
    }
  }

  private open(): void {
    const source = this.connect(this.url)
    this.source = source
    this.wired.clear()
    source.addEventListener('ready', (event) => {
      this.failures = 0
      this.emit('ready', parse(event.data))
      if (this.hasBeenReady) this.emit(RESYNC_EVENT, null)
      this.hasBeenReady = true
    })
    for (const type of this.handlers.keys()) this.wire(type)
    source.onerror = () => {
      // CONNECTING: the browser retries by itself. CLOSED: it gave up; try again later.
      if (source.readyState !== CLOSED || this.source !== source) return
      source.close()
      this.source = null
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures)
      this.failures++
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null
        this.open()
      }, delay)
    }
  }

  private wire(type: string): void {
    if (!this.source || this.wired.has(type) || type === 'ready') return // `ready` is always listened to
    this.wired.add(type)
    this.source.addEventListener(type, (event) => this.emit(type, parse(event.data)))
  }

  private emit(type: string, data: unknown): void {
    for (const handler of [...(this.handlers.get(type) ?? [])]) {
      try {
        handler(data)
      } catch (error) {
        console.error(error)
      }
    }
  }
}
