import type { AuditEntry, Team, TeamCreate, TeamUpdate } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export async function fetchTeams(): Promise<Team[]> {
  return (await api<{ items: Team[] }>('/api/teams')).items
}

export function fetchTeam(id: number): Promise<Team> {
  return api<Team>(`/api/teams/${id}`)
}

export function createTeam(body: TeamCreate): Promise<Team> {
  return api<Team>('/api/teams', { method: 'POST', body })
}

export function updateTeam(id: number, version: number, patch: TeamUpdate): Promise<Team> {
  return api<Team>(`/api/teams/${id}`, { method: 'PATCH', body: patch, version })
}

export function deleteTeam(id: number, version: number): Promise<void> {
  return api<void>(`/api/teams/${id}`, { method: 'DELETE', version })
}

export async function fetchTeamHistory(id: number): Promise<AuditEntry[]> {
  return (await api<{ items: AuditEntry[] }>(`/api/teams/${id}/history`)).items
}
