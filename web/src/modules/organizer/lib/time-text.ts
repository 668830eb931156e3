import { type FormatSettings, intlLocale } from '../../../ui/format.ts'

/** `14:30` in the employee's zone. */
export function formatTime(iso: string, s: FormatSettings): string {
  return new Intl.DateTimeFormat(intlLocale(s.language), {
    timeZone: s.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))
}

/** `14:00–14:30`, or just `14:00` for a moment. */
export function formatTimeSpan(startIso: string, endIso: string, s: FormatSettings): string {
  const start = formatTime(startIso, s)
  const end = formatTime(endIso, s)
  return startIso === endIso || start === end ? start : `${start}–${end}`
}

/** `пт, 27 нояб. 2026 г., 14:00–14:30`: a day and a time span in the employee's zone. */
export function formatWhen(startIso: string, endIso: string, s: FormatSettings): string {
  const fmt = new Intl.DateTimeFormat(intlLocale(s.language), {
    timeZone: s.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const start = new Date(startIso)
  const end = new Date(endIso)
  return start.getTime() === end.getTime() ? fmt.format(start) : fmt.formatRange(start, end)
}
