import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type Classifier,
  type ClassifierNode,
  classifierKeys,
  fetchClassifiers,
} from '../api/classifiers-api.ts'

/** Every classifier with its nodes (rank order). */
export function useClassifiers(enabled = true) {
  return useQuery({ queryKey: classifierKeys.list(), queryFn: fetchClassifiers, staleTime: 60_000, enabled })
}

/** A classifier's or node's name in the UI language. */
export function useClassifierName() {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  return useCallback(
    (item: Pick<Classifier | ClassifierNode, 'name'>) => (en ? item.name.en : item.name.ru),
    [en],
  )
}

export interface NodeTree {
  node: ClassifierNode
  children: NodeTree[]
}

/** A classifier's nodes as a tree (siblings in their order). */
export function nodeTree(classifier: Classifier): NodeTree[] {
  const byParent = new Map<number | null, ClassifierNode[]>()
  for (const n of classifier.nodes) {
    const list = byParent.get(n.parentId) ?? []
    list.push(n)
    byParent.set(n.parentId, list)
  }
  const build = (parent: number | null): NodeTree[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((node) => ({ node, children: build(node.id) }))
  return build(null)
}
