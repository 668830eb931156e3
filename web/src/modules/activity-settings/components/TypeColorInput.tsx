import { ColorPicker } from 'antd'
import { useTranslation } from 'react-i18next'

/** Distinct colours offered first; any other can be picked. */
export const TYPE_COLORS = [
  '#1677ff',
  '#13c2c2',
  '#52c41a',
  '#faad14',
  '#fa8c16',
  '#f5222d',
  '#eb2f96',
  '#722ed1',
  '#8c8c8c',
]

interface Props {
  value?: string
  onChange?: (value: string) => void
  disabled?: boolean
}

/** An activity type's colour in the calendar: always set, stored as `#rrggbb`. */
export function TypeColorInput({ value, onChange, disabled }: Props) {
  const { t } = useTranslation()
  return (
    <ColorPicker
      value={value}
      onChange={(color) => onChange?.(color.toHexString().slice(0, 7).toLowerCase())}
      disabledAlpha
      disabledFormat
      format="hex"
      disabled={disabled}
      showText
      presets={[{ label: t('activityTypes.suggestedColors'), colors: TYPE_COLORS, defaultOpen: true }]}
    />
  )
}

/** The small square of a type's colour beside its name. */
export function ColorSwatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        borderRadius: 3,
        background: color,
        verticalAlign: 'middle',
        flex: 'none',
      }}
    />
  )
}
