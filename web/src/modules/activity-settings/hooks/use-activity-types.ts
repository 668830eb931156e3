import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { activitySettingsKeys, fetchActivityTypes } from '../api/activity-settings-api.ts'

/** Every activity type with its outcomes, in display order (hidden ones too). */
export function useActivityTypes(enabled = true) {
  return useQuery({
    queryKey: activitySettingsKeys.typeList,
    queryFn: fetchActivityTypes,
    staleTime: 5 * 60_000,
    enabled,
  })
}

/** A type's or outcome's name in the UI language, falling back to the other language. */
export function useLocalName() {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  return useCallback(
    (item: { nameRu: string; nameEn: string }) =>
      en ? item.nameEn || item.nameRu : item.nameRu || item.nameEn,
    [en],
  )
}
