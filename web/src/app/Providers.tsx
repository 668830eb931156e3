import { QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { BrowserRouter } from 'react-router'
import { AuthProvider } from './auth/AuthProvider.tsx'
import { EventsProvider } from './events/EventsProvider.tsx'
import { PreferencesProvider } from './preferences/PreferencesProvider.tsx'
import { createQueryClient } from './query-client.ts'

/** Data, routing, the session, preferences (language, theme, zone), then server events around the pages. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      {/* Plain updates, not transitions: what the address bar says is what the next event handler reads. */}
      <BrowserRouter useTransitions={false}>
        <AuthProvider>
          <PreferencesProvider>
            <EventsProvider>{children}</EventsProvider>
          </PreferencesProvider>
        </AuthProvider>
      </BrowserRouter>
    </QueryClientProvider>
  )
}
