import type { CustomField } from '@mmcrm/server/api-types'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { ValueRenderer } from '../../../ui/ChangeList.tsx'
import { CustomFieldValue } from '../../custom-fields/components/CustomFieldValue.tsx'
import { useCustomFieldLabel } from '../../custom-fields/hooks/use-custom-fields.ts'
import {
  isClientKind,
  isClientSize,
  KIND_LABELS,
  legalFormLabel,
  SIZE_LABELS,
} from '../components/client-labels.ts'

/** Reads the stored values of a client's history: codes become words, custom values get their labels. */
export function useClientValueRenderer(defs: CustomField[] | undefined): ValueRenderer {
  const { t } = useTranslation()
  const fieldLabel = useCustomFieldLabel()

  return useCallback<ValueRenderer>(
    (field, value) => {
      const s = typeof value === 'string' ? value : undefined
      switch (field) {
        case 'kind':
          return isClientKind(s) ? t(KIND_LABELS[s]) : undefined
        case 'size':
          return isClientSize(s) ? t(SIZE_LABELS[s]) : undefined
        case 'legalForm': {
          const key = s ? legalFormLabel(s) : undefined
          return key ? t(key) : undefined
        }
        case 'custom': {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
          const entries = Object.entries(value)
          if (!entries.length) return t('common.empty')
          return (
            <>
              {entries.map(([key, v], i) => {
                const def = defs?.find((d) => d.key === key)
                return (
                  <span key={key}>
                    {i > 0 && '; '}
                    {def ? fieldLabel(def) : key}
                    {': '}
                    {def ? <CustomFieldValue def={def} value={v} /> : JSON.stringify(v)}
                  </span>
                )
              })}
            </>
          )
        }
        default:
          return undefined
      }
    },
    [t, defs, fieldLabel],
  )
}
