import type {
  BulkResult,
  ClassificationEvent,
  Classifier,
  ClassifierCreate,
  ClassifierMovements,
  ClassifierNode,
  ClassifierNodeCreate,
  ClassifierNodeUpdate,
  ClassifierUpdate,
  ClientClassification,
  ClientFacets,
  RuleVariable,
} from '@mmcrm/server/api-types'
import { api, type Query } from '../../../ui/api.ts'

export type {
  ClassificationEvent,
  Classifier,
  ClassifierMovements,
  ClassifierNode,
  ClientClassification,
  ClientFacets,
  RuleVariable,
}

export const classifierKeys = {
  all: ['classifiers'] as const,
  list: () => [...classifierKeys.all, 'list'] as const,
  ruleVariables: () => [...classifierKeys.all, 'rule-variables'] as const,
  facets: (query: Record<string, unknown>) => [...classifierKeys.all, 'facets', query] as const,
  client: (clientId: number) => [...classifierKeys.all, 'client', clientId] as const,
  clientHistory: (clientId: number) => [...classifierKeys.all, 'client-history', clientId] as const,
  clientAsOf: (clientId: number, at: string) =>
    [...classifierKeys.all, 'client-as-of', clientId, at] as const,
  movements: (id: number, query: Record<string, unknown>) =>
    [...classifierKeys.all, 'movements', id, query] as const,
}

export async function fetchClassifiers(): Promise<Classifier[]> {
  return (await api<{ items: Classifier[] }>('/api/classifiers')).items
}

export async function fetchRuleVariables(): Promise<RuleVariable[]> {
  return (await api<{ items: RuleVariable[] }>('/api/classifiers/rule-variables')).items
}

export function createClassifier(body: ClassifierCreate): Promise<Classifier> {
  return api<Classifier>('/api/classifiers', { method: 'POST', body })
}

export function updateClassifier(id: number, version: number, body: ClassifierUpdate): Promise<Classifier> {
  return api<Classifier>(`/api/classifiers/${id}`, { method: 'PATCH', body, version })
}

export function deleteClassifier(id: number, version: number): Promise<void> {
  return api<void>(`/api/classifiers/${id}`, { method: 'DELETE', version })
}

export function createNode(classifierId: number, body: ClassifierNodeCreate): Promise<ClassifierNode> {
  return api<ClassifierNode>(`/api/classifiers/${classifierId}/nodes`, { method: 'POST', body })
}

export function updateNode(node: ClassifierNode, body: ClassifierNodeUpdate): Promise<ClassifierNode> {
  return api<ClassifierNode>(`/api/classifiers/${node.classifierId}/nodes/${node.id}`, {
    method: 'PATCH',
    body,
    version: node.version,
  })
}

export function moveNode(
  node: ClassifierNode,
  parentId: number | null,
  position: number,
): Promise<ClassifierNode> {
  return api<ClassifierNode>(`/api/classifiers/${node.classifierId}/nodes/${node.id}/move`, {
    method: 'POST',
    body: { parentId, position },
    version: node.version,
  })
}

export function deleteNode(
  node: ClassifierNode,
  moveTo?: number,
): Promise<{ moved: number; removed: number }> {
  return api<{ moved: number; removed: number }>(`/api/classifiers/${node.classifierId}/nodes/${node.id}`, {
    method: 'DELETE',
    query: { moveTo },
    version: node.version,
  })
}

/** Facet counts for a list filter (the same parameters as the client list). */
export function fetchFacets(query: Query, signal?: AbortSignal): Promise<ClientFacets> {
  return api<ClientFacets>('/api/clients/facets', { query, signal })
}

export async function fetchClientClassification(clientId: number): Promise<ClientClassification[]> {
  return (await api<{ items: ClientClassification[] }>(`/api/clients/${clientId}/classification`)).items
}

export async function fetchClientClassificationAsOf(
  clientId: number,
  at: string,
): Promise<Array<{ classifierId: number; nodeId: number }>> {
  return (
    (
      await api<{ asOf?: Array<{ classifierId: number; nodeId: number }> }>(
        `/api/clients/${clientId}/classification`,
        { query: { asOf: at } },
      )
    ).asOf ?? []
  )
}

export async function fetchClassificationHistory(clientId: number): Promise<ClassificationEvent[]> {
  return (await api<{ items: ClassificationEvent[] }>(`/api/clients/${clientId}/classification/history`))
    .items
}

/** Sets a client's hand-placed nodes in one classifier; `version` is the client's (a new one comes back). */
export function setClientClassification(
  clientId: number,
  version: number,
  classifierId: number,
  nodeIds: number[],
): Promise<{ items: ClientClassification[]; version: number }> {
  return api(`/api/clients/${clientId}/classification/${classifierId}`, {
    method: 'PUT',
    body: { nodeIds },
    version,
  })
}

/** Puts clients (ids, or a list filter) into a node or takes them out; big filtered sets are queued. */
export function classifyClients(body: {
  ids?: number[]
  filter?: Record<string, unknown>
  nodeId: number
  action: 'add' | 'remove'
}): Promise<BulkResult> {
  return api<BulkResult>('/api/clients/classify', { method: 'POST', body })
}

export function fetchMovements(
  classifierId: number,
  query: { from: string; to: string; fromNodeId?: number; toNodeId?: number },
): Promise<ClassifierMovements> {
  return api<ClassifierMovements>(`/api/classifiers/${classifierId}/movements`, { query })
}
