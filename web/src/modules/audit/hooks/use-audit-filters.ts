import dayjs from 'dayjs'
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { zonedWallTimeToIso } from '../../../ui/format.ts'
import { AUDIT_ENTITY_TYPES, type AuditEntityType, type AuditQuery } from '../api/audit-api.ts'

export interface AuditFilters {
  entityType?: AuditEntityType
  entityId?: number
  actorId?: number
  /** Calendar days (`YYYY-MM-DD`) in the employee's time zone, both included. */
  fromDate?: string
  toDate?: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

function positiveInt(value: string | null): number | undefined {
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined
}

function day(value: string | null): string | undefined {
  return value && DAY.test(value) ? value : undefined
}

function parseFilters(params: URLSearchParams): AuditFilters {
  return {
    entityType: AUDIT_ENTITY_TYPES.find((type) => type === params.get('entity')),
    entityId: positiveInt(params.get('entityId')),
    actorId: positiveInt(params.get('actor')),
    fromDate: day(params.get('from')),
    toDate: day(params.get('to')),
  }
}

/** The audit log's filters, kept in the address bar; the period is turned into instants in `timeZone`. */
export function useAuditFilters(timeZone: string) {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => parseFilters(params), [params])

  const setFilters = useCallback(
    (patch: Partial<AuditFilters>) => {
      const next = { ...parseFilters(new URLSearchParams(window.location.search)), ...patch }
      const out = new URLSearchParams()
      if (next.entityType) out.set('entity', next.entityType)
      if (next.entityId && next.entityType) out.set('entityId', String(next.entityId))
      if (next.actorId) out.set('actor', String(next.actorId))
      if (next.fromDate) out.set('from', next.fromDate)
      if (next.toDate) out.set('to', next.toDate)
      setParams(out)
    },
    [setParams],
  )

  const query = useMemo<AuditQuery>(
    () => ({
      entityType: filters.entityType,
      entityId: filters.entityType ? filters.entityId : undefined,
      actorId: filters.actorId,
      from: filters.fromDate ? zonedWallTimeToIso(filters.fromDate, timeZone) : undefined,
      to: filters.toDate
        ? zonedWallTimeToIso(dayjs(filters.toDate).add(1, 'day').format('YYYY-MM-DD'), timeZone)
        : undefined,
    }),
    [filters, timeZone],
  )

  return { filters, setFilters, query }
}
