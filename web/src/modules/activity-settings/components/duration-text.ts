import { intlLocale } from '../../../ui/format.ts'

/** A length of time in minutes as `1 ч 30 мин` / `2 days 4 hrs`: days, hours and minutes that are not zero. */
export function durationText(minutes: number, language: string): string {
  const locale = intlLocale(language)
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: name === 'day' ? 'long' : 'short',
    }).format(value)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  const parts: string[] = []
  if (days) parts.push(unit(days, 'day'))
  if (hours) parts.push(unit(hours, 'hour'))
  if (rest || parts.length === 0) parts.push(unit(rest, 'minute'))
  return parts.join(' ')
}

/** Minutes as whole hours and the minutes left over (the escalation form's two inputs). */
export function splitMinutes(minutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 }
}

export function joinMinutes(hours: number | null | undefined, minutes: number | null | undefined): number {
  return (hours ?? 0) * 60 + (minutes ?? 0)
}
