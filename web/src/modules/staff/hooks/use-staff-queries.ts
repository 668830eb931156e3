import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { fetchPermissions, fetchRoles } from '../api/roles-api.ts'
import { staffKeys } from '../api/staff-keys.ts'
import { fetchTeams } from '../api/teams-api.ts'
import { fetchUser, fetchUsers, type UserListParams } from '../api/users-api.ts'

/** `fresh`: a page showing the list itself asks the server again on every visit. */
export interface ListOptions {
  enabled?: boolean
  fresh?: boolean
}

export function useTeams({ enabled = true, fresh = false }: ListOptions = {}) {
  return useQuery({
    queryKey: staffKeys.teams,
    queryFn: fetchTeams,
    enabled,
    refetchOnMount: fresh ? 'always' : true,
  })
}

export function useRoles({ enabled = true, fresh = false }: ListOptions = {}) {
  return useQuery({
    queryKey: staffKeys.roles,
    queryFn: fetchRoles,
    enabled,
    refetchOnMount: fresh ? 'always' : true,
  })
}

export function usePermissionList(enabled = true) {
  return useQuery({
    queryKey: staffKeys.permissions,
    queryFn: fetchPermissions,
    enabled,
    staleTime: 10 * 60_000,
  })
}

/** One page of employees; the previous page stays on screen while the next loads. */
export function useUserList(params: UserListParams, { enabled = true, fresh = false }: ListOptions = {}) {
  return useQuery({
    queryKey: staffKeys.userList(params),
    queryFn: ({ signal }) => fetchUsers(params, signal),
    placeholderData: keepPreviousData,
    enabled,
    refetchOnMount: fresh ? 'always' : true,
  })
}

export function useUser(id: number | null) {
  return useQuery({
    queryKey: staffKeys.user(id ?? 0),
    queryFn: () => fetchUser(id ?? 0),
    enabled: id !== null,
    staleTime: 0,
  })
}
