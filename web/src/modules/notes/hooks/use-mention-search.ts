import { useUserList } from '../../staff/hooks/use-staff-queries.ts'

/** Active colleagues whose name matches what follows the `@`. */
export function useMentionSearch(query: string | null) {
  const list = useUserList(
    { page: 1, pageSize: 8, q: query?.trim() || undefined, isActive: true, sort: 'name' },
    { enabled: query !== null },
  )
  return query === null ? [] : (list.data?.items ?? [])
}
