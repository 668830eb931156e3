import { useQuery } from '@tanstack/react-query'
import { Card, Flex, Typography, theme } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useSearchParams } from 'react-router'
import { useAuth } from '../app/auth/auth-context.ts'
import { safeNextPath } from '../app/auth/RequireAuth.tsx'
import { storedLanguage } from '../app/i18n/i18n.ts'
import { LanguageSwitch } from '../app/layout/LanguageSwitch.tsx'
import { ThemeSwitch } from '../app/layout/ThemeSwitch.tsx'
import { accountKeys, fetchMeta } from '../modules/account/api/account-api.ts'
import { LoginForm } from '../modules/account/components/LoginForm.tsx'

/** Sign-in; afterwards back to the page the employee wanted. */
export function LoginPage() {
  const { t, i18n } = useTranslation()
  const { token } = theme.useToken()
  const { me, setMe } = useAuth()
  const [params] = useSearchParams()
  const meta = useQuery({
    queryKey: accountKeys.meta,
    queryFn: fetchMeta,
    staleTime: Number.POSITIVE_INFINITY,
  })

  const defaultLocale = meta.data?.defaultLocale
  useEffect(() => {
    // The company's language for a browser that has not chosen one yet.
    if (defaultLocale && !storedLanguage() && i18n.language !== defaultLocale)
      void i18n.changeLanguage(defaultLocale)
  }, [defaultLocale, i18n])

  useEffect(() => {
    document.title = `${t('login.title')} · MM CRM`
  }, [t])

  if (me) return <Navigate to={safeNextPath(params.get('next'))} replace />

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}
    >
      <Flex gap={4} style={{ position: 'absolute', top: 12, right: 16 }}>
        <LanguageSwitch />
        <ThemeSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.title')}</Typography.Text>
        </Flex>
        <LoginForm onSignedIn={setMe} />
      </Card>
      {meta.data && (
        <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t('login.version', { version: meta.data.version })}
        </Typography.Text>
      )}
    </Flex>
  )
}
