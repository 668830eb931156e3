import { createContext } from 'react'
import { DEFAULT_TIME_ZONE, type FormatSettings } from './format.ts'

/** The language and time zone every date and number on screen is shown in; the app provides it. */
export const FormatContext = createContext<FormatSettings>({ language: 'ru', timeZone: DEFAULT_TIME_ZONE })
