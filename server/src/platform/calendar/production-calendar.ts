/**
 * The Russian production calendar (производственный календарь): which dates are working days.
 *
 * A day is a day off when it is a Saturday or Sunday, a public holiday (Labour Code art. 112: Jan 1–8,
 * Feb 23, Mar 8, May 1, May 9, Jun 12, Nov 4), or the target of a transfer; a Saturday or Sunday is a
 * working day when its rest day was transferred elsewhere.
 *
 * Where the data comes from, per year (`source` in the exported data):
 * - 2024, 2025, 2026 — `decree`: the Government decrees on moving days off (listed in `act`), plus the
 *   transfers the Labour Code makes by itself (a holiday on a weekend moves the rest day to the next
 *   working day, art. 112 part 2).
 * - 2027 and every other year — `rules`: derived from the standard rule only. No decree for 2027 was
 *   available when this was written: the art. 112 transfers (May 1 → May 3, May 9 → May 10,
 *   Jun 12 → Jun 14) are what the law does by itself, but the two January weekend days (Jan 2 and 3) are
 *   placed on the next working days after the holidays (Jan 11, 12) only provisionally — the law leaves
 *   them to the decree, which usually puts them elsewhere (often May or Dec 31). Update `RU_DECREES`
 *   when the decree is published. Years before 2013 had other holidays and are not modelled.
 *
 * Pre-holiday shortened days are not modelled (they change working hours, not working days).
 * An administrator's corrections come in as `overrides` (date → is it a working day), which win over
 * everything else.
 */

export type CountryCode = 'RU'

export interface CalendarOptions {
  country?: CountryCode
  /** An administrator's corrections: `YYYY-MM-DD` → true (working) / false (day off). They win. */
  overrides?: ReadonlyMap<string, boolean>
}

/** Why a rest day moved: a Government decree, the Labour Code by itself, or our provisional guess. */
export type TransferBasis = 'decree' | 'labour-code' | 'provisional'

export interface DayTransfer {
  /** The Saturday or Sunday whose rest moves (a holiday stays a holiday; any other day becomes working). */
  from: string
  /** The weekday that becomes a day off. */
  to: string
  basis: TransferBasis
}

export interface PublicHoliday {
  month: number
  day: number
  name: { ru: string; en: string }
}

export interface ProductionCalendarYear {
  country: CountryCode
  year: number
  source: 'decree' | 'rules'
  /** The legal act for `decree` years. */
  act: string | null
  holidays: readonly string[]
  transfers: readonly DayTransfer[]
  /** Every weekday that is not worked: holidays on weekdays and transfer targets. */
  weekdaysOff: readonly string[]
  /** Saturdays and Sundays that are worked. */
  workingWeekendDays: readonly string[]
  workingDayCount: number
}

