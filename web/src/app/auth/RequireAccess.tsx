import type { ReactNode } from 'react'
import { ForbiddenPage } from '../../pages/ForbiddenPage.tsx'
import { type Access, canAccess } from '../access.ts'
import { useAuth } from './auth-context.ts'

/** Shows the page only with the permissions it needs; otherwise a 403 page and no data is requested. */
export function RequireAccess({ access, children }: { access: Access; children: ReactNode }) {
  const { can } = useAuth()
  return canAccess(access, can) ? children : <ForbiddenPage />
}
