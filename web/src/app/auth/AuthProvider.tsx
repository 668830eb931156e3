import type { Me, Permission } from '@mmcrm/server/api-types'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Flex, Spin } from 'antd'
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import { accountKeys, fetchMe, logout } from '../../modules/account/api/account-api.ts'
import { setCsrfToken, setUnauthorizedHandler } from '../../ui/api.ts'
import { ErrorScreen } from '../../ui/ErrorScreen.tsx'
import { AuthContext, type AuthValue } from './auth-context.ts'

/** Loads the session once, keeps the CSRF token in step, and sends the user to sign in when it ends. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const meQuery = useQuery({
    queryKey: accountKeys.me,
    queryFn: async () => {
      const me = await fetchMe()
      setCsrfToken(me?.csrfToken ?? null)
      return me
    },
    staleTime: 60_000,
  })
  const me = meQuery.data ?? null
  const [signedOut, setSignedOut] = useState(false)

  const forget = useCallback(() => {
    setCsrfToken(null)
    queryClient.removeQueries({
      predicate: (q) => q.queryKey[0] !== accountKeys.me[0] || q.queryKey.length > 1,
    })
    queryClient.setQueryData<Me | null>(accountKeys.me, null)
  }, [queryClient])

  useEffect(() => {
    // Any 401 means the session is gone: RequireAuth then sends the user to sign in, keeping the page.
    setUnauthorizedHandler(forget)
    return () => setUnauthorizedHandler(null)
  }, [forget])

  const value = useMemo<AuthValue>(
    () => ({
      me,
      setMe: (next: Me) => {
        setSignedOut(false)
        setCsrfToken(next.csrfToken)
        queryClient.setQueryData<Me | null>(accountKeys.me, next)
      },
      signOut: async () => {
        setSignedOut(true)
        try {
          await logout()
        } finally {
          navigate('/login', { replace: true })
          forget()
        }
      },
      signedOut,
      can: (permission: Permission) => me?.permissions.includes(permission) ?? false,
    }),
    [me, signedOut, queryClient, navigate, forget],
  )

  if (meQuery.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    )
  }
  if (meQuery.isError && !meQuery.data)
    return <ErrorScreen error={meQuery.error} onRetry={() => meQuery.refetch()} />
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}
