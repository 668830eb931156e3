import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { ValueRenderer } from '../../../ui/ChangeList.tsx'
import { useFormat } from '../../../ui/use-format.ts'

/** Reads the stored values of a contact person's history: the birthday as a date, channel kinds in words. */
export function useContactValueRenderer(): ValueRenderer {
  const { t } = useTranslation()
  const format = useFormat()
  return useCallback<ValueRenderer>(
    (field, value, entry) => {
      if (entry.entityType !== 'contact') return undefined
      if (field === 'birthday' && typeof value === 'string') return format.calendarDate(value)
      // Channels are kept as `phone: +7 …`: the kind is shown in the reader's language.
      if (field === 'channels' && Array.isArray(value))
        return value
          .map((item) => {
            const [type = '', ...rest] = String(item).split(': ')
            return rest.length
              ? `${t(`clients.channels.${type}`, { defaultValue: type })}: ${rest.join(': ')}`
              : String(item)
          })
          .join(', ')
      return undefined
    },
    [t, format],
  )
}
