import { Card, List, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../../ui/ErrorAlert.tsx'
import type { Classifier } from '../../api/classifiers-api.ts'
import { useNodePath } from '../../hooks/use-classifier-admin.ts'
import { useMovements } from '../../hooks/use-movements.ts'
import type { MovementCell } from './MovementsMatrix.tsx'

interface Props {
  classifier: Classifier
  period: { from: string; to: string }
  cell: MovementCell
}

/** The clients of one cell of the movements report, each a link to the dossier. */
export function MovementClients({ classifier, period, cell }: Props) {
  const { t } = useTranslation()
  const nodePath = useNodePath()
  // The API names a start node only when there was one; "not classified at the start" is filtered here.
  const movements = useMovements(classifier.id, period, {
    fromNodeId: cell.fromNodeId ?? undefined,
    toNodeId: cell.toNodeId ?? 0,
  })
  const clients = (movements.data?.clients ?? []).filter(
    (c) => c.fromNodeId === cell.fromNodeId && c.toNodeId === cell.toNodeId,
  )
  const name = (id: number | null) =>
    id === null
      ? t('classifiers.movements.none')
      : classifier.nodes.some((n) => n.id === id)
        ? nodePath(classifier, id)
        : t('classifiers.movements.deletedNode', { id })

  return (
    <Card
      className="mm-movement-clients"
      title={t('classifiers.movements.clientsTitle', {
        from: name(cell.fromNodeId),
        to: name(cell.toNodeId),
      })}
      style={{ marginTop: 16 }}
    >
      {movements.error && <ErrorAlert error={movements.error} />}
      <List
        loading={movements.isPending}
        dataSource={clients}
        locale={{ emptyText: t('common.nothingFound') }}
        renderItem={(c) => (
          <List.Item>
            <Link to={`/clients/${c.id}`}>{c.name}</Link>
          </List.Item>
        )}
      />
      {!movements.isPending && clients.length < cell.clients && (
        <Typography.Text type="secondary">
          {t('classifiers.movements.partial', { shown: clients.length, count: cell.clients })}
        </Typography.Text>
      )}
    </Card>
  )
}
