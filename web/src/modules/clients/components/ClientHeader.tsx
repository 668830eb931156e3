import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import type { ClientCard, CustomField } from '@mmcrm/server/api-types'
import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useAuth } from '../../../app/auth/auth-context.ts'
import { PageHeader } from '../../../ui/PageHeader.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import { ClientActivitySummary } from '../../activities/index.ts'
import { useCustomFieldLabel } from '../../custom-fields/hooks/use-custom-fields.ts'
import { useClientActions } from '../hooks/use-client-actions.ts'
import { ClientMoreActions } from './ClientMoreActions.tsx'
import { CompletenessProgress } from './CompletenessProgress.tsx'
import { COMPLETENESS_FIELD_LABELS, KIND_COLORS, KIND_LABELS, legalFormLabel } from './client-labels.ts'
import { TrashActions } from './TrashActions.tsx'

interface Props {
  client: ClientCard
  defs: CustomField[] | undefined
  /** Opens the merge dialog. */
  onMerge: () => void
}

/** The dossier's heading: name, kind, owner, team, how complete it is and what is missing; the actions. */
export function ClientHeader({ client, defs, onMerge }: Props) {
  const { t } = useTranslation()
  const { can } = useAuth()
  const format = useFormat()
  const navigate = useNavigate()
  const fieldLabel = useCustomFieldLabel()
  const { trash } = useClientActions()
  const inTrash = client.deletedAt !== null
  const legalForm = client.kind === 'organization' ? legalFormLabel(client.legalForm) : undefined

  const missingLabel = (field: string) => {
    if (field.startsWith('custom.')) {
      const def = defs?.find((d) => d.key === field.slice(7))
      return def ? fieldLabel(def) : field.slice(7)
    }
    const key = COMPLETENESS_FIELD_LABELS[field]
    if (field === 'ogrn' && client.legalForm === 'ИП') return t('clients.fields.ogrnip')
    return key ? t(key) : field
  }

  const actions = inTrash ? (
    can('clients.delete') && (
      <TrashActions
        client={client}
        canPurge={can('clients.purge')}
        size="middle"
        onPurged={() => navigate('/clients', { replace: true })}
      />
    )
  ) : (
    <>
      {can('clients.update') && (
        <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/clients/${client.id}/edit`)}>
          {t('common.edit')}
        </Button>
      )}
      {can('clients.delete') && (
        <Popconfirm
          title={t('clients.trash.confirm', { name: client.name })}
          description={t('clients.trash.confirmText')}
          okText={t('clients.trash.move')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            trash.mutateAsync(client).then(
              () => navigate('/clients'),
              () => undefined,
            )
          }
        >
          <Button danger icon={<DeleteOutlined />} loading={trash.isPending}>
            {t('clients.trash.move')}
          </Button>
        </Popconfirm>
      )}
      <ClientMoreActions client={client} onMerge={onMerge} />
    </>
  )

  return (
    <>
      <PageHeader
        title={client.name}
        subtitle={
          <Flex gap={4} wrap component="span">
            <Tag color={KIND_COLORS[client.kind]}>{t(KIND_LABELS[client.kind])}</Tag>
            {legalForm && <Tag>{t(legalForm)}</Tag>}
            {inTrash && <Tag color="red">{t('clients.trash.inTrash')}</Tag>}
            {client.erasedAt && <Tag color="default">{t('clients.privacy.erasedTag')}</Tag>}
          </Flex>
        }
        extra={actions}
      />
      {inTrash && client.deletedAt && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('clients.trash.inTrashSince', { date: format.dateTime(client.deletedAt) })}
          description={
            client.mergedIntoId !== null ? (
              <Link to={`/clients/${client.mergedIntoId}`}>{t('clients.merge.mergedInto')}</Link>
            ) : undefined
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            {
              key: 'owner',
              label: t('clients.fields.owner'),
              children: client.owner?.name ?? (
                <Typography.Text type="secondary">{t('clients.noOwner')}</Typography.Text>
              ),
            },
            {
              key: 'team',
              label: t('clients.fields.team'),
              children: client.team?.name ?? (
                <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
              ),
            },
            {
              key: 'completeness',
              label: t('clients.fields.completeness'),
              children: <CompletenessProgress percent={client.completeness} size="default" />,
            },
            {
              key: 'updated',
              label: t('clients.fields.updatedAt'),
              children: format.dateTime(client.updatedAt),
            },
            ...(can('activities.read') && !inTrash
              ? [
                  {
                    key: 'nextActivity',
                    label: t('clients.fields.nextActivityAt'),
                    children: <ClientActivitySummary clientId={client.id} show="next" />,
                  },
                  {
                    key: 'lastContact',
                    label: t('clients.fields.lastContactAt'),
                    children: <ClientActivitySummary clientId={client.id} show="last" />,
                  },
                ]
              : []),
          ]}
        />
        {client.missing.length > 0 && (
          <Flex gap={4} wrap align="center" style={{ marginTop: 8 }} data-testid="missing">
            <Typography.Text type="secondary">{t('clients.missing')}</Typography.Text>
            {client.missing.map((field) => (
              <Tag key={field} color="orange">
                {missingLabel(field)}
              </Tag>
            ))}
          </Flex>
        )}
      </Card>
    </>
  )
}
