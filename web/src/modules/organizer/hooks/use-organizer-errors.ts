import { App } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'

/** Shows why a change failed: someone changed the record meanwhile (412), or the server's own words. */
export function useOrganizerErrors(): (error: unknown) => void {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.code === 'precondition_failed') {
        message.warning(t('organizer.stale'), 6)
        return
      }
      if (isApiError(error) && error.code === 'network') {
        message.error(t('errors.network'), 6)
        return
      }
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
    },
    [message, t],
  )
}
