import { PlusOutlined } from '@ant-design/icons'
import { Button, Divider, Flex, InputNumber, Segmented, Select, Typography } from 'antd'
import { type CSSProperties, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  MAX_OFFSETS,
  normalizeOffsets,
  OFFSET_UNITS,
  type OffsetUnit,
  offsetChoices,
  offsetLabel,
  toMinutes,
} from './reminder-offsets.ts'

interface Props {
  value?: number[]
  onChange?: (value: number[]) => void
  id?: string
  disabled?: boolean
  'aria-label'?: string
  style?: CSSProperties
}

/** Reminder offsets: several of the presets (at the time … 2 days) or any number of minutes, hours or days. */
export function OffsetsSelect({ value = [], onChange, id, disabled, style, ...rest }: Props) {
  const { t } = useTranslation()
  const [count, setCount] = useState<number | null>(null)
  const [unit, setUnit] = useState<OffsetUnit>('minutes')
  const custom = toMinutes(count, unit)
  const full = value.length >= MAX_OFFSETS
  const add = () => {
    if (custom === null || full) return
    onChange?.(normalizeOffsets([...value, custom]))
    setCount(null)
  }

  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      aria-label={rest['aria-label']}
      value={value}
      disabled={disabled}
      onChange={(next) => onChange?.(normalizeOffsets(next))}
      options={offsetChoices(value).map((m) => ({ value: m, label: offsetLabel(m, t) }))}
      maxCount={MAX_OFFSETS}
      showSearch={false}
      allowClear
      placeholder={t('reminderSettings.placeholder')}
      style={{ minWidth: 240, ...style }}
      popupRender={(menu) => (
        <>
          {menu}
          <Divider style={{ margin: '4px 0' }} />
          <Flex vertical gap={4} style={{ padding: '4px 8px' }}>
            <Typography.Text type="secondary">{t('reminderSettings.custom')}</Typography.Text>
            <Flex gap={4} align="center" wrap>
              <InputNumber
                size="small"
                min={1}
                precision={0}
                value={count}
                onChange={setCount}
                onKeyDown={(e) => {
                  e.stopPropagation()
                  if (e.key === 'Enter') add()
                }}
                aria-label={t('reminderSettings.customCount')}
                style={{ width: 72 }}
              />
              <Segmented<OffsetUnit>
                size="small"
                value={unit}
                onChange={setUnit}
                options={OFFSET_UNITS.map((u) => ({ value: u, label: t(`reminderSettings.units.${u}`) }))}
              />
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={custom === null || full || value.includes(custom)}
                onClick={add}
              >
                {t('reminderSettings.add')}
              </Button>
            </Flex>
            {full ? (
              <Typography.Text type="secondary">
                {t('reminderSettings.max', { max: MAX_OFFSETS })}
              </Typography.Text>
            ) : (
              count !== null &&
              custom === null && (
                <Typography.Text type="danger">{t('reminderSettings.customInvalid')}</Typography.Text>
              )
            )}
          </Flex>
        </>
      )}
    />
  )
}
