/** Where and how to show dates and numbers: the UI language and the employee's time zone. */
export interface FormatSettings {
  language: string
  timeZone: string
}

export const DEFAULT_TIME_ZONE = 'Europe/Moscow'

/** The Intl locale for a UI language (en uses day-month order and a 24-hour clock, as the server does). */
export function intlLocale(language: string): string {
  return language === 'ru' ? 'ru-RU' : 'en-GB'
}

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value)
}

export function formatDateTime(value: string | number | Date, s: FormatSettings): string {
  return new Intl.DateTimeFormat(intlLocale(s.language), {
    timeZone: s.timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(toDate(value))
}

export function formatDate(value: string | number | Date, s: FormatSettings): string {
  return new Intl.DateTimeFormat(intlLocale(s.language), {
    timeZone: s.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(toDate(value))
}

export function formatNumber(value: number, s: Pick<FormatSettings, 'language'>): string {
  return new Intl.NumberFormat(intlLocale(s.language)).format(value)
}

/** An amount kept in minor units (kopecks) as money, in roubles: `1 234,50 ₽`. */
export function formatMoney(minor: number, s: Pick<FormatSettings, 'language'>, currency = 'RUB'): string {
  return new Intl.NumberFormat(intlLocale(s.language), { style: 'currency', currency }).format(minor / 100)
}

/** A file size: `512 байт`, `1,5 МБ`. */
export function formatBytes(bytes: number, s: Pick<FormatSettings, 'language'>): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return new Intl.NumberFormat(intlLocale(s.language), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value)
}

/** A calendar date kept as `YYYY-MM-DD` (no time, so no zone): `31 января 2026 г.`. */
export function formatCalendarDate(value: string, s: Pick<FormatSettings, 'language'>): string {
  const [y = 1970, m = 1, d = 1] = value.split('-').map(Number)
  return new Intl.DateTimeFormat(intlLocale(s.language), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)))
}

/** Minutes east of UTC that `timeZone` is at the instant `at`. */
export function zoneOffsetMinutes(timeZone: string, at: Date = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at)
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  )
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000)
}

/** `UTC+03:00` for a zone, now. */
export function formatZoneOffset(timeZone: string, at: Date = new Date()): string {
  const minutes = zoneOffsetMinutes(timeZone, at)
  const sign = minutes < 0 ? '−' : '+'
  const abs = Math.abs(minutes)
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/**
 * The instant at which a wall-clock time (`YYYY-MM-DD`, hour, minute) happens in `timeZone`, as an ISO
 * string: the start of a day "in Moscow" is not the start of that day in the browser's own zone.
 */
export function zonedWallTimeToIso(date: string, timeZone: string, hour = 0, minute = 0): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number)
  const wall = Date.UTC(y, m - 1, d, hour, minute)
  let guess = wall - zoneOffsetMinutes(timeZone, new Date(wall)) * 60_000
  // A second pass settles days when the offset changes (daylight saving time).
  guess = wall - zoneOffsetMinutes(timeZone, new Date(guess)) * 60_000
  return new Date(guess).toISOString()
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in `timeZone`. */
export function zonedDate(value: string | number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(toDate(value))
}

/** Every IANA time zone the browser knows (with UTC), for pickers. */
export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return zones.includes('UTC') ? zones : ['UTC', ...zones]
}
