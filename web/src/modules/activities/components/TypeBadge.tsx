import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons'
import type { Activity } from '@mmcrm/server/api-types'
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'

/** A small round mark in a type's colour. */
export function TypeDot({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: '50%',
        background: color,
        flex: 'none',
      }}
    />
  )
}

/** An activity's type as a coloured tag, with the direction of a call or letter. */
export function TypeBadge({ activity }: { activity: Pick<Activity, 'type' | 'direction'> }) {
  const { t } = useTranslation()
  const direction = activity.direction
  return (
    <Tag color={activity.type.color} style={{ marginInlineEnd: 0 }}>
      {direction && (
        <Tooltip title={t(`activities.direction.${direction}`)}>
          {direction === 'in' ? (
            <ArrowDownOutlined aria-label={t('activities.direction.in')} />
          ) : (
            <ArrowUpOutlined aria-label={t('activities.direction.out')} />
          )}{' '}
        </Tooltip>
      )}
      {activity.type.name}
    </Tag>
  )
}
