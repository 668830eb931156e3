import type { AuditEntry, Classifier } from '@mmcrm/server/api-types'
import { useQuery } from '@tanstack/react-query'
import { Empty, Skeleton, Space, Timeline, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from './api.ts'
import { ChangeList, type ValueRenderer } from './ChangeList.tsx'
import { ErrorAlert } from './ErrorAlert.tsx'
import { useFormat } from './use-format.ts'

interface Props {
  entries: AuditEntry[] | undefined
  loading?: boolean
  error?: unknown
  renderValue?: ValueRenderer
}

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  delete: 'red',
  password: 'gray',
  revoke: 'red',
}

/** `classifier:<id>`: a client's nodes in one classifier. */
const CLASSIFIER_FIELD = /^classifier:(\d+)$/
/** `contactPersons.<id>.<field>`: how a contact person is linked to an organization. */
const CONTACT_LINK_FIELD = /^contactPersons\.\d+\.(position|department|role|isPrimary)$/

function hasClassifierField(entries: AuditEntry[] | undefined): boolean {
  return entries?.some((entry) => Object.keys(entry.changes).some((f) => CLASSIFIER_FIELD.test(f))) ?? false
}

/**
 * Entries whose field keys carry ids (`classifier:12`, `contactPersons.5.role`) with those keys turned
 * into words ("Classification “Industry”"). The change list words a field it has no label for by the key
 * itself, so a worded key shows as is. Classifier names are fetched only when an entry needs them; under
 * the classifiers' key prefix, so editing a classifier refreshes them.
 */
export function useReadableChanges(entries: AuditEntry[] | undefined): AuditEntry[] | undefined {
  const { t, i18n } = useTranslation()
  const classifiers = useQuery({
    queryKey: ['classifiers', 'names-for-history'],
    queryFn: async ({ signal }) => (await api<{ items: Classifier[] }>('/api/classifiers', { signal })).items,
    enabled: hasClassifierField(entries),
    staleTime: 5 * 60_000,
    retry: false,
  })
  const en = i18n.language === 'en'
  return useMemo(() => {
    if (!entries) return entries
    const names = new Map(
      (classifiers.data ?? []).map((c) => [c.id, en ? c.name.en || c.name.ru : c.name.ru || c.name.en]),
    )
    const label = (field: string): string | undefined => {
      const classifier = CLASSIFIER_FIELD.exec(field)
      if (classifier) {
        const name = names.get(Number(classifier[1]))
        return name ? t('audit.classificationOf', { name }) : t('audit.classification')
      }
      const link = CONTACT_LINK_FIELD.exec(field)
      return link ? t(`audit.contactLink.${link[1]}`) : undefined
    }
    return entries.map((entry) => {
      const fields = Object.entries(entry.changes)
      if (!fields.some(([field]) => CLASSIFIER_FIELD.test(field) || CONTACT_LINK_FIELD.test(field)))
        return entry
      return {
        ...entry,
        changes: Object.fromEntries(fields.map(([field, change]) => [label(field) ?? field, change])),
      }
    })
  }, [entries, classifiers.data, en, t])
}

/** The change history of one record, newest first: who, when, what, and each field from → to. */
export function History({ entries: raw, loading, error, renderValue }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const entries = useReadableChanges(raw)
  if (error) return <ErrorAlert error={error} />
  if (loading || !entries) return <Skeleton active />
  if (entries.length === 0) return <Empty description={t('history.empty')} />
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: entry.id,
        color: ACTION_COLORS[entry.action] ?? 'blue',
        title: (
          <Space size={4} wrap>
            <Typography.Text strong>
              {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {format.dateTime(entry.at)} · {entry.actor?.name ?? t('audit.system')}
            </Typography.Text>
          </Space>
        ),
        content: <ChangeList entry={entry} renderValue={renderValue} />,
      }))}
    />
  )
}
