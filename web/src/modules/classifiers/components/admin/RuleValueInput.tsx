import { DatePicker, Input, InputNumber, Select, Switch } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { RuleVariable } from '../../api/classifiers-api.ts'
import { type ConditionRow, LIST_OPS, NO_VALUE_OPS, type RuleOp } from './node-form-values.ts'

interface Props {
  id?: string
  variable: RuleVariable | undefined
  op: RuleOp | undefined
  value?: ConditionRow['value']
  onChange?: (value: ConditionRow['value']) => void
  disabled?: boolean
}

/** The value a condition compares with, shaped by the variable's type and the operator (none for "empty"). */
export function RuleValueInput({ id, variable, op, value, onChange, disabled }: Props) {
  const { t } = useTranslation()
  const label = t('classifiers.rule.value')
  if (!variable || !op || NO_VALUE_OPS.includes(op)) return null
  const options = variable.options?.map((o) => ({ value: o.value, label: o.label }))
  const list = LIST_OPS.includes(op)
  const common = { id, 'aria-label': label, disabled, style: { width: '100%' } }

  if (list)
    return (
      <Select<string[]>
        {...common}
        mode={options ? 'multiple' : 'tags'}
        options={options}
        value={Array.isArray(value) ? value : []}
        onChange={(next) => onChange?.(next)}
        placeholder={options ? t('classifiers.rule.chooseValues') : t('classifiers.rule.typeValues')}
        tokenSeparators={options ? undefined : [',', ';']}
        open={options ? undefined : false}
      />
    )
  if (options)
    return (
      <Select<string>
        {...common}
        options={options}
        value={typeof value === 'string' ? value : undefined}
        onChange={(next) => onChange?.(next)}
        placeholder={t('classifiers.rule.chooseValue')}
        showSearch={{ optionFilterProp: 'label' }}
      />
    )
  switch (variable.type) {
    case 'boolean':
      return (
        <Switch
          id={id}
          aria-label={label}
          disabled={disabled}
          checked={Boolean(value)}
          onChange={(checked) => onChange?.(checked)}
          checkedChildren={t('common.yes')}
          unCheckedChildren={t('common.no')}
        />
      )
    case 'number':
      return (
        <InputNumber<number>
          {...common}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => onChange?.(next)}
        />
      )
    case 'date':
      return (
        <DatePicker
          {...common}
          value={dayjs.isDayjs(value) ? value : null}
          onChange={(next) => onChange?.(next)}
          format="DD.MM.YYYY"
        />
      )
    default:
      return (
        <Input
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange?.(e.target.value)}
          maxLength={500}
        />
      )
  }
}
