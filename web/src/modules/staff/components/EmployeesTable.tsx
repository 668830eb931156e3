import type { Page, User } from '@mmcrm/server/api-types'
import {
  Button,
  Table,
  type TableColumnsType,
  type TableColumnType,
  type TableProps,
  Tag,
  Typography,
} from 'antd'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../ui/use-format.ts'
import {
  EMPLOYEE_SORT_KEYS,
  type EmployeeListState,
  PAGE_SIZES,
  type SortEntry,
} from '../hooks/use-employee-list-state.ts'

interface Props {
  state: EmployeeListState
  data: Page<User> | undefined
  loading: boolean
  canManage: boolean
  onChange: (patch: Partial<EmployeeListState>) => void
  onOpen: (id: number) => void
}

type Sorter = Parameters<NonNullable<TableProps<User>['onChange']>>[2]

/** Keeps the order in which the employee chose the columns: the first clicked sorts first. */
function nextSort(current: SortEntry[], sorter: Sorter): SortEntry[] {
  const active = (Array.isArray(sorter) ? sorter : [sorter]).filter((s) => s.order)
  const direction = (key: string) => active.find((s) => s.columnKey === key)?.order
  const next: SortEntry[] = []
  for (const entry of current) {
    const order = direction(entry.key)
    if (order) next.push({ key: entry.key, desc: order === 'descend' })
  }
  for (const s of active) {
    const key = EMPLOYEE_SORT_KEYS.find((k) => k === s.columnKey)
    if (key && !next.some((e) => e.key === key)) next.push({ key, desc: s.order === 'descend' })
  }
  return next
}

export function EmployeesTable({ state, data, loading, canManage, onChange, onOpen }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const sortOrder = (key: string): TableColumnType<User>['sortOrder'] => {
    const entry = state.sort.find((s) => s.key === key)
    return entry ? (entry.desc ? 'descend' : 'ascend') : null
  }
  const sortable = (key: string, priority: number) => ({
    key,
    sorter: { multiple: priority },
    sortOrder: sortOrder(key),
  })

  const columns: TableColumnsType<User> = [
    {
      title: t('employees.fields.name'),
      dataIndex: 'name',
      width: 230,
      ...sortable('name', 4),
      render: (_, user) => (
        <div>
          <Typography.Link onClick={() => onOpen(user.id)}>{user.name}</Typography.Link>
          {user.position && (
            <div>
              <Typography.Text type="secondary">{user.position}</Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: t('employees.fields.email'), dataIndex: 'email', width: 240, ...sortable('email', 3) },
    { title: t('employees.fields.role'), key: 'role', width: 190, render: (_, user) => user.role.name },
    {
      title: t('employees.fields.team'),
      key: 'team',
      width: 190,
      render: (_, user) =>
        user.team?.name ?? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
    },
    {
      title: t('employees.fields.status'),
      key: 'status',
      width: 120,
      render: (_, user) => (
        <>
          {user.isActive ? (
            <Tag color="green">{t('employees.status.active')}</Tag>
          ) : (
            <Tag>{t('employees.status.inactive')}</Tag>
          )}
          {user.lockedUntil && <Tag color="orange">{t('employees.status.locked')}</Tag>}
        </>
      ),
    },
    {
      title: t('employees.fields.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 170,
      ...sortable('lastLoginAt', 2),
      render: (value: string | null) =>
        value ? (
          format.dateTime(value)
        ) : (
          <Typography.Text type="secondary">{t('employees.neverSignedIn')}</Typography.Text>
        ),
    },
    {
      title: t('employees.fields.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      ...sortable('createdAt', 1),
      render: (value: string) => format.date(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      align: 'end',
      width: 120,
      fixed: 'end',
      render: (_, user) => (
        <Button
          size="small"
          onClick={() => onOpen(user.id)}
          aria-label={`${canManage ? t('common.edit') : t('common.view')}: ${user.name}`}
        >
          {canManage ? t('common.edit') : t('common.view')}
        </Button>
      ),
    },
  ]

  return (
    <Table<User>
      rowKey="id"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: 1400 }}
      showSorterTooltip={{ target: 'sorter-icon' }}
      pagination={{
        current: state.page,
        pageSize: state.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => t('employees.total', { count: total }),
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') onChange({ sort: nextSort(state.sort, sorter), page: 1 })
        if (extra.action === 'paginate') {
          const pageSize = pagination.pageSize ?? state.pageSize
          onChange({ page: pageSize !== state.pageSize ? 1 : (pagination.current ?? 1), pageSize })
        }
      }}
    />
  )
}
