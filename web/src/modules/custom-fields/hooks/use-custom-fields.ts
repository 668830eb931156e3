import type { CustomField } from '@mmcrm/server/api-types'
import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { type CustomFieldEntity, customFieldKeys, fetchCustomFields } from '../api/custom-fields-api.ts'

/** The custom field definitions of a record kind (they change rarely: kept for five minutes). */
export function useCustomFields(entity: CustomFieldEntity, enabled = true) {
  return useQuery({
    queryKey: customFieldKeys.list(entity),
    queryFn: () => fetchCustomFields(entity),
    staleTime: 5 * 60_000,
    enabled,
  })
}

type Labelled = { labelRu: string; labelEn: string }

/** A definition's or option's label in the UI language, falling back to the other language. */
export function useCustomFieldLabel() {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  return useCallback(
    (item: Labelled & ({ key: string } | { value: string })): string => {
      const label = en ? item.labelEn || item.labelRu : item.labelRu || item.labelEn
      return label || ('key' in item ? item.key : item.value)
    },
    [en],
  )
}

/** Definitions for one kind of client (`all` applies to both). */
export function fieldsForKind(
  defs: CustomField[] | undefined,
  kind: 'organization' | 'person',
): CustomField[] {
  return (defs ?? []).filter((d) => d.appliesTo === 'all' || d.appliesTo === kind)
}
