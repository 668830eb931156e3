import type { UserListParams } from './users-api.ts'

/** Query keys of the staff register; invalidating a prefix refreshes everything under it. */
export const staffKeys = {
  users: ['users'] as const,
  userList: (params: UserListParams) => ['users', 'list', params] as const,
  user: (id: number) => ['users', 'one', id] as const,
  userHistory: (id: number) => ['users', 'history', id] as const,
  teams: ['teams'] as const,
  team: (id: number) => ['teams', 'one', id] as const,
  teamHistory: (id: number) => ['teams', 'history', id] as const,
  roles: ['roles'] as const,
  role: (id: number) => ['roles', 'one', id] as const,
  roleHistory: (id: number) => ['roles', 'history', id] as const,
  permissions: ['permissions'] as const,
}
