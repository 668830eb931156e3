import type { Me, Permission } from '@mmcrm/server/api-types'
import { createContext, useContext } from 'react'

export interface AuthValue {
  /** The signed-in employee; null before signing in (or after the session ended). */
  me: Me | null
  /** Remembers the employee the server just returned (after signing in or changing the profile). */
  setMe: (me: Me) => void
  signOut: () => Promise<void>
  /** True after the employee signed out here (as opposed to the session ending by itself). */
  signedOut: boolean
  can: (permission: Permission) => boolean
}

export const AuthContext = createContext<AuthValue | null>(null)

export function useAuth(): AuthValue {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth outside AuthProvider')
  return value
}

/** The signed-in employee, for pages behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth()
  if (!me) throw new Error('useMe without a session')
  return me
}
