import { type ReactNode, useEffect, useState } from 'react'
import { useAuth } from '../auth/auth-context.ts'
import { EventsContext } from './events-context.ts'
import { ServerEvents } from './server-events.ts'

/** One server-event connection per page while someone is signed in; reopened for the next employee. */
export function EventsProvider({ children }: { children: ReactNode }) {
  const { me } = useAuth()
  const userId = me?.id ?? null
  const [events] = useState(() => new ServerEvents())
  useEffect(() => {
    if (userId === null) return
    events.start()
    return () => events.stop()
  }, [events, userId])
  return <EventsContext.Provider value={events}>{children}</EventsContext.Provider>
}
