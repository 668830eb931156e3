import type { AuditEntry, Page, User, UserCreate, UserUpdate } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export interface UserListParams {
  page: number
  pageSize: number
  q?: string
  roleId?: number
  teamId?: number
  isActive?: boolean
  /** `name,-createdAt`: keys in order, `-` for descending. */
  sort?: string
}

export function fetchUsers(params: UserListParams, signal?: AbortSignal): Promise<Page<User>> {
  return api<Page<User>>('/api/users', { query: { ...params }, signal })
}

export function fetchUser(id: number): Promise<User> {
  return api<User>(`/api/users/${id}`)
}

export function createUser(body: UserCreate): Promise<User> {
  return api<User>('/api/users', { method: 'POST', body })
}

export function updateUser(id: number, version: number, patch: UserUpdate): Promise<User> {
  return api<User>(`/api/users/${id}`, { method: 'PATCH', body: patch, version })
}

export function setUserPassword(id: number, password: string): Promise<void> {
  return api<void>(`/api/users/${id}/password`, { method: 'POST', body: { password } })
}

export async function fetchUserHistory(id: number): Promise<AuditEntry[]> {
  return (await api<{ items: AuditEntry[] }>(`/api/users/${id}/history`)).items
}
