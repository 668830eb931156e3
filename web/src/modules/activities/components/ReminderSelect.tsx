import { PlusOutlined } from '@ant-design/icons'
import { Button, Flex, InputNumber, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { intlLocale } from '../../../ui/format.ts'
import { useFormat } from '../../../ui/use-format.ts'
import {
  formatReminderAmount,
  MAX_REMINDER_MINUTES,
  MAX_REMINDERS,
  normalizeReminders,
  PRESET_REMINDERS,
  sortedReminders,
} from '../logic/reminders.ts'

interface Props {
  id?: string
  value?: number[]
  onChange?: (value: number[]) => void
  disabled?: boolean
}

type Unit = 'minute' | 'hour' | 'day'
const UNIT_MINUTES: Record<Unit, number> = { minute: 1, hour: 60, day: 1440 }

/** A unit's name as Intl words it after a number (`минут`, `hours`). */
function unitName(unit: Unit, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit, unitDisplay: 'long' })
    .formatToParts(5)
    .filter((p) => p.type === 'unit')
    .map((p) => p.value)
    .join('')
}

/** An offset in words: "at the time", "15 minutes before". */
export function useReminderLabel() {
  const { t } = useTranslation()
  const { language } = useFormat()
  return (minutes: number) =>
    minutes === 0
      ? t('activities.reminders.atTime')
      : t('activities.reminders.before', { amount: formatReminderAmount(minutes, language) })
}

/** Reminders as minutes before the time: the usual ones at a click, any other typed in. */
export function ReminderSelect({ id, value = [], onChange, disabled }: Props) {
  const { t } = useTranslation()
  const { language } = useFormat()
  const label = useReminderLabel()
  const [amount, setAmount] = useState<number | null>(null)
  const [unit, setUnit] = useState<Unit>('minute')
  const offsets = sortedReminders([...PRESET_REMINDERS, ...value])
  const full = value.length >= MAX_REMINDERS
  const custom = amount === null ? null : amount * UNIT_MINUTES[unit]
  const canAdd = custom !== null && custom >= 0 && custom <= MAX_REMINDER_MINUTES && !full

  const add = () => {
    if (!canAdd || custom === null) return
    onChange?.(normalizeReminders([...value, custom]))
    setAmount(null)
  }

  return (
    <Flex vertical gap={6}>
      <Select<number[]>
        id={id}
        mode="multiple"
        disabled={disabled}
        value={value}
        onChange={(next) => onChange?.(normalizeReminders(next))}
        placeholder={t('activities.reminders.none')}
        options={offsets.map((m) => ({ value: m, label: label(m), disabled: full && !value.includes(m) }))}
        allowClear
        style={{ width: '100%' }}
      />
      <Space.Compact size="small">
        <InputNumber<number>
          min={0}
          max={MAX_REMINDER_MINUTES / UNIT_MINUTES[unit]}
          precision={0}
          value={amount}
          disabled={disabled || full}
          onChange={setAmount}
          onPressEnter={(e) => {
            e.preventDefault()
            add()
          }}
          aria-label={t('activities.reminders.customAmount')}
          placeholder={t('activities.reminders.customAmount')}
          style={{ width: 130 }}
        />
        <Select<Unit>
          value={unit}
          onChange={setUnit}
          disabled={disabled || full}
          aria-label={t('activities.reminders.customUnit')}
          options={(['minute', 'hour', 'day'] as const).map((u) => ({
            value: u,
            label: unitName(u, language),
          }))}
          style={{ width: 110 }}
        />
        <Button icon={<PlusOutlined />} disabled={disabled || !canAdd} onClick={add}>
          {t('activities.reminders.add')}
        </Button>
      </Space.Compact>
    </Flex>
  )
}
