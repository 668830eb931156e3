import { CheckOutlined, EditOutlined, MoreOutlined, RetweetOutlined } from '@ant-design/icons'
import type { Activity } from '@mmcrm/server/api-types'
import { App, Button, Card, Dropdown, Flex, Tag, Tooltip, Typography, theme } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../../ui/use-format.ts'
import { useActivityActions } from '../hooks/use-organizer-actions.ts'
import { OutcomeTag } from './OutcomeInput.tsx'
import { ScopeModal } from './ScopeModal.tsx'
import { TypeBadge } from './TypeBadge.tsx'

interface Props {
  activity: Activity
  /** Opens the completion dialog (outcome, result, the next activity). */
  onComplete?: (a: Activity) => void
  /** Opens the edit form. */
  onEdit?: (a: Activity) => void
  /** Show the client it concerns (lists that mix clients). */
  showClient?: boolean
}

/**
 * One activity on a timeline or list: type, title, when and with whom; overdue ones stand out; a done
 * one shows its outcome and result. Actions: complete, edit, cancel, delete (for a series: which ones).
 */
export function ActivityCard({ activity: a, onComplete, onEdit, showClient }: Props) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const format = useFormat()
  const { token } = theme.useToken()
  const { cancel, remove } = useActivityActions()
  const [askDelete, setAskDelete] = useState(false)
  const planned = a.status === 'planned'
  const inSeries = a.recurrence !== null && planned

  const details = [
    planned || a.status === 'cancelled'
      ? format.dateTime(a.startsAt)
      : format.dateTime(a.doneAt ?? a.startsAt),
    a.durationMin > 0 ? t('activities.card.duration', { minutes: a.durationMin }) : null,
    a.owner?.name,
    a.contact?.name,
    a.location,
  ].filter(Boolean)

  const menu = [
    ...(planned
      ? [
          {
            key: 'cancel',
            label: t('activities.card.cancel'),
            onClick: () =>
              modal.confirm({
                title: t('activities.card.cancelConfirm'),
                okText: t('activities.card.cancel'),
                cancelText: t('common.cancel'),
                onOk: () => cancel.mutateAsync(a).then(() => undefined),
              }),
          },
        ]
      : []),
    {
      key: 'delete',
      danger: true,
      label: t('common.delete'),
      onClick: () =>
        inSeries
          ? setAskDelete(true)
          : modal.confirm({
              title: t('activities.card.deleteConfirm'),
              okText: t('common.delete'),
              okButtonProps: { danger: true },
              cancelText: t('common.cancel'),
              onOk: () => remove.mutateAsync({ activity: a, scope: 'occurrence' }).then(() => undefined),
            }),
    },
  ]

  return (
    <Card
      size="small"
      data-testid="activity-card"
      style={a.overdue ? { borderInlineStart: `3px solid ${token.colorError}` } : undefined}
    >
      <Flex justify="space-between" gap={8} align="flex-start">
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={8} align="center" wrap>
            <TypeBadge activity={a} />
            <Typography.Text strong delete={a.status === 'cancelled'}>
              {a.title || a.type.name}
            </Typography.Text>
            {a.overdue && <Tag color="error">{t('activities.card.overdue')}</Tag>}
            {a.status === 'cancelled' && <Tag>{t('activities.status.cancelled')}</Tag>}
            {a.recurrence && (
              <Tooltip title={a.recurrence.text}>
                <RetweetOutlined aria-label={a.recurrence.text} />
              </Tooltip>
            )}
          </Flex>
          <Typography.Text type={a.overdue ? 'danger' : 'secondary'}>
            {details.join(' · ')}
            {showClient && a.client && (
              <>
                {' · '}
                <Link to={`/clients/${a.client.id}`}>{a.client.name}</Link>
              </>
            )}
          </Typography.Text>
          {a.description && (
            <Typography.Paragraph
              ellipsis={{ rows: 2, expandable: 'collapsible' }}
              style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
            >
              {a.description}
            </Typography.Paragraph>
          )}
          {a.status === 'done' && (a.outcome || a.result) && (
            <Flex gap={8} align="flex-start" wrap>
              {a.outcome && <OutcomeTag outcome={a.outcome} />}
              {a.result && (
                <Typography.Paragraph
                  ellipsis={{ rows: 3, expandable: 'collapsible' }}
                  style={{ marginBottom: 0, whiteSpace: 'pre-wrap', flex: 1, minWidth: 200 }}
                >
                  {a.result}
                </Typography.Paragraph>
              )}
            </Flex>
          )}
        </Flex>
        {a.canEdit && (
          <Flex gap={4} style={{ flex: 'none' }}>
            {planned && onComplete && (
              <Button
                size="small"
                icon={<CheckOutlined />}
                onClick={() => onComplete(a)}
                data-testid="activity-complete"
              >
                {t('activities.card.complete')}
              </Button>
            )}
            {onEdit && (
              <Tooltip title={t('common.edit')}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  onClick={() => onEdit(a)}
                />
              </Tooltip>
            )}
            <Dropdown menu={{ items: menu }} trigger={['click']}>
              <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} />
            </Dropdown>
          </Flex>
        )}
      </Flex>
      <ScopeModal
        action={askDelete ? 'delete' : null}
        loading={remove.isPending}
        onCancel={() => setAskDelete(false)}
        onChoose={(scope) =>
          remove.mutateAsync({ activity: a, scope }).then(
            () => setAskDelete(false),
            () => setAskDelete(false),
          )
        }
      />
    </Card>
  )
}
