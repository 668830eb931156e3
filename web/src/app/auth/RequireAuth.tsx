import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useAuth } from './auth-context.ts'

/** Pages for signed-in employees only: others go to sign in and come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, signedOut } = useAuth()
  const location = useLocation()
  if (!me) {
    if (signedOut) return <Navigate to="/login" replace />
    const next = `${location.pathname}${location.search}`
    const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`
    return <Navigate to={`/login${query}`} replace />
  }
  return children
}

/** Where to go after signing in: a path inside the app, never another site. */
export function safeNextPath(raw: string | null): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/login')) {
    return '/'
  }
  return raw
}
