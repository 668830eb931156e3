import type { Classifier, ClientListItem, CustomField, Page } from '@mmcrm/server/api-types'
import { Table, type TableColumnsType, type TableColumnType, type TableProps, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../../ui/use-format.ts'
import { useClassifierName } from '../../classifiers/hooks/use-classifiers.ts'
import { CustomFieldValue } from '../../custom-fields/components/CustomFieldValue.tsx'
import { useCustomFieldLabel } from '../../custom-fields/hooks/use-custom-fields.ts'
import { customColumn, STANDARD_COLUMNS, type StandardColumn } from '../hooks/use-client-columns.ts'
import {
  type ClientListState,
  isSortColumn,
  normalizeSort,
  PAGE_SIZES,
  type SortEntry,
} from '../hooks/use-client-list-state.ts'
import { CompletenessProgress } from './CompletenessProgress.tsx'
import { isClientSize, KIND_COLORS, KIND_LABELS, SIZE_LABELS } from './client-labels.ts'

interface Props {
  state: ClientListState
  columns: string[]
  defs: CustomField[] | undefined
  /** For classifier columns (`class:<id>`): the classifiers and their nodes. */
  classifiers?: Classifier[]
  data: Page<ClientListItem> | undefined
  loading: boolean
  empty: ReactNode
  /** Restore and purge buttons, for the trash. */
  trashActions?: (client: ClientListItem) => ReactNode
  /** Rows chosen for a bulk action; kept across pages. None: no checkboxes. */
  selection?: { ids: number[]; onChange: (ids: number[]) => void }
  onChange: (patch: Partial<ClientListState>) => void
}

type Sorter = Parameters<NonNullable<TableProps<ClientListItem>['onChange']>>[2]

/**
 * Keeps the order in which the employee chose the columns: the first clicked sorts first. Keys the
 * table has no column for (a classifier's order, a hidden column) stay as the sort builder set them.
 */
function nextSort(current: SortEntry[], sorter: Sorter, tableKeys: ReadonlySet<string>): SortEntry[] {
  const active = (Array.isArray(sorter) ? sorter : [sorter]).filter((s) => s.order)
  const direction = (key: string) => active.find((s) => s.columnKey === key)?.order
  const next: SortEntry[] = []
  for (const entry of current) {
    if (!tableKeys.has(entry.key)) {
      next.push(entry)
      continue
    }
    const order = direction(entry.key)
    if (order) next.push({ key: entry.key, desc: order === 'descend' })
  }
  for (const s of active) {
    const key = String(s.columnKey)
    if (isSortColumn(key) && !next.some((e) => e.key === key)) next.push({ key, desc: s.order === 'descend' })
  }
  return normalizeSort(next)
}

/** `Ромашка, ООО`; not for a person, a foreign or other form, or a name that starts with it (`ИП Иванов`). */
function showLegalForm(c: ClientListItem): boolean {
  if (c.kind !== 'organization' || !c.legalForm || c.legalForm === 'foreign' || c.legalForm === 'other')
    return false
  return !c.name.startsWith(`${c.legalForm} `)
}

const SORTABLE_STANDARD: readonly string[] = [
  'name',
  'kind',
  'inn',
  'industry',
  'source',
  'completeness',
  'nextActivityAt',
  'lastContactAt',
  'createdAt',
  'updatedAt',
]

/** The client list with the columns the employee chose, sortable by several at once. */
export function ClientsTable({
  state,
  columns,
  defs,
  classifiers,
  data,
  loading,
  empty,
  trashActions,
  selection,
  onChange,
}: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const fieldLabel = useCustomFieldLabel()
  const classifierName = useClassifierName()
  const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>
  const none = muted(t('common.empty'))
  const text = (value: string | null) => value || none

  const sortOrder = (key: string): TableColumnType<ClientListItem>['sortOrder'] => {
    const entry = state.sort.find((s) => s.key === key)
    return entry ? (entry.desc ? 'descend' : 'ascend') : null
  }
  const sortable = (key: string) => {
    // A column clicked earlier sorts first; antd orders several sorters by this priority.
    const index = state.sort.findIndex((s) => s.key === key)
    return {
      sorter: { multiple: index === -1 ? 1 : 100 - index },
      sortOrder: sortOrder(key),
    }
  }

  const standard: Record<StandardColumn, TableColumnType<ClientListItem>> = {
    name: {
      title: t('clients.fields.name'),
      width: 260,
      fixed: 'start',
      render: (_, c) => (
        <Link to={`/clients/${c.id}`}>
          {c.name}
          {showLegalForm(c) && <Typography.Text type="secondary">{`, ${c.legalForm}`}</Typography.Text>}
        </Link>
      ),
    },
    kind: {
      title: t('clients.fields.kind'),
      width: 130,
      render: (_, c) => <Tag color={KIND_COLORS[c.kind]}>{t(KIND_LABELS[c.kind])}</Tag>,
    },
    inn: { title: t('clients.fields.inn'), width: 140, render: (_, c) => text(c.inn) },
    kpp: { title: t('clients.fields.kpp'), width: 120, render: (_, c) => text(c.kpp) },
    ogrn: { title: t('clients.fields.ogrn'), width: 160, render: (_, c) => text(c.ogrn) },
    phone: {
      title: t('clients.fields.phone'),
      width: 170,
      render: (_, c) => (c.phone ? <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a> : none),
    },
    email: {
      title: t('clients.fields.email'),
      width: 220,
      ellipsis: true,
      render: (_, c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : none),
    },
    industry: { title: t('clients.fields.industry'), width: 180, render: (_, c) => text(c.industry) },
    size: {
      title: t('clients.fields.size'),
      width: 140,
      render: (_, c) => (isClientSize(c.size) ? t(SIZE_LABELS[c.size]) : text(c.size)),
    },
    source: { title: t('clients.fields.source'), width: 180, render: (_, c) => text(c.source) },
    owner: {
      title: t('clients.fields.owner'),
      width: 180,
      render: (_, c) => c.owner?.name ?? muted(t('clients.noOwner')),
    },
    team: { title: t('clients.fields.team'), width: 180, render: (_, c) => c.team?.name ?? none },
    completeness: {
      title: t('clients.fields.completeness'),
      width: 150,
      render: (_, c) => <CompletenessProgress percent={c.completeness} />,
    },
    nextActivityAt: {
      title: t('clients.fields.nextActivityAt'),
      width: 170,
      render: (_, c) => {
        if (!c.nextActivityAt) return muted(t('clients.fields.nextActivityNone'))
        // A planned activity whose time has passed is overdue.
        const overdue = Date.parse(c.nextActivityAt) < Date.now()
        return (
          <Typography.Text type={overdue ? 'danger' : undefined} data-overdue={overdue || undefined}>
            {format.dateTime(c.nextActivityAt)}
          </Typography.Text>
        )
      },
    },
    lastContactAt: {
      title: t('clients.fields.lastContactAt'),
      width: 170,
      render: (_, c) => (c.lastContactAt ? format.dateTime(c.lastContactAt) : none),
    },
    createdAt: {
      title: t('clients.fields.createdAt'),
      width: 150,
      render: (_, c) => format.date(c.createdAt),
    },
    updatedAt: {
      title: t('clients.fields.updatedAt'),
      width: 170,
      render: (_, c) => format.dateTime(c.updatedAt),
    },
  }

  const shown: TableColumnsType<ClientListItem> = []
  for (const key of columns) {
    if ((STANDARD_COLUMNS as readonly string[]).includes(key)) {
      const column = standard[key as StandardColumn]
      shown.push({ ...column, key, ...(SORTABLE_STANDARD.includes(key) ? sortable(key) : {}) })
      continue
    }
    const classifier = classifiers?.find((c) => `class:${c.id}` === key)
    if (classifier) {
      const own = new Map(classifier.nodes.map((n) => [n.id, n]))
      shown.push({
        key,
        title: classifierName(classifier),
        width: 200,
        render: (_, c) => {
          const nodes = c.nodes.flatMap((id) => (own.has(id) ? [own.get(id)!] : []))
          if (!nodes.length) return none
          return nodes.map((n) => (
            <Tag key={n.id} color={n.color || undefined} style={{ marginBottom: 2 }}>
              {classifierName(n)}
            </Tag>
          ))
        },
      })
      continue
    }
    const def = defs?.find((d) => customColumn(d.key) === key)
    if (!def) continue
    shown.push({
      key,
      title: fieldLabel(def),
      width: def.type === 'long_text' ? 260 : 170,
      ellipsis: def.type === 'long_text' || def.type === 'link',
      ...sortable(key),
      render: (_, c) => <CustomFieldValue def={def} value={c.custom[def.key]} />,
    })
  }
  if (trashActions) {
    shown.push(
      {
        key: 'deletedAt',
        title: t('clients.fields.deletedAt'),
        width: 170,
        render: (_, c) => (c.deletedAt ? format.dateTime(c.deletedAt) : none),
      },
      {
        key: 'actions',
        title: t('common.actions'),
        width: 220,
        fixed: 'end',
        render: (_, c) => trashActions(c),
      },
    )
  }

  const tableKeys = new Set(shown.filter((c) => c.sorter).map((c) => String(c.key)))

  return (
    <Table<ClientListItem>
      rowKey="id"
      size="middle"
      columns={shown}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: shown.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0) }}
      showSorterTooltip={{ target: 'sorter-icon' }}
      locale={{ emptyText: empty }}
      rowSelection={
        selection && {
          fixed: true,
          selectedRowKeys: selection.ids,
          preserveSelectedRowKeys: true,
          onChange: (keys) => selection.onChange(keys.map(Number)),
        }
      }
      pagination={{
        current: state.page,
        pageSize: state.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => t('clients.total', { count: total }),
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') onChange({ sort: nextSort(state.sort, sorter, tableKeys), page: 1 })
        if (extra.action === 'paginate') {
          const pageSize = pagination.pageSize ?? state.pageSize
          onChange({ page: pageSize !== state.pageSize ? 1 : (pagination.current ?? 1), pageSize })
        }
      }}
    />
  )
}
