import type { AuditEntry, PermissionInfo, Role, RoleCreate, RoleUpdate } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export type { PermissionInfo }

export async function fetchRoles(): Promise<Role[]> {
  return (await api<{ items: Role[] }>('/api/roles')).items
}

export function fetchRole(id: number): Promise<Role> {
  return api<Role>(`/api/roles/${id}`)
}

export function fetchPermissions(): Promise<PermissionInfo[]> {
  return api<PermissionInfo[]>('/api/permissions')
}

export function createRole(body: RoleCreate): Promise<Role> {
  return api<Role>('/api/roles', { method: 'POST', body })
}

export function updateRole(id: number, version: number, patch: RoleUpdate): Promise<Role> {
  return api<Role>(`/api/roles/${id}`, { method: 'PATCH', body: patch, version })
}

export function deleteRole(id: number, version: number): Promise<void> {
  return api<void>(`/api/roles/${id}`, { method: 'DELETE', version })
}

export async function fetchRoleHistory(id: number): Promise<AuditEntry[]> {
  return (await api<{ items: AuditEntry[] }>(`/api/roles/${id}/history`)).items
}
