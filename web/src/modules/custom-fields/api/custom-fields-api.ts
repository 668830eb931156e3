import type { CustomField } from '@mmcrm/server/api-types'
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
