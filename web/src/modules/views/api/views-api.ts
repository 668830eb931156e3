import type { SavedView, SavedViewCreate, SavedViewState, SavedViewUpdate } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export type { SavedView, SavedViewState }

export const viewKeys = {
  list: (entity: string) => ['views', entity] as const,
}

export async function fetchViews(entity: 'clients'): Promise<SavedView[]> {
  return (await api<{ items: SavedView[] }>('/api/views', { query: { entity } })).items
}

export function createView(body: SavedViewCreate): Promise<SavedView> {
  return api<SavedView>('/api/views', { method: 'POST', body })
}

export function updateView(view: SavedView, body: SavedViewUpdate): Promise<SavedView> {
  return api<SavedView>(`/api/views/${view.id}`, { method: 'PATCH', body, version: view.version })
}

export function deleteView(view: SavedView): Promise<void> {
  return api<void>(`/api/views/${view.id}`, { method: 'DELETE', version: view.version })
}

export function setDefaultView(entity: 'clients', viewId: number | null): Promise<void> {
  return api<void>('/api/views/default', { method: 'PUT', body: { entity, viewId } })
}
