import { createContext, useContext, useEffect, useRef } from 'react'
import type { ServerEventHandler, ServerEvents } from './server-events.ts'

export const EventsContext = createContext<ServerEvents | null>(null)

/**
 * Calls `handler` with the data of every server event of this type pushed to this page (see
 * `GET /api/events`), while the component is mounted. Also subscribe to `RESYNC_EVENT` to refetch
 * after events may have been missed. Does nothing outside EventsProvider.
 */
export function useServerEvent(type: string, handler: ServerEventHandler): void {
  const events = useContext(EventsContext)
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => events?.subscribe(type, (data) => latest.current(data)), [events, type])
}
