import { ColorPicker, type ColorPickerProps } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A handful of distinct colours offered first (any other can be picked). */
export const NODE_COLORS = [
  '#1677ff',
  '#13c2c2',
  '#52c41a',
  '#fadb14',
  '#fa8c16',
  '#f5222d',
  '#eb2f96',
  '#722ed1',
  '#8c8c8c',
]

type PickedColor = Parameters<NonNullable<ColorPickerProps['onChange']>>[0]

/** `#rrggbb`, or '' once the colour is cleared. */
export function hexOf(color: PickedColor): string {
  return color.cleared ? '' : color.toHexString().slice(0, 7).toLowerCase()
}

interface Props {
  value?: string
  onChange?: (value: string) => void
  onOpenChange?: (open: boolean) => void
  disabled?: boolean
  /** A custom trigger (the tree's colour dot); the default shows the swatch and its code. */
  children?: ReactNode
}

/** A node's colour: a picker with suggested colours, stored as `#rrggbb` or empty. */
export function NodeColorInput({ value, onChange, onOpenChange, disabled, children }: Props) {
  const { t } = useTranslation()
  return (
    <ColorPicker
      value={value || null}
      onChange={(color) => onChange?.(hexOf(color))}
      onClear={() => onChange?.('')}
      onOpenChange={onOpenChange}
      allowClear
      disabledAlpha
      disabledFormat
      format="hex"
      disabled={disabled}
      showText={
        children ? undefined : (color) => (value ? color.toHexString() : t('classifiers.node.noColor'))
      }
      presets={[{ label: t('classifiers.node.suggestedColors'), colors: NODE_COLORS, defaultOpen: true }]}
    >
      {children}
    </ColorPicker>
  )
}
