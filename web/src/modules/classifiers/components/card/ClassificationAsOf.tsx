import { useQuery } from '@tanstack/react-query'
import { Card, DatePicker, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../../ui/ErrorAlert.tsx'
import { zonedWallTimeToIso } from '../../../../ui/format.ts'
import { useFormat } from '../../../../ui/use-format.ts'
import { type Classifier, classifierKeys, fetchClientClassificationAsOf } from '../../api/classifiers-api.ts'
import { useClassifierName } from '../../hooks/use-classifiers.ts'
import { nodePath } from '../list/facet-selection.ts'
import { NodeDot } from '../list/NodeDot.tsx'

interface Props {
  clientId: number
  classifiers: Classifier[]
}

/** The instant just before midnight that ends a calendar day in the employee's zone. */
function endOfDay(day: Dayjs, timeZone: string): string {
  const next = zonedWallTimeToIso(day.add(1, 'day').format('YYYY-MM-DD'), timeZone)
  return new Date(Date.parse(next) - 1).toISOString()
}

/** Where the client sat in every classifier at the end of a chosen day. */
export function ClassificationAsOf({ clientId, classifiers }: Props) {
  const { t } = useTranslation()
  const { timeZone } = useFormat()
  const name = useClassifierName()
  const [day, setDay] = useState<Dayjs | null>(null)
  const at = day ? endOfDay(day, timeZone) : null
  const asOf = useQuery({
    queryKey: classifierKeys.clientAsOf(clientId, at ?? ''),
    queryFn: () => fetchClientClassificationAsOf(clientId, at ?? ''),
    enabled: at !== null,
  })

  let body = <Typography.Text type="secondary">{t('clients.classification.asOfHint')}</Typography.Text>
  if (at && asOf.error) body = <ErrorAlert error={asOf.error} />
  else if (at && !asOf.data) body = <Skeleton active paragraph={{ rows: 2 }} />
  else if (at && asOf.data) {
    const rows = classifiers
      .map((c) => ({ c, nodes: asOf.data.filter((x) => x.classifierId === c.id) }))
      .filter((r) => r.nodes.length > 0)
    body = rows.length ? (
      <Descriptions size="small" column={1} data-testid="classification-as-of">
        {rows.map(({ c, nodes }) => (
          <Descriptions.Item key={c.id} label={name(c)}>
            <Flex gap={4} wrap>
              {nodes.map(({ nodeId }) => {
                const node = c.nodes.find((n) => n.id === nodeId)
                return (
                  <Tag key={nodeId}>
                    <Flex align="center" component="span" style={{ display: 'inline-flex' }}>
                      {node && <NodeDot color={node.color} />}
                      {node ? nodePath(c, nodeId, name) : t('clients.classification.deletedNode')}
                    </Flex>
                  </Tag>
                )
              })}
            </Flex>
          </Descriptions.Item>
        ))}
      </Descriptions>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clients.classification.asOfEmpty')} />
    )
  }

  return (
    <Card
      title={t('clients.classification.asOfTitle')}
      size="small"
      extra={
        <DatePicker
          aria-label={t('clients.classification.asOfDate')}
          format="DD.MM.YYYY"
          value={day}
          onChange={setDay}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          size="small"
        />
      }
    >
      {body}
    </Card>
  )
}
