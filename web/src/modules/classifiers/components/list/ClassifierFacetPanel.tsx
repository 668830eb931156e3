import { Badge, Button, Card, Collapse, Empty, Flex, Spin, Tooltip, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Classifier, ClientFacets } from '../../api/classifiers-api.ts'
import { useClassifierName } from '../../hooks/use-classifiers.ts'
import { ClassifierFacetTree } from './ClassifierFacetTree.tsx'
import { chosenIn, clearClassifier, type FacetSelection } from './facet-selection.ts'

interface Props {
  classifiers: Classifier[]
  facets: ClientFacets | undefined
  /** The counts are being asked for again (the last ones stay meanwhile). */
  refreshing: boolean
  selection: FacetSelection
  onChange: (selection: FacetSelection) => void
}

/**
 * The classifiers beside the client list: each tree with the number of clients of the filtered list
 * in every node; ticking nodes filters the list (any of them within a tree, every tree at once).
 */
export function ClassifierFacetPanel({ classifiers, facets, refreshing, selection, onChange }: Props) {
  const { t } = useTranslation()
  const name = useClassifierName()
  const counts = useMemo(
    () => (facets ? new Map(facets.nodes.map((n) => [n.nodeId, n])) : undefined),
    [facets],
  )
  const withNodes = classifiers.filter((c) => c.nodes.length > 0)

  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          {t('clients.facets.title')}
          {refreshing && <Spin size="small" />}
        </Flex>
      }
      extra={
        <Tooltip title={t('clients.facets.help')}>
          <Typography.Text type="secondary" style={{ cursor: 'help' }}>
            ?
          </Typography.Text>
        </Tooltip>
      }
      styles={{ body: { padding: 0 } }}
      data-testid="classifier-facets"
    >
      {withNodes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clients.facets.none')} />
      ) : (
        <Collapse
          ghost
          size="small"
          defaultActiveKey={withNodes.map((c) => c.id)}
          items={withNodes.map((c) => {
            const chosen = chosenIn(selection, c)
            const count = chosen.in + chosen.notIn
            return {
              key: c.id,
              label: (
                <Flex align="center" gap={6}>
                  <Typography.Text strong ellipsis={{ tooltip: c.description || name(c) }}>
                    {name(c)}
                  </Typography.Text>
                  {count > 0 && <Badge count={count} size="small" color="blue" />}
                </Flex>
              ),
              extra:
                count > 0 ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={(e) => {
                      e.stopPropagation()
                      onChange(clearClassifier(selection, c))
                    }}
                  >
                    {t('clients.facets.clear')}
                  </Button>
                ) : undefined,
              children: (
                <ClassifierFacetTree
                  classifier={c}
                  counts={counts}
                  selection={selection}
                  onChange={onChange}
                />
              ),
            }
          })}
        />
      )}
    </Card>
  )
}
