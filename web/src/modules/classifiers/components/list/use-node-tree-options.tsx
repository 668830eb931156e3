import { Flex, Tag } from 'antd'
import { type ReactNode, useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Classifier } from '../../api/classifiers-api.ts'
import { type NodeTree, nodeTree, useClassifierName } from '../../hooks/use-classifiers.ts'
import { nodePath } from './facet-selection.ts'
import { NodeDot } from './NodeDot.tsx'

/** A TreeSelect option for a classifier node: the coloured name, its path as the chosen label. */
export interface NodeTreeOption {
  value: number
  title: ReactNode
  /** Shown in the field once chosen: the name with its ancestors. */
  label: string
  /** What the search box matches. */
  search: string
  disabled: boolean
  children: NodeTreeOption[]
}

/**
 * A classifier's nodes as TreeSelect options. Rule nodes are marked and cannot be chosen: clients
 * enter them by the rule only.
 */
export function useNodeTreeOptions() {
  const { t } = useTranslation()
  const name = useClassifierName()
  return useCallback(
    (classifier: Classifier): NodeTreeOption[] => {
      const build = (items: NodeTree[]): NodeTreeOption[] =>
        items.map(({ node, children }) => ({
          value: node.id,
          title: (
            <Flex align="center" gap={4} component="span" style={{ display: 'inline-flex' }}>
              <NodeDot color={node.color} />
              {name(node)}
              {node.rule && (
                <Tag style={{ marginInlineStart: 4 }} bordered={false}>
                  {t('clients.classification.ruleNode')}
                </Tag>
              )}
            </Flex>
          ),
          label: nodePath(classifier, node.id, name),
          search: name(node),
          disabled: node.rule !== null,
          children: build(children),
        }))
      return build(nodeTree(classifier))
    },
    [name, t],
  )
}
