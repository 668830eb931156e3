import type { AuditEntry } from '@mmcrm/server/api-types'
import { useQuery } from '@tanstack/react-query'
import { Drawer, Skeleton, Tabs } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ValueRenderer } from './ChangeList.tsx'
import { ErrorAlert } from './ErrorAlert.tsx'
import { History } from './History.tsx'

interface Props<T> {
  open: boolean
  title: ReactNode
  onClose: () => void
  /** The record, loaded fresh when the drawer opens (its version is what an update sends). */
  record: { data: T | undefined; error: unknown; isPending: boolean } | null
  /** The form: for adding when there is no record, for the record otherwise. */
  children: (record: T | undefined) => ReactNode
  history?: { queryKey: readonly unknown[]; fetch: () => Promise<AuditEntry[]>; renderValue?: ValueRenderer }
  extra?: ReactNode
  size?: number
}

/** A side panel for one record: its form and, for an existing record, its change history. */
export function RecordDrawer<T>({
  open,
  title,
  onClose,
  record,
  children,
  history,
  extra,
  size = 560,
}: Props<T>) {
  const { t } = useTranslation()
  const [tab, setTab] = useState('data')
  const entries = useQuery({
    queryKey: history?.queryKey ?? ['none'],
    queryFn: () => history?.fetch() ?? Promise.resolve([]),
    enabled: Boolean(history && record?.data && tab === 'history'),
    staleTime: 0,
  })

  let body: ReactNode
  if (!record) body = children(undefined)
  else if (record.data === undefined && record.error) body = <ErrorAlert error={record.error} />
  else if (record.data === undefined) body = <Skeleton active />
  else if (!history) body = children(record.data)
  else
    body = (
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'data', label: t('common.details'), children: children(record.data) },
          {
            key: 'history',
            label: t('history.title'),
            children: (
              <History
                entries={entries.data}
                loading={entries.isPending}
                error={entries.error}
                renderValue={history.renderValue}
              />
            ),
          },
        ]}
      />
    )

  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={size}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && setTab('data')}
      extra={extra}
    >
      {body}
    </Drawer>
  )
}
