import type { CustomField, CustomFieldCreate, CustomFieldUpdate } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

/** Record kinds that carry custom fields. */
export type CustomFieldEntity = CustomField['entity']

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  list: (entity: CustomFieldEntity) => ['custom-fields', entity] as const,
}

/** The definitions of a record kind, in display order, labelled in the caller's language. */
export async function fetchCustomFields(entity: CustomFieldEntity): Promise<CustomField[]> {
  return (await api<{ items: CustomField[] }>('/api/custom-fields', { query: { entity } })).items
}

export function createCustomField(body: CustomFieldCreate): Promise<CustomField> {
  return api<CustomField>('/api/custom-fields', { method: 'POST', body })
}

export function updateCustomField(
  id: number,
  version: number,
  patch: CustomFieldUpdate,
): Promise<CustomField> {
  return api<CustomField>(`/api/custom-fields/${id}`, { method: 'PATCH', body: patch, version })
}

export function deleteCustomField(id: number, version: number): Promise<void> {
  return api<void>(`/api/custom-fields/${id}`, { method: 'DELETE', version })
}

/** Which fields make a client dossier complete, per kind, and the fields that can be chosen. */
export interface CompletenessSettings {
  organization: string[]
  person: string[]
  available: string[]
}

export const completenessKey = ['settings', 'client-completeness'] as const

export function fetchCompleteness(): Promise<CompletenessSettings> {
  return api<CompletenessSettings>('/api/settings/client-completeness')
}

export function saveCompleteness(
  body: Pick<CompletenessSettings, 'organization' | 'person'>,
): Promise<CompletenessSettings> {
  return api<CompletenessSettings>('/api/settings/client-completeness', { method: 'PUT', body })
}
