import type { AuditEntry } from '@mmcrm/server/api-types'
import { Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ISO_INSTANT, isEmptyValue } from './change-value.ts'
import { useFormat } from './use-format.ts'

/** Turns a stored value into something readable; return undefined to fall back to the generic form. */
export type ValueRenderer = (field: string, value: unknown, entry: AuditEntry) => ReactNode | undefined

interface Props {
  entry: AuditEntry
  renderValue?: ValueRenderer
}

/** The fields an audit entry changed: `Field: from → to`. */
export function ChangeList({ entry, renderValue }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const fields = Object.entries(entry.changes)
  if (fields.length === 0) return null

  const show = (field: string, value: unknown): ReactNode => {
    if (isEmptyValue(value)) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
    const special = renderValue?.(field, value, entry)
    if (special !== undefined) return special
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
    if (typeof value === 'string' && ISO_INSTANT.test(value)) return format.dateTime(value)
    if (typeof value === 'string' || typeof value === 'number') return String(value)
    if (Array.isArray(value)) return value.map(String).join(', ')
    return JSON.stringify(value)
  }

  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {fields.map(([field, change]) => (
        <li key={field}>
          <Typography.Text strong>
            {t([`audit.fieldsByType.${entry.entityType}.${field}`, `audit.fields.${field}`], {
              defaultValue: field,
            })}
          </Typography.Text>
          {': '}
          {'from' in change && (
            <>
              <Typography.Text delete={!('to' in change)}>{show(field, change.from)}</Typography.Text>
              {'to' in change && ' → '}
            </>
          )}
          {'to' in change && <Typography.Text>{show(field, change.to)}</Typography.Text>}
        </li>
      ))}
    </ul>
  )
}
