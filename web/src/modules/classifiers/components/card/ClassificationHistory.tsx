import { useQuery } from '@tanstack/react-query'
import { Card, Flex, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../../ui/use-format.ts'
import {
  type ClassificationEvent,
  type Classifier,
  classifierKeys,
  fetchClassificationHistory,
} from '../../api/classifiers-api.ts'
import { useClassifierName } from '../../hooks/use-classifiers.ts'
import { nodePath } from '../list/facet-selection.ts'
import { NodeDot } from '../list/NodeDot.tsx'

interface Props {
  clientId: number
  classifiers: Classifier[]
}

/** Every entry into and exit from a category, newest first, with who did it or the rule. */
export function ClassificationHistory({ clientId, classifiers }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const name = useClassifierName()
  const history = useQuery({
    queryKey: classifierKeys.clientHistory(clientId),
    queryFn: () => fetchClassificationHistory(clientId),
    staleTime: 0,
  })
  const classifierOf = (id: number) => classifiers.find((c) => c.id === id)

  return (
    <Card title={t('clients.classification.historyTitle')} size="small" data-testid="classification-history">
      {history.error && <ErrorAlert error={history.error} />}
      <Table<ClassificationEvent>
        rowKey="id"
        size="small"
        loading={history.isPending}
        dataSource={history.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('clients.classification.historyEmpty') }}
        columns={[
          {
            key: 'at',
            title: t('clients.classification.when'),
            width: 170,
            render: (_, e) => format.dateTime(e.at),
          },
          {
            key: 'node',
            title: t('clients.classification.category'),
            render: (_, e) => {
              const c = classifierOf(e.classifierId)
              const node = c?.nodes.find((n) => n.id === e.nodeId)
              if (!c || !node)
                return (
                  <Typography.Text type="secondary">
                    {t('clients.classification.deletedNode')}
                  </Typography.Text>
                )
              return (
                <Flex align="center" wrap>
                  <Typography.Text
                    type="secondary"
                    style={{ marginInlineEnd: 6 }}
                  >{`${name(c)}:`}</Typography.Text>
                  <NodeDot color={node.color} />
                  {nodePath(c, node.id, name)}
                </Flex>
              )
            },
          },
          {
            key: 'action',
            title: t('clients.classification.change'),
            width: 120,
            render: (_, e) =>
              e.action === 'enter' ? (
                <Tag color="green">{t('clients.classification.entered')}</Tag>
              ) : (
                <Tag color="red">{t('clients.classification.left')}</Tag>
              ),
          },
          {
            key: 'actor',
            title: t('clients.classification.author'),
            width: 200,
            render: (_, e) => {
              if (e.byRule)
                return <Typography.Text italic>{t('clients.classification.byRule')}</Typography.Text>
              return (
                e.actor?.name ?? (
                  <Typography.Text type="secondary">{t('clients.classification.system')}</Typography.Text>
                )
              )
            },
          },
        ]}
      />
    </Card>
  )
}