/** Non-working public holidays, Labour Code art. 112 part 1 (as in force since 2013). */
export const RU_PUBLIC_HOLIDAYS: readonly PublicHoliday[] = [
  ...[1, 2, 3, 4, 5, 6, 8].map((day) => ({
    month: 1,
    day,
    name: { ru: 'Новогодние каникулы', en: 'New Year holidays' },
  })),
  { month: 1, day: 7, name: { ru: 'Рождество Христово', en: 'Orthodox Christmas' } },
  { month: 2, day: 23, name: { ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' } },
  { month: 3, day: 8, name: { ru: 'Международный женский день', en: "International Women's Day" } },
  { month: 5, day: 1, name: { ru: 'Праздник Весны и Труда', en: 'Spring and Labour Day' } },
  { month: 5, day: 9, name: { ru: 'День Победы', en: 'Victory Day' } },
  { month: 6, day: 12, name: { ru: 'День России', en: 'Russia Day' } },
  { month: 11, day: 4, name: { ru: 'День народного единства', en: 'Unity Day' } },
].sort((a, b) => a.month - b.month || a.day - b.day)

interface Decree {
  act: string
  transfers: readonly DayTransfer[]
}

const decree = (from: string, to: string): DayTransfer => ({ from, to, basis: 'decree' })
const byLaw = (from: string, to: string): DayTransfer => ({ from, to, basis: 'labour-code' })

/** Official transfers by year. Add a year here when its decree is published. */
export const RU_DECREES: Readonly<Record<number, Decree>> = {
  2024: {
    act: 'Постановление Правительства РФ от 10.08.2023 № 1314',
    transfers: [
      decree('2024-01-06', '2024-05-10'),
      decree('2024-01-07', '2024-12-31'),
      decree('2024-04-27', '2024-04-29'),
      decree('2024-11-02', '2024-04-30'),
      decree('2024-12-28', '2024-12-30'),
    ],
  },
  2025: {
    act: 'Постановление Правительства РФ от 04.10.2024 № 1335',
    transfers: [
      decree('2025-01-04', '2025-05-02'),
      decree('2025-01-05', '2025-12-31'),
      decree('2025-02-23', '2025-05-08'),
      decree('2025-03-08', '2025-06-13'),
      decree('2025-11-01', '2025-11-03'),
    ],
  },
  2026: {
    act: 'Постановление Правительства РФ от 24.09.2025 «О переносе выходных дней в 2026 году»',
    transfers: [
      decree('2026-01-03', '2026-01-09'),
      decree('2026-01-04', '2026-12-31'),
      byLaw('2026-03-08', '2026-03-09'),
      byLaw('2026-05-09', '2026-05-11'),
    ],
  },
}

/** The years whose data was checked: decree years and the rule-derived year after them. */
export const PRODUCTION_CALENDAR_YEARS: readonly number[] = [2024, 2025, 2026, 2027]

const DAY_MS = 86_400_000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 for a `YYYY-MM-DD`; throws a RangeError for anything else. */
export function toDayNumber(date: string): number {
  const m = DATE_RE.exec(date)
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
    const day = ms / DAY_MS
    if (Number.isInteger(day) && fromDayNumber(day) === date) return day
  }
  throw new RangeError(`Not a YYYY-MM-DD date: ${date}`)
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

function isWeekend(day: number): boolean {
  const w = weekdayOf(day)
  return w === 0 || w === 6
}

function dateOf(year: number, month: number, day: number): string {
  return fromDayNumber(Date.UTC(year, month - 1, day) / DAY_MS)
}

function holidaysOf(year: number): string[] {
  return RU_PUBLIC_HOLIDAYS.map((h) => dateOf(year, h.month, h.day))
}

/** Art. 112 part 2 applied to every weekend holiday, January included (see the module note). */
function ruleTransfers(holidays: readonly string[]): DayTransfer[] {
  const off = new Set(holidays)
  const transfers: DayTransfer[] = []
  for (const holiday of holidays) {
    const day = toDayNumber(holiday)
    if (!isWeekend(day)) continue
    let target = day + 1
    while (isWeekend(target) || off.has(fromDayNumber(target))) target += 1
    const to = fromDayNumber(target)
    off.add(to)
    const january = holiday.slice(5, 7) === '01'
    transfers.push({ from: holiday, to, basis: january ? 'provisional' : 'labour-code' })
  }
  return transfers
}

function buildYear(year: number): ProductionCalendarYear {
  const holidays = holidaysOf(year)
  const known = RU_DECREES[year]
  const transfers = known ? [...known.transfers] : ruleTransfers(holidays)
  const holidaySet = new Set(holidays)
  const off = new Set([...holidays, ...transfers.map((t) => t.to)])
  const workingWeekendDays = transfers
    .map((t) => t.from)
    .filter((d) => !holidaySet.has(d) && isWeekend(toDayNumber(d)))
    .sort()
  const weekdaysOff = [...off].filter((d) => !isWeekend(toDayNumber(d))).sort()
  const first = toDayNumber(dateOf(year, 1, 1))
  const last = toDayNumber(dateOf(year, 12, 31))
  let weekdays = 0
  for (let d = first; d <= last; d += 1) if (!isWeekend(d)) weekdays += 1
  return {
    country: 'RU',
    year,
    source: known ? 'decree' : 'rules',
    act: known?.act ?? null,
    holidays,
    transfers,
    weekdaysOff,
    workingWeekendDays,
    workingDayCount: weekdays - weekdaysOff.length + workingWeekendDays.length,
  }
}

interface YearSets {
  weekdaysOff: ReadonlySet<string>
  workingWeekendDays: ReadonlySet<string>
}

const yearCache = new Map<number, { data: ProductionCalendarYear; sets: YearSets }>()

function cachedYear(year: number): { data: ProductionCalendarYear; sets: YearSets } {
  let entry = yearCache.get(year)
  if (!entry) {
    const data = buildYear(year)
    entry = {
      data,
      sets: { weekdaysOff: new Set(data.weekdaysOff), workingWeekendDays: new Set(data.workingWeekendDays) },
    }
    yearCache.set(year, entry)
  }
  return entry
}

function checkCountry(country: string): void {
  if (country !== 'RU') throw new RangeError(`No production calendar for country ${country}`)
}

/** One year of the calendar, built from the decree data or the rules (see `source`). */
export function getProductionCalendarYear(year: number, country: CountryCode = 'RU'): ProductionCalendarYear {
  checkCountry(country)
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad year: ${year}`)
  return cachedYear(year).data
}

/** The raw data for the checked years, for an administration page. */
export const RU_PRODUCTION_CALENDAR: readonly ProductionCalendarYear[] = PRODUCTION_CALENDAR_YEARS.map((y) =>
  getProductionCalendarYear(y),
)

function isWorkingDayNumber(day: number, options: CalendarOptions): boolean {
  const date = fromDayNumber(day)
  const override = options.overrides?.get(date)
  if (override !== undefined) return override
  const { sets } = cachedYear(Number(date.slice(0, 4)))
  return isWeekend(day) ? sets.workingWeekendDays.has(date) : !sets.weekdaysOff.has(date)
}

/** Whether `date` (`YYYY-MM-DD`) is a working day. */
export function isWorkingDay(
  date: string,
  country: CountryCode = 'RU',
  overrides?: ReadonlyMap<string, boolean>,
): boolean {
  checkCountry(country)
  return isWorkingDayNumber(toDayNumber(date), { overrides })
}

/**
 * The n-th working day after `date` (n > 0), before it (n < 0), or — for n = 0 — `date` itself when it
 * is a working day and otherwise the next working day.
 */
export function nextWorkingDay(date: string, n = 1, options: CalendarOptions = {}): string {
  checkCountry(options.country ?? 'RU')
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`)
  let day = toDayNumber(date)
  if (n === 0) {
    while (!isWorkingDayNumber(day, options)) day += 1
    return fromDayNumber(day)
  }
  const step = n > 0 ? 1 : -1
  for (let left = Math.abs(n); left > 0; ) {
    day += step
    if (isWorkingDayNumber(day, options)) left -= 1
  }
  return fromDayNumber(day)
}

/**
 * Working days in the half-open range [a, b): `a` counts, `b` does not — so a whole year is
 * `workingDaysBetween('2026-01-01', '2027-01-01')`. Negative when b is before a.
 */
export function workingDaysBetween(a: string, b: string, options: CalendarOptions = {}): number {
  checkCountry(options.country ?? 'RU')
  const start = toDayNumber(a)
  const end = toDayNumber(b)
  if (end < start) return 0 - workingDaysBetween(b, a, options)
  let count = 0
  for (let d = start; d < end; d += 1) if (isWorkingDayNumber(d, options)) count += 1
  return count
}

/**
 * The n-th working day of a month (month 1–12): n = 1 is the first, n = -1 the last.
 * Null when the month has fewer than |n| working days.
 */
export function nthWorkingDayOfMonth(
  year: number,
  month: number,
  n: number,
  options: CalendarOptions = {},
): string | null {
  checkCountry(options.country ?? 'RU')
  if (!Number.isInteger(n) || n === 0) throw new RangeError(`n must be a non-zero integer, got ${n}`)
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Bad month: ${month}`)
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad year: ${year}`)
  const first = Date.UTC(year, month - 1, 1) / DAY_MS
  const last = Date.UTC(year, month, 0) / DAY_MS
  const step = n > 0 ? 1 : -1
  let left = Math.abs(n)
  for (let d = n > 0 ? first : last; d >= first && d <= last; d += step) {
    if (isWorkingDayNumber(d, options)) {
      left -= 1
      if (left === 0) return fromDayNumber(d)
    }
  }
  return null
}
