import { StopOutlined } from '@ant-design/icons'
import { Button, Flex, Tooltip, Tree, type TreeDataNode, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../../ui/use-format.ts'
import type { Classifier, ClassifierNode, ClientFacets } from '../../api/classifiers-api.ts'
import { type NodeTree, nodeTree, useClassifierName } from '../../hooks/use-classifiers.ts'
import { chosenIn, type FacetSelection, toggleIn, toggleNotIn } from './facet-selection.ts'
import { NodeDot } from './NodeDot.tsx'

interface Props {
  classifier: Classifier
  counts: Map<number, ClientFacets['nodes'][number]> | undefined
  selection: FacetSelection
  onChange: (selection: FacetSelection) => void
}

/** Past this many nodes only the first level opens by default, and the tree scrolls on its own. */
const SMALL_TREE = 40

/** One classifier's nodes with their counts: tick to filter by a node, the stop sign to exclude it. */
export function ClassifierFacetTree({ classifier, counts, selection, onChange }: Props) {
  const { t } = useTranslation()
  const name = useClassifierName()
  const format = useFormat()
  const tree = useMemo(() => nodeTree(classifier), [classifier])
  const chosen = chosenIn(selection, classifier).in > 0
  const inSet = new Set(selection.classIn)
  const notInSet = new Set(selection.classNotIn)
  const small = classifier.nodes.length <= SMALL_TREE

  const title = (node: ClassifierNode) => {
    const label = name(node)
    const excluded = notInSet.has(node.id)
    const facet = counts?.get(node.id)
    // With a choice in this tree, what the list would hold if this node replaced it (when that says more).
    const showReach =
      chosen && !inSet.has(node.id) && !excluded && facet !== undefined && facet.reach !== facet.count
    return (
      <Flex justify="space-between" align="center" gap={6} style={{ width: '100%' }}>
        <Flex align="center" style={{ minWidth: 0 }}>
          <NodeDot color={node.color} />
          <Typography.Text
            ellipsis={{ tooltip: label }}
            delete={excluded}
            type={excluded ? 'danger' : facet?.count === 0 && !inSet.has(node.id) ? 'secondary' : undefined}
          >
            {label}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={2} style={{ flex: 'none' }}>
          {facet !== undefined && (
            <Typography.Text type="secondary" data-testid={`facet-count-${node.id}`}>
              {format.number(facet.count)}
            </Typography.Text>
          )}
          {showReach && (
            <Tooltip title={t('clients.facets.reachHint', { count: facet.reach, name: label })}>
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12 }}
                data-testid={`facet-reach-${node.id}`}
              >
                {`(${format.number(facet.reach)})`}
              </Typography.Text>
            </Tooltip>
          )}
          <Tooltip title={excluded ? t('clients.facets.include') : t('clients.facets.exclude')}>
            <Button
              type="text"
              size="small"
              danger={excluded}
              icon={<StopOutlined />}
              aria-label={
                excluded
                  ? t('clients.facets.includeNode', { name: label })
                  : t('clients.facets.excludeNode', { name: label })
              }
              aria-pressed={excluded}
              onClick={(e) => {
                e.stopPropagation()
                onChange(toggleNotIn(selection, node.id, !excluded))
              }}
            />
          </Tooltip>
        </Flex>
      </Flex>
    )
  }

  const toData = (items: NodeTree[]): TreeDataNode[] =>
    items.map(({ node, children }) => ({
      key: node.id,
      title: title(node),
      children: toData(children),
      isLeaf: children.length === 0,
    }))

  const defaultExpanded = small
    ? classifier.nodes.map((n) => n.id)
    : classifier.nodes
        .filter((n) => n.parentId === null || inSet.has(n.id) || notInSet.has(n.id))
        .map((n) => n.parentId ?? n.id)

  return (
    <Tree
      checkable
      checkStrictly
      selectable={false}
      blockNode
      showLine={false}
      defaultExpandedKeys={defaultExpanded}
      height={small ? undefined : 420}
      checkedKeys={{
        checked: classifier.nodes.filter((n) => inSet.has(n.id)).map((n) => n.id),
        halfChecked: [],
      }}
      onCheck={(_, info) => onChange(toggleIn(selection, Number(info.node.key), info.checked))}
      treeData={toData(tree)}
      aria-label={name(classifier)}
    />
  )
}
