import type { CustomField } from '@mmcrm/server/api-types'
import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../ui/use-format.ts'
import { useCustomFieldLabel } from '../hooks/use-custom-fields.ts'

interface Props {
  def: CustomField
  value: unknown
}

function safeLink(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** A stored custom value as text: money in roubles, dates in the UI language, options by their labels. */
export function CustomFieldValue({ def, value }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const label = useCustomFieldLabel()
  const empty = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) {
    return empty
  }
  const optionLabel = (v: unknown) => {
    const option = def.options.find((o) => o.value === v)
    return option ? label(option) : String(v)
  }
  switch (def.type) {
    case 'money':
      return typeof value === 'number' ? format.money(value) : String(value)
    case 'number':
      return typeof value === 'number' ? format.number(value) : String(value)
    case 'date':
      return typeof value === 'string' ? format.calendarDate(value) : String(value)
    case 'boolean':
      return value === true ? t('common.yes') : t('common.no')
    case 'select':
      return optionLabel(value)
    case 'multiselect':
      return (
        <>
          {(Array.isArray(value) ? value : [value]).map((v) => (
            <Tag key={String(v)}>{optionLabel(v)}</Tag>
          ))}
        </>
      )
    case 'link': {
      const href = typeof value === 'string' ? safeLink(value) : null
      return href ? (
        <Typography.Link href={href} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </Typography.Link>
      ) : (
        String(value)
      )
    }
    case 'long_text':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>
    default:
      return String(value)
  }
}
