import { useContext, useMemo } from 'react'
import {
  formatBytes,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
} from './format.ts'
import { FormatContext } from './format-context.ts'

/** Formatters bound to the current language and the employee's time zone. */
export function useFormat() {
  const settings = useContext(FormatContext)
  return useMemo(
    () => ({
      ...settings,
      dateTime: (value: string | number | Date) => formatDateTime(value, settings),
      date: (value: string | number | Date) => formatDate(value, settings),
      number: (value: number) => formatNumber(value, settings),
      /** Minor units (kopecks) as roubles. */
      money: (minor: number) => formatMoney(minor, settings),
      bytes: (value: number) => formatBytes(value, settings),
      /** A `YYYY-MM-DD` date without a time of day. */
      calendarDate: (value: string) => formatCalendarDate(value, settings),
    }),
    [settings],
  )
}
