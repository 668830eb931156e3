import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { zonedDate } from '../../../ui/format.ts'
import { type CalendarView, isCalendarView, isIsoDate, todayIn } from '../lib/calendar-range.ts'

export interface CalendarState {
  view: CalendarView
  /** The date shown (`YYYY-MM-DD` in the employee's zone). */
  date: string
  /** Whose calendars: empty = the employee's own. */
  people: number[]
}

/** Reads `view`, `date` (or `at`, an instant a notification points to) and `people` from the address. */
export function readCalendarState(
  params: URLSearchParams,
  timeZone: string,
  now = new Date(),
): CalendarState {
  const rawView = params.get('view')
  const rawDate = params.get('date')
  const at = params.get('at')
  let date = todayIn(timeZone, now)
  if (isIsoDate(rawDate)) date = rawDate
  else if (at && !Number.isNaN(new Date(at).getTime())) date = zonedDate(at, timeZone)
  const people = [
    ...new Set(
      (params.get('people') ?? '')
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0),
    ),
  ]
  return { view: isCalendarView(rawView) ? rawView : 'week', date, people }
}

/** The calendar's view, date and people, kept in the address so a view can be shared and reloaded. */
export function useCalendarState(timeZone: string): [CalendarState, (patch: Partial<CalendarState>) => void] {
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => readCalendarState(params, timeZone), [params, timeZone])
  const update = useCallback(
    (patch: Partial<CalendarState>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          // `at` was only the way in: from now on the date is explicit.
          next.delete('at')
          next.set('view', patch.view ?? state.view)
          next.set('date', patch.date ?? state.date)
          if (patch.people) {
            if (patch.people.length) next.set('people', patch.people.join(','))
            else next.delete('people')
          }
          return next
        },
        { replace: true },
      )
    },
    [setParams, state.view, state.date],
  )
  return [state, update]
}
