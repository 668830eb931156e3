import type { Role } from '@mmcrm/server/api-types'
import { Flex, Radio, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

export type Visibility = Role['visibility']
export const VISIBILITIES: readonly Visibility[] = ['own', 'team', 'all']

interface Props {
  id?: string
  value?: Visibility
  onChange?: (value: Visibility) => void
  disabled?: boolean
}

/** Which records a role's employees see, explained in words. */
export function VisibilityChoice({ id, value, onChange, disabled }: Props) {
  const { t } = useTranslation()
  return (
    <Radio.Group
      id={id}
      value={value}
      disabled={disabled}
      onChange={(e) => {
        const next = VISIBILITIES.find((v) => v === e.target.value)
        if (next) onChange?.(next)
      }}
    >
      <Flex vertical gap={8}>
        {VISIBILITIES.map((v) => (
          <Radio key={v} value={v}>
            {t(`visibility.${v}.label`)}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t(`visibility.${v}.text`)}
            </Typography.Text>
          </Radio>
        ))}
      </Flex>
    </Radio.Group>
  )
}
