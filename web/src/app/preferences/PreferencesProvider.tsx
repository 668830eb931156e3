import type { Me, MeUpdate } from '@mmcrm/server/api-types'
import { useQueryClient } from '@tanstack/react-query'
import { App as AntApp, theme as antTheme, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import ruRU from 'antd/locale/ru_RU'
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { accountKeys, fetchMe, updateMe } from '../../modules/account/api/account-api.ts'
import { isApiError } from '../../ui/api.ts'
import { DEFAULT_TIME_ZONE, type FormatSettings } from '../../ui/format.ts'
import { FormatContext } from '../../ui/format-context.ts'
import { useAuth } from '../auth/auth-context.ts'
import { isLanguage, type Language, storeLanguage } from '../i18n/i18n.ts'
import { PreferencesContext, type PreferencesValue } from './preferences-context.ts'
import { storedTheme, storeTheme, type ThemeMode, usePrefersDark } from './theme.ts'

/**
 * Language, theme and time zone: the employee's saved choices once signed in, this browser's before.
 * Also provides Ant Design's locale and colours, and the zone dates are shown in.
 */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { me, setMe } = useAuth()
  const queryClient = useQueryClient()
  const { t, i18n } = useTranslation()
  const [localTheme, setLocalTheme] = useState<ThemeMode>(storedTheme)
  const prefersDark = usePrefersDark()
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'ru'
  const theme = me?.theme ?? localTheme
  const isDark = theme === 'dark' || (theme === 'system' && prefersDark)

  const meLocale = me?.locale
  useEffect(() => {
    if (meLocale && meLocale !== i18n.language) {
      storeLanguage(meLocale)
      void i18n.changeLanguage(meLocale)
    }
  }, [meLocale, i18n])

  const meTheme = me?.theme
  useEffect(() => {
    if (meTheme) {
      storeTheme(meTheme)
      setLocalTheme(meTheme)
    }
  }, [meTheme])

  useEffect(() => {
    document.documentElement.style.colorScheme = isDark ? 'dark' : 'light'
  }, [isDark])

  /** Saves one preference at once (the screen changes before the server answers). */
  const save = useCallback(
    async (patch: MeUpdate) => {
      if (!me) return
      queryClient.setQueryData<Me | null>(accountKeys.me, { ...me, ...patch })
      try {
        setMe(await updateMe(me.version, patch))
      } catch (error) {
        // Only this one field is sent, so a newer version of the profile loses nothing: apply it there.
        if (isApiError(error) && error.code === 'precondition_failed') {
          const fresh = await fetchMe()
          if (fresh) {
            setMe(await updateMe(fresh.version, patch))
            return
          }
        }
        queryClient.setQueryData<Me | null>(accountKeys.me, me)
        throw error
      }
    },
    [me, queryClient, setMe],
  )

  const value = useMemo<PreferencesValue>(
    () => ({
      language,
      theme,
      isDark,
      setLanguage: async (next) => {
        storeLanguage(next)
        await i18n.changeLanguage(next)
        await save({ locale: next })
      },
      setTheme: async (next) => {
        storeTheme(next)
        setLocalTheme(next)
        await save({ theme: next })
      },
    }),
    [language, theme, isDark, i18n, save],
  )

  const format = useMemo<FormatSettings>(
    () => ({ language, timeZone: me?.timeZone ?? DEFAULT_TIME_ZONE }),
    [language, me?.timeZone],
  )

  return (
    <PreferencesContext.Provider value={value}>
      <ConfigProvider
        locale={language === 'ru' ? ruRU : enUS}
        theme={{ algorithm: isDark ? antTheme.darkAlgorithm : antTheme.defaultAlgorithm }}
        form={{
          validateMessages: { required: t('validation.required'), types: { email: t('validation.email') } },
        }}
      >
        <AntApp>
          <FormatContext.Provider value={format}>{children}</FormatContext.Provider>
        </AntApp>
      </ConfigProvider>
    </PreferencesContext.Provider>
  )
}
