import { keepPreviousData, useQuery } from '@tanstack/react-query'
import dayjs from 'dayjs'
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { zonedDate, zonedWallTimeToIso } from '../../../ui/format.ts'
import { classifierKeys, fetchMovements } from '../api/classifiers-api.ts'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The report's choices: a classifier and a period of calendar days in the employee's zone, both ends included. */
export interface MovementsState {
  classifierId?: number
  fromDate: string
  toDate: string
}

/** The current month, in `timeZone`, as `YYYY-MM-DD` days. */
export function currentMonth(timeZone: string, now: Date = new Date()): { fromDate: string; toDate: string } {
  const today = dayjs(zonedDate(now, timeZone))
  return {
    fromDate: today.startOf('month').format('YYYY-MM-DD'),
    toDate: today.endOf('month').format('YYYY-MM-DD'),
  }
}

/** The period as instants: from the start of the first day to the end of the last one, in `timeZone`. */
export function periodInstants(state: MovementsState, timeZone: string): { from: string; to: string } {
  return {
    from: zonedWallTimeToIso(state.fromDate, timeZone),
    to: zonedWallTimeToIso(dayjs(state.toDate).add(1, 'day').format('YYYY-MM-DD'), timeZone),
  }
}

/** The report's choices, kept in the address bar so a report can be shared and reloaded. */
export function useMovementsState(timeZone: string) {
  const [params, setParams] = useSearchParams()
  const state = useMemo<MovementsState>(() => {
    const month = currentMonth(timeZone)
    const id = Number(params.get('classifier'))
    const from = params.get('from') ?? ''
    const to = params.get('to') ?? ''
    const valid = DAY.test(from) && DAY.test(to) && from <= to
    return {
      classifierId: Number.isInteger(id) && id > 0 ? id : undefined,
      fromDate: valid ? from : month.fromDate,
      toDate: valid ? to : month.toDate,
    }
  }, [params, timeZone])

  const update = useCallback(
    (patch: Partial<MovementsState>) => {
      const next = { ...state, ...patch }
      const out = new URLSearchParams()
      if (next.classifierId) out.set('classifier', String(next.classifierId))
      out.set('from', next.fromDate)
      out.set('to', next.toDate)
      setParams(out, { replace: true })
    },
    [state, setParams],
  )
  return { state, update }
}

/** Movements of one classifier over a period; with a cell (0 = none at that end), that cell's clients. */
export function useMovements(
  classifierId: number | undefined,
  period: { from: string; to: string },
  cell?: { fromNodeId?: number; toNodeId?: number },
) {
  const query = { ...period, ...cell }
  return useQuery({
    queryKey: classifierKeys.movements(classifierId ?? 0, query),
    queryFn: () => fetchMovements(classifierId ?? 0, query),
    enabled: classifierId !== undefined,
    placeholderData: cell ? undefined : keepPreviousData,
    staleTime: 0,
  })
}
