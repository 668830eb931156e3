import type { AuditEntry } from '@mmcrm/server/api-types'
import { Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ChangeList, type ValueRenderer } from '../../../ui/ChangeList.tsx'
import { useReadableChanges } from '../../../ui/History.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import { useContactValueRenderer } from '../../contacts/hooks/use-contact-value-renderer.ts'
import { useStaffValueRenderer } from '../../staff/hooks/use-staff-value-renderer.tsx'
import { EntityRef } from './EntityRef.tsx'

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  classify: 'purple',
  delete: 'red',
  revoke: 'red',
}

interface Props {
  entries: AuditEntry[]
  loading: boolean
}

/** Audit entries: when, who, what they did to which record, and each field from → to. */
export function AuditTable({ entries, loading }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const staffValue = useStaffValueRenderer()
  const contactValue = useContactValueRenderer()
  const readable = useReadableChanges(entries)
  const renderValue: ValueRenderer = (field, value, entry) =>
    contactValue(field, value, entry) ?? staffValue(field, value, entry)
  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.columns.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => format.dateTime(at),
    },
    {
      title: t('audit.columns.actor'),
      key: 'actor',
      width: 200,
      render: (_, entry) => (
        <div>
          {entry.actor?.name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`audit.sources.${entry.source}`, { defaultValue: entry.source })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      width: 140,
      render: (action: string) => (
        <Tag color={ACTION_COLORS[action]}>{t(`audit.actions.${action}`, { defaultValue: action })}</Tag>
      ),
    },
    {
      title: t('audit.columns.entity'),
      key: 'entity',
      width: 200,
      render: (_, entry) => <EntityRef type={entry.entityType} id={entry.entityId} />,
    },
    {
      title: t('audit.columns.changes'),
      key: 'changes',
      render: (_, entry) => <ChangeList entry={entry} renderValue={renderValue} />,
    },
  ]
  return (
    <Table<AuditEntry>
      rowKey="id"
      columns={columns}
      dataSource={readable}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
    />
  )
}
