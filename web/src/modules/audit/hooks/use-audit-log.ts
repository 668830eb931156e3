import { useInfiniteQuery } from '@tanstack/react-query'
import { type AuditQuery, auditKeys, fetchAudit } from '../api/audit-api.ts'

const PAGE = 50

/** The audit trail, newest first, one page at a time ("load more" passes the last id as `before`). */
export function useAuditLog(query: AuditQuery) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ pageParam, signal }) => fetchAudit({ ...query, before: pageParam, limit: PAGE }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  })
}
