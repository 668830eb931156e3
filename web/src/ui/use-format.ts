import { useContext, useMemo } from 'react'
import { formatDate, formatDateTime, formatNumber } from './format.ts'
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
    }),
    [settings],
  )
}
