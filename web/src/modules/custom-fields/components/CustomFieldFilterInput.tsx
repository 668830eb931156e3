import type { CustomField, CustomFilter } from '@mmcrm/server/api-types'
import { DatePicker, Flex, Input, InputNumber, Select } from 'antd'
import dayjs from 'dayjs'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useCustomFieldLabel } from '../hooks/use-custom-fields.ts'

interface Props {
  def: CustomField
  value: CustomFilter | undefined
  onChange: (filter: CustomFilter | undefined) => void
  id?: string
}

type Condition = 'empty' | 'notEmpty'

const DATE = 'YYYY-MM-DD'

function conditionOf(filter: CustomFilter | undefined): Condition | undefined {
  return filter?.op === 'empty' || filter?.op === 'notEmpty' ? filter.op : undefined
}

/** Money bounds are typed in roubles and sent in kopecks. */
function toBound(def: CustomField, value: number | null): number | undefined {
  if (value === null || value === undefined) return undefined
  return def.type === 'money' ? Math.round(value * 100) : value
}

function fromBound(def: CustomField, value: string | number | undefined): number | null {
  if (value === undefined || value === '') return null
  const n = Number(value)
  if (!Number.isFinite(n)) return null
  return def.type === 'money' ? n / 100 : n
}

/**
 * A list filter on one custom field, by its type: text contains, one of the options, a number, money
 * or date range, yes/no; or "is empty" / "is filled" for any type.
 */
export function CustomFieldFilterInput({ def, value, onChange, id }: Props) {
  const { t } = useTranslation()
  const label = useCustomFieldLabel()
  const condition = conditionOf(value)

  const conditionSelect = (
    <Select<Condition>
      id={id}
      aria-label={label(def)}
      placeholder={t('customFields.filter.byValue')}
      allowClear
      value={condition}
      style={{ width: 170, flex: 'none' }}
      onChange={(next) => onChange(next ? { op: next } : undefined)}
      options={[
        { value: 'empty', label: t('customFields.filter.empty') },
        { value: 'notEmpty', label: t('customFields.filter.notEmpty') },
      ]}
    />
  )

  let control: ReactNode = null
  const active = condition === undefined
  switch (def.type) {
    case 'text':
    case 'long_text':
    case 'link':
      control = (
        <Input
          aria-label={t('customFields.filter.contains')}
          placeholder={t('customFields.filter.contains')}
          disabled={!active}
          value={value?.op === 'contains' ? value.value : ''}
          onChange={(e) => onChange(e.target.value ? { op: 'contains', value: e.target.value } : undefined)}
        />
      )
      break
    case 'select':
    case 'multiselect':
      control = (
        <Select<string[]>
          mode="multiple"
          aria-label={t('customFields.filter.oneOf')}
          placeholder={t('customFields.filter.oneOf')}
          disabled={!active}
          allowClear
          style={{ flex: 1, minWidth: 160 }}
          value={value?.op === 'in' ? [...value.values] : []}
          onChange={(values) => onChange(values.length ? { op: 'in', values } : undefined)}
          options={def.options.map((o) => ({ value: o.value, label: label(o) }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      )
      break
    case 'number':
    case 'money': {
      const range = value?.op === 'range' ? value : undefined
      const set = (from: number | undefined, to: number | undefined) =>
        onChange(from === undefined && to === undefined ? undefined : { op: 'range', from, to })
      control = (
        <Flex gap={4} style={{ flex: 1 }}>
          <InputNumber
            aria-label={t('customFields.filter.from')}
            placeholder={t('customFields.filter.from')}
            disabled={!active}
            style={{ width: '50%' }}
            value={fromBound(def, range?.from)}
            onChange={(v) => set(toBound(def, v), range?.to === undefined ? undefined : Number(range.to))}
          />
          <InputNumber
            aria-label={t('customFields.filter.to')}
            placeholder={t('customFields.filter.to')}
            disabled={!active}
            style={{ width: '50%' }}
            value={fromBound(def, range?.to)}
            onChange={(v) => set(range?.from === undefined ? undefined : Number(range.from), toBound(def, v))}
          />
        </Flex>
      )
      break
    }
    case 'date': {
      const range = value?.op === 'range' ? value : undefined
      control = (
        <DatePicker.RangePicker
          disabled={!active}
          allowEmpty={[true, true]}
          format="DD.MM.YYYY"
          style={{ flex: 1 }}
          value={[
            range?.from ? dayjs(String(range.from), DATE) : null,
            range?.to ? dayjs(String(range.to), DATE) : null,
          ]}
          onChange={(dates) => {
            const from = dates?.[0]?.format(DATE)
            const to = dates?.[1]?.format(DATE)
            onChange(from || to ? { op: 'range', from, to } : undefined)
          }}
        />
      )
      break
    }
    case 'boolean':
      control = (
        <Select<'true' | 'false'>
          aria-label={label(def)}
          placeholder={t('customFields.filter.any')}
          disabled={!active}
          allowClear
          style={{ flex: 1 }}
          value={value?.op === 'eq' ? (value.value === true ? 'true' : 'false') : undefined}
          onChange={(v) => onChange(v === undefined ? undefined : { op: 'eq', value: v === 'true' })}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      )
      break
  }

  return (
    <Flex gap={8} align="center">
      {conditionSelect}
      {control}
    </Flex>
  )
}
