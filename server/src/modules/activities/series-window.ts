/** What activity and task series share: the occurrences still to create, and moving a series in time. */
import { expandOccurrences } from '../../platform/calendar/recurrence.ts'
import type { Tx } from '../../platform/db/database.ts'
import type { RecurrenceTable } from '../../platform/db/schema.ts'

/** How far ahead the occurrences of a series exist as activities and tasks (a job extends it daily). */
export const SERIES_HORIZON_DAYS = 92
const SERIES_MAX_AHEAD = 200

type SeriesRow = Pick<RecurrenceTable, 'rrule' | 'starts_at' | 'time_zone' | 'generated_until'>

export interface SeriesTemplate {
  workdays: 'any' | 'shift_forward' | 'skip'
  nthWorkingDay: number | null
  reminders?: number[]
}

/** The occurrences from where the series stopped up to the horizon, and where it stops next. */
export function occurrencesToCreate(
  series: SeriesRow,
  t: SeriesTemplate,
): { times: string[]; until: string } | null {
  const horizon = new Date(Date.now() + SERIES_HORIZON_DAYS * 86_400_000).toISOString()
  const from =
    series.generated_until === series.starts_at
      ? series.starts_at
      : new Date(new Date(series.generated_until).getTime() + 60_000).toISOString()
  if (from >= horizon) return null
  const times = expandOccurrences({
    rule: series.rrule,
    startsAt: series.starts_at,
    timeZone: series.time_zone,
    from,
    to: horizon,
    workdays: t.nthWorkingDay !== null ? { nthWorkingDay: t.nthWorkingDay } : t.workdays,
    limit: SERIES_MAX_AHEAD,
  })
  return { times, until: times.length === SERIES_MAX_AHEAD ? times[times.length - 1]! : horizon }
}

export async function markGeneratedUntil(tx: Tx, seriesId: number, until: string): Promise<void> {
  await tx
    .updateTable('recurrences')
    .set({ generated_until: until, updated_at: new Date().toISOString() })
    .where('id', '=', seriesId)
    .execute()
}

/** "The series from here on" changed: its template takes the changes, and a moved time moves it whole. */
export async function reshapeSeries(
  tx: Tx,
  seriesId: number,
  shiftMs: number,
  change: (template: Record<string, unknown>) => void,
): Promise<void> {
  const series = await tx
    .selectFrom('recurrences')
    .selectAll()
    .where('id', '=', seriesId)
    .executeTakeFirstOrThrow()
  const template = JSON.parse(series.template) as Record<string, unknown>
  change(template)
  const shifted = (iso: string) => new Date(new Date(iso).getTime() + shiftMs).toISOString()
  await tx
    .updateTable('recurrences')
    .set({
      template: JSON.stringify(template),
      starts_at: shifted(series.starts_at),
      generated_until: shifted(series.generated_until),
      version: series.version + 1,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', seriesId)
    .execute()
}
