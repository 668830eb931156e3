import dayjs from 'dayjs'
import 'dayjs/locale/ru'
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { setApiLanguage } from '../../ui/api.ts'
import en from './locales/en.json'
import ru from './locales/ru.json'

export const LANGUAGES = ['ru', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: unknown): value is Language {
  return value === 'ru' || value === 'en'
}

/** A language's name in that language (`English`, not `Английский`), so anyone finds their own in the switcher. */
export function nativeLanguageName(language: Language): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1)
}

const STORAGE_KEY = 'mmcrm.language'

/** The language chosen on this browser before signing in (or last used), if any. */
export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : null
  } catch {
    return null
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}

/** Everything else that speaks the UI language follows it: the page, the API's messages, dayjs. */
function follow(language: string): void {
  document.documentElement.lang = language
  setApiLanguage(language)
  dayjs.locale(language)
}

i18n.on('languageChanged', follow)

void i18n.use(initReactI18next).init({
  resources: { ru: { translation: ru }, en: { translation: en } },
  lng: storedLanguage() ?? 'ru',
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})

follow(i18n.language)

export { i18n }
