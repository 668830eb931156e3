import { Button, Table, type TableColumnsType, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../../ui/use-format.ts'
import type { Classifier, ClassifierMovements } from '../../api/classifiers-api.ts'
import { useNodePath } from '../../hooks/use-classifier-admin.ts'

/** One cell of the report: clients that were in `fromNodeId` at the start and in `toNodeId` at the end (null: none). */
export interface MovementCell {
  fromNodeId: number | null
  toNodeId: number | null
  clients: number
}

interface Props {
  classifier: Classifier
  cells: ClassifierMovements['cells']
  selected: MovementCell | null
  onSelect: (cell: MovementCell) => void
  loading: boolean
}

interface Row {
  key: string
  fromNodeId: number | null
}

const keyOf = (id: number | null) => (id === null ? 'none' : String(id))

/** A from → to table: a row per node at the start, a column per node at the end, a count where clients moved. */
export function MovementsMatrix({ classifier, cells, selected, onSelect, loading }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const nodePath = useNodePath()
  const rank = new Map(classifier.nodes.map((n) => [n.id, n.rank]))
  // Not classified first among the rows (where clients came from), last among the columns (where they went).
  const order = (noneFirst: boolean) => (a: number | null, b: number | null) => {
    if (a === null || b === null) return (a === null ? -1 : 1) * (noneFirst ? 1 : -1)
    return (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER) || a - b
  }
  const froms = [...new Set(cells.map((c) => c.fromNodeId))].sort(order(true))
  const tos = [...new Set(cells.map((c) => c.toNodeId))].sort(order(false))
  const find = (from: number | null, to: number | null) =>
    cells.find((c) => c.fromNodeId === from && c.toNodeId === to)
  const label = (id: number | null) => {
    if (id === null) return t('classifiers.movements.none')
    return rank.has(id) ? nodePath(classifier, id) : t('classifiers.movements.deletedNode', { id })
  }

  const columns: TableColumnsType<Row> = [
    {
      key: 'from',
      title: t('classifiers.movements.fromTo'),
      fixed: 'start',
      render: (_, row) => <Typography.Text strong>{label(row.fromNodeId)}</Typography.Text>,
    },
    ...tos.map<TableColumnsType<Row>[number]>((to) => ({
      key: `to-${keyOf(to)}`,
      title: label(to),
      align: 'end',
      render: (_, row) => {
        const cell = find(row.fromNodeId, to)
        if (!cell) return null
        const active = selected?.fromNodeId === cell.fromNodeId && selected?.toNodeId === cell.toNodeId
        return (
          <Button
            type={active ? 'primary' : 'link'}
            size="small"
            aria-label={t('classifiers.movements.cellLabel', {
              from: label(cell.fromNodeId),
              to: label(cell.toNodeId),
              count: cell.clients,
            })}
            onClick={() => onSelect(cell)}
          >
            {format.number(cell.clients)}
          </Button>
        )
      },
    })),
    {
      key: 'total',
      title: t('classifiers.movements.total'),
      align: 'end',
      render: (_, row) =>
        format.number(
          cells.filter((c) => c.fromNodeId === row.fromNodeId).reduce((s, c) => s + c.clients, 0),
        ),
    },
  ]

  return (
    <Table<Row>
      className="mm-movements-matrix"
      rowKey="key"
      columns={columns}
      dataSource={froms.map((fromNodeId) => ({ key: keyOf(fromNodeId), fromNodeId }))}
      loading={loading}
      pagination={false}
      bordered
      size="small"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('classifiers.movements.empty') }}
    />
  )
}
