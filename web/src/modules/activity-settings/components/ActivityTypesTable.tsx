import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons'
import type { ActivityType } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Badge, Button, Flex, Space, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { activitySettingsKeys, updateActivityType } from '../api/activity-settings-api.ts'
import { useLocalName } from '../hooks/use-activity-types.ts'
import { durationText } from './duration-text.ts'
import { RESULT_STATUS } from './OutcomesEditor.tsx'
import { ColorSwatch } from './TypeColorInput.tsx'
import { moveType } from './type-order.ts'

interface Props {
  types: ActivityType[] | undefined
  loading: boolean
  onOpen: (type: ActivityType) => void
}

/** The activity types in their order: colour and name, code, direction, duration, outcomes, offered or hidden. */
export function ActivityTypesTable({ types, loading, onOpen }: Props) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const localName = useLocalName()

  const failed = (error: unknown) => {
    if (isApiError(error) && error.code === 'precondition_failed')
      message.warning(t('activityTypes.stale'), 8)
    else message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
  }
  const refresh = () => queryClient.invalidateQueries({ queryKey: activitySettingsKeys.types })

  const toggle = useMutation({
    mutationFn: (type: ActivityType) =>
      updateActivityType(type.id, type.version, { isActive: !type.isActive }),
    onSuccess: (saved) =>
      message.success(
        t(saved.isActive ? 'activityTypes.shown' : 'activityTypes.hidden', { name: localName(saved) }),
      ),
    onError: failed,
    onSettled: refresh,
  })
  // One change per type whose place changed, one after another (each with its own version).
  const reorder = useMutation({
    mutationFn: async ({ id, delta }: { id: number; delta: -1 | 1 }) => {
      for (const p of moveType(types ?? [], id, delta))
        await updateActivityType(p.id, p.version, { position: p.position })
    },
    onError: failed,
    onSettled: refresh,
  })
  const busy = toggle.isPending || reorder.isPending

  const columns: TableColumnsType<ActivityType> = [
    {
      key: 'order',
      title: t('activityTypes.columns.order'),
      width: 90,
      render: (_, type, index) => (
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={t('activityTypes.moveUpNamed', { name: localName(type) })}
            disabled={busy || index === 0}
            onClick={() => reorder.mutate({ id: type.id, delta: -1 })}
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('activityTypes.moveDownNamed', { name: localName(type) })}
            disabled={busy || index === (types?.length ?? 0) - 1}
            onClick={() => reorder.mutate({ id: type.id, delta: 1 })}
          />
        </Space>
      ),
    },
    {
      key: 'name',
      title: t('activityTypes.columns.name'),
      render: (_, type) => (
        <Flex gap={8} align="center" wrap>
          <ColorSwatch color={type.color} />
          <Typography.Link onClick={() => onOpen(type)}>{localName(type)}</Typography.Link>
          {type.isSystem && <Tag>{t('activityTypes.builtIn')}</Tag>}
          {!type.isActive && <Tag color="default">{t('activityTypes.hiddenTag')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'active',
      title: t('activityTypes.columns.active'),
      render: (_, type) => (
        <Switch
          size="small"
          checked={type.isActive}
          loading={toggle.isPending && toggle.variables?.id === type.id}
          disabled={busy}
          aria-label={t('activityTypes.offerNamed', { name: localName(type) })}
          onChange={() => toggle.mutate(type)}
        />
      ),
    },
    {
      key: 'code',
      title: t('activityTypes.columns.code'),
      render: (_, type) => <Typography.Text code>{type.code}</Typography.Text>,
    },
    {
      key: 'direction',
      title: t('activityTypes.columns.direction'),
      render: (_, type) =>
        type.hasDirection ? (
          t('activityTypes.direction')
        ) : (
          <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
        ),
    },
    {
      key: 'duration',
      title: t('activityTypes.columns.duration'),
      render: (_, type) => durationText(type.defaultDurationMin, i18n.language),
    },
    {
      key: 'outcomes',
      title: t('activityTypes.columns.outcomes'),
      render: (_, type) => {
        const active = type.outcomes.filter((o) => o.isActive)
        if (active.length === 0)
          return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
        return (
          <Flex gap={4} wrap style={{ maxWidth: 300 }}>
            {active.map((o) => (
              <Tag key={o.id}>
                <Badge status={RESULT_STATUS[o.result]} text={localName(o)} />
              </Tag>
            ))}
          </Flex>
        )
      },
    },
  ]

  return (
    <Table<ActivityType>
      rowKey="id"
      columns={columns}
      dataSource={types}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('activityTypes.empty') }}
    />
  )
}
