import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type Classifier,
  type ClassifierNode,
  classifierKeys,
  fetchFacets,
  fetchRuleVariables,
} from '../api/classifiers-api.ts'
import { useClassifierName } from './use-classifiers.ts'

/** What a rule can test, labelled in the UI language (the server words them, so the language is in the key). */
export function useRuleVariables(enabled = true) {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: [...classifierKeys.ruleVariables(), i18n.language],
    queryFn: fetchRuleVariables,
    staleTime: 5 * 60_000,
    enabled,
  })
}

/** How many clients sit in each node (descendants included), over every client the employee sees. */
export function useNodeCounts(enabled = true) {
  const facets = useQuery({
    queryKey: classifierKeys.facets({}),
    queryFn: ({ signal }) => fetchFacets({}, signal),
    staleTime: 0,
    enabled,
  })
  const counts = useMemo(
    () => (facets.data ? new Map(facets.data.nodes.map((n) => [n.nodeId, n.count])) : undefined),
    [facets.data],
  )
  return { counts, error: facets.error }
}

/** A node's name with its ancestors (`Retail › Food`), in the UI language. */
export function useNodePath() {
  const name = useClassifierName()
  return useCallback(
    (classifier: Classifier, nodeId: number): string => {
      const byId = new Map<number, ClassifierNode>(classifier.nodes.map((n) => [n.id, n]))
      const parts: string[] = []
      for (let n = byId.get(nodeId); n; n = n.parentId === null ? undefined : byId.get(n.parentId))
        parts.unshift(name(n))
      return parts.join(' › ')
    },
    [name],
  )
}
