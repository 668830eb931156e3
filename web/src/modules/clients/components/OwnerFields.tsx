import { Col, Form, type FormInstance, Row, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { UserSelect } from '../../staff/components/UserSelect.tsx'
import { useTeams } from '../../staff/hooks/use-staff-queries.ts'
import type { ClientFormValues } from './client-form-values.ts'

interface Props {
  form: FormInstance<ClientFormValues>
  canReassign: boolean
  /** The current owner's name (the employee's own when adding). */
  ownerName: string | null
}

/**
 * Who is responsible for the client. Only those who may reassign clients choose; for everyone else
 * a new client is their own and an existing one keeps its owner.
 */
export function OwnerFields({ form, canReassign, ownerName }: Props) {
  const { t } = useTranslation()
  const teams = useTeams({ enabled: canReassign })
  if (!canReassign) {
    return (
      <Typography.Paragraph type="secondary">
        {t('clients.ownerFixed', { name: ownerName ?? t('clients.noOwner') })}
      </Typography.Paragraph>
    )
  }
  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item name="ownerId" label={t('clients.fields.owner')} extra={t('clients.hints.owner')}>
          <UserSelect
            selectedName={ownerName ?? undefined}
            placeholder={t('clients.noOwner')}
            onChange={() => form.setFieldValue('teamId', undefined)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="teamId" label={t('clients.fields.team')} extra={t('clients.hints.team')}>
          <Select<number>
            allowClear
            placeholder={t('clients.ownersTeam')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={teams.isPending}
            options={teams.data?.map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
      </Col>
    </Row>
  )
}
