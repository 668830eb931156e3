import type { ActivityType } from '@mmcrm/server/api-types'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth/auth-context.ts'
import { fetchActivityTypes, fetchOrganizerPeople, fetchReminderSettings } from '../api/activities-api.ts'
import { activityKeys, organizerKeys } from '../api/activity-keys.ts'

/** Activity types with their outcomes (hidden ones too: past activities keep them). */
export function useActivityTypes() {
  const { can } = useAuth()
  return useQuery({
    queryKey: activityKeys.types,
    queryFn: fetchActivityTypes,
    staleTime: 5 * 60_000,
    enabled: can('activities.read'),
  })
}

/** A type's name in the UI language (the server words `name` in the employee's saved one). */
export function useTypeName() {
  const { i18n } = useTranslation()
  return (type: Pick<ActivityType, 'nameRu' | 'nameEn'>) =>
    i18n.language === 'ru' ? type.nameRu : type.nameEn
}

/** Colleagues the employee may see: performers and assignees to choose from. */
export function useOrganizerPeople(enabled = true) {
  const { can } = useAuth()
  return useQuery({
    queryKey: organizerKeys.people,
    queryFn: fetchOrganizerPeople,
    staleTime: 60_000,
    enabled: enabled && can('activities.read'),
  })
}

/** The employee's reminder defaults: what a new activity or task gets when nothing is chosen. */
export function useReminderSettings(enabled = true) {
  const { can } = useAuth()
  return useQuery({
    queryKey: organizerKeys.reminderSettings,
    queryFn: fetchReminderSettings,
    staleTime: 5 * 60_000,
    enabled: enabled && can('activities.read'),
  })
}
