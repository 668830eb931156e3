import type { CustomField } from '@mmcrm/server/api-types'
import dayjs, { type Dayjs } from 'dayjs'

/** What a custom field's control holds: money in roubles, dates as dayjs, the rest as stored. */
export type CustomFormValue = string | number | boolean | string[] | Dayjs | null | undefined

const DATE = 'YYYY-MM-DD'

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

/** A stored value (`YYYY-MM-DD`, kopecks…) as its form control shows it. */
export function toFormValue(def: CustomField, stored: unknown): CustomFormValue {
  if (isEmpty(stored)) return def.type === 'boolean' ? false : undefined
  switch (def.type) {
    case 'money':
      return typeof stored === 'number' ? stored / 100 : undefined
    case 'date':
      return typeof stored === 'string' ? dayjs(stored, DATE) : undefined
    case 'number':
      return typeof stored === 'number' ? stored : undefined
    case 'boolean':
      return stored === true
    case 'multiselect':
      return Array.isArray(stored) ? stored.map(String) : undefined
    default:
      return typeof stored === 'string' ? stored : String(stored)
  }
}

/** A form control's value as the API takes it: null clears it; money becomes whole kopecks. */
export function toStoredValue(def: CustomField, value: CustomFormValue): unknown {
  if (isEmpty(value)) return null
  switch (def.type) {
    case 'money':
      return typeof value === 'number' ? Math.round(value * 100) : null
    case 'date':
      return dayjs.isDayjs(value) ? value.format(DATE) : null
    case 'boolean':
      return value === true
    case 'text':
    case 'long_text':
    case 'link':
      return typeof value === 'string' ? value.trim() || null : value
    default:
      return value
  }
}
