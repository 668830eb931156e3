import { Button, DatePicker, Flex, Select } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth/auth-context.ts'
import { UserSelect } from '../../staff/components/UserSelect.tsx'
import { AUDIT_ENTITY_TYPES, type AuditEntityType } from '../api/audit-api.ts'
import type { AuditFilters as Filters } from '../hooks/use-audit-filters.ts'

interface Props {
  filters: Filters
  onChange: (patch: Partial<Filters>) => void
}

/** What kind of record, who changed it, and when (days in the employee's time zone). */
export function AuditFilters({ filters, onChange }: Props) {
  const { t } = useTranslation()
  const { can } = useAuth()
  const any = Boolean(filters.entityType || filters.actorId || filters.fromDate || filters.toDate)
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Select<AuditEntityType>
        aria-label={t('audit.filterEntity')}
        placeholder={t('audit.filterEntity')}
        allowClear
        value={filters.entityType}
        onChange={(entityType) => onChange({ entityType, entityId: undefined })}
        options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: t(`audit.entities.${type}`) }))}
        style={{ width: 200 }}
      />
      {can('users.read') && (
        <div style={{ width: 260 }}>
          <UserSelect
            value={filters.actorId ?? null}
            onChange={(actorId) => onChange({ actorId: actorId ?? undefined })}
            placeholder={t('audit.filterActor')}
          />
        </div>
      )}
      <DatePicker.RangePicker
        aria-label={t('audit.filterPeriod')}
        value={[
          filters.fromDate ? dayjs(filters.fromDate) : null,
          filters.toDate ? dayjs(filters.toDate) : null,
        ]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          onChange({
            fromDate: range?.[0]?.format('YYYY-MM-DD'),
            toDate: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
      />
      {any && (
        <Button
          type="link"
          onClick={() =>
            onChange({
              entityType: undefined,
              entityId: undefined,
              actorId: undefined,
              fromDate: undefined,
              toDate: undefined,
            })
          }
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </Flex>
  )
}
