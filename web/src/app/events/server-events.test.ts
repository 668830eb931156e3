import { afterEach, describe, expect, it, vi } from 'vitest'
import { type EventSourceLike, RESYNC_EVENT, ServerEvents } from './server-events.ts'

class FakeSource implements EventSourceLike {
  readyState = 0
  onerror: ((event: Event) => void) | null = null
  closed = false
  private readonly listeners = new Map<string, Array<(event: MessageEvent) => void>>()

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }

  close(): void {
    this.closed = true
    this.readyState = 2
  }

  /** The server sends an event. */
  send(type: string, data: string): void {
    this.readyState = 1
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent)
  }

  /** The connection fails: the browser retries itself (CONNECTING) or gives up (CLOSED). */
  fail(readyState: 0 | 2): void {
    this.readyState = readyState
    this.onerror?.({} as Event)
  }
}

function setUp() {
  const sources: FakeSource[] = []
  const events = new ServerEvents('/api/events', (url) => {
    const source = new FakeSource(url)
    sources.push(source)
    return source
  })
  return { events, sources, last: () => sources.at(-1)! }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the page’s server events', () => {
  it('hands each event’s parsed data to the subscribers of its type, over one connection', () => {
    const { events, sources, last } = setUp()
    const early = vi.fn()
    events.subscribe('notification', early)
    events.start()
    const late = vi.fn()
    const other = vi.fn()
    const stopLate = events.subscribe('notification', late)
    events.subscribe('something.else', other)
    last().send('ready', '{}')
    last().send('notification', '{"id":7}')
    expect(early).toHaveBeenCalledWith({ id: 7 })
    expect(late).toHaveBeenCalledWith({ id: 7 })
    expect(other).not.toHaveBeenCalled()
    stopLate()
    last().send('notification', 'not json')
    expect(early).toHaveBeenLastCalledWith(null)
    expect(late).toHaveBeenCalledTimes(1)
    expect(sources).toHaveLength(1)
    expect(last().url).toBe('/api/events')
  })

  it('asks subscribers to resync after a reconnection, not after the first connection', () => {
    const { events, last } = setUp()
    const resync = vi.fn()
    events.subscribe(RESYNC_EVENT, resync)
    events.start()
    last().send('ready', '{}')
    expect(resync).not.toHaveBeenCalled()
    last().fail(0)
    last().send('ready', '{}')
    expect(resync).toHaveBeenCalledTimes(1)
    // The server's own resync (it lost its feed) reaches the same subscribers.
    last().send(RESYNC_EVENT, 'null')
    expect(resync).toHaveBeenCalledTimes(2)
  })

  it('opens a new connection, later and later, when the browser gives up', () => {
    vi.useFakeTimers()
    const { events, sources, last } = setUp()
    const seen = vi.fn()
    events.subscribe('notification', seen)
    events.start()
    last().fail(0)
    expect(sources).toHaveLength(1)
    last().fail(2)
    expect(sources[0]!.closed).toBe(true)
    vi.advanceTimersByTime(2999)
    expect(sources).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(sources).toHaveLength(2)
    last().fail(2)
    vi.advanceTimersByTime(5999)
    expect(sources).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(sources).toHaveLength(3)
    last().send('ready', '{}')
    last().send('notification', '{"id":1}')
    expect(seen).toHaveBeenCalledWith({ id: 1 })
  })

  it('closes on stop and reconnects on start, keeping its subscribers', () => {
    vi.useFakeTimers()
    const { events, sources, last } = setUp()
    const seen = vi.fn()
    events.subscribe('notification', seen)
    events.start()
    events.start()
    expect(sources).toHaveLength(1)
    last().fail(2)
    events.stop()
    vi.advanceTimersByTime(120_000)
    expect(sources).toHaveLength(1)
    events.start()
    expect(sources).toHaveLength(2)
    last().send('notification', '{"id":2}')
    expect(seen).toHaveBeenCalledWith({ id: 2 })
  })
})
