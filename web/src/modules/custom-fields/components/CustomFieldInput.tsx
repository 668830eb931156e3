import type { CustomField } from '@mmcrm/server/api-types'
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCustomFieldLabel } from '../hooks/use-custom-fields.ts'

interface Props {
  def: CustomField
  id?: string
  value?: never
  onChange?: never
}

/**
 * The control for one custom field by its type; put it inside a Form.Item, which supplies value and
 * onChange (booleans need `valuePropName="checked"`, see `customValuePropName`).
 */
export function CustomFieldInput({ def, ...control }: Props) {
  const { t } = useTranslation()
  const label = useCustomFieldLabel()
  const options = def.options.map((o) => ({ value: o.value, label: label(o) }))
  switch (def.type) {
    case 'text':
      return <Input {...control} maxLength={500} />
    case 'long_text':
      return <Input.TextArea {...control} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} />
    case 'number':
      return <InputNumber {...control} style={{ width: '100%' }} decimalSeparator="," />
    case 'money':
      return (
        <InputNumber
          {...control}
          style={{ width: '100%' }}
          min={-1e13}
          max={1e13}
          precision={2}
          step={100}
          decimalSeparator=","
          suffix={t('customFields.rub')}
        />
      )
    case 'date':
      return <DatePicker {...control} format="DD.MM.YYYY" style={{ width: '100%' }} />
    case 'boolean':
      return <Switch {...control} />
    case 'select':
      return <Select {...control} allowClear options={options} showSearch={{ optionFilterProp: 'label' }} />
    case 'multiselect':
      return (
        <Select
          {...control}
          mode="multiple"
          allowClear
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
        />
      )
    case 'link':
      return (
        <Input
          {...control}
          inputMode="url"
          maxLength={2000}
          placeholder={t('customFields.linkPlaceholder')}
        />
      )
  }
}

/** Switches carry their value as `checked`. */
export function customValuePropName(def: CustomField): string {
  return def.type === 'boolean' ? 'checked' : 'value'
}
