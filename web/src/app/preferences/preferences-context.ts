import { createContext, useContext } from 'react'
import type { Language } from '../i18n/i18n.ts'
import type { ThemeMode } from './theme.ts'

export interface PreferencesValue {
  language: Language
  theme: ThemeMode
  isDark: boolean
  /** Switches the UI language; signed in, it is also saved to the employee. */
  setLanguage: (language: Language) => Promise<void>
  /** Switches the colour theme; signed in, it is also saved to the employee. */
  setTheme: (theme: ThemeMode) => Promise<void>
}

export const PreferencesContext = createContext<PreferencesValue | null>(null)

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext)
  if (!value) throw new Error('usePreferences outside PreferencesProvider')
  return value
}
