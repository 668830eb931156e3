import type {
  AuditEntry,
  ClientCard,
  ClientCreate,
  ClientDuplicate,
  ClientListItem,
  ClientSaved,
  ClientUpdate,
  Page,
} from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'
import type { BulkResult } from '../../operations/api/operations-api.ts'

/** The list request as the API takes it: filters, `sort=key,-key2`, page. */
export interface ClientListParams {
  page: number
  pageSize: number
  q?: string
  kind?: 'organization' | 'person'
  /** Comma-separated employee ids; `none` for clients without an owner. */
  ownerId?: string
  teamId?: string
  industry?: string
  source?: string
  size?: string
  completenessBelow?: number
  /** `none`: no planned activity; `overdue`: a planned one is overdue; `planned`: one is planned. */
  activity?: 'none' | 'overdue' | 'planned'
  createdFrom?: string
  createdTo?: string
  trash?: boolean
  /** JSON: `{ "<field key>": { "op": …, … } }`. */
  custom?: string
  /** Comma-separated classifier node ids: OR within a classifier, AND across, descendants included. */
  classIn?: string
  /** Comma-separated classifier node ids the client must not be in. */
  classNotIn?: string
  /** `key,-key2`; classifier keys (`class:<id>`) first. */
  sort?: string
}

/** What a bulk action touches: the list's filters without page, sort or the trash switch. */
export type ClientFilterParams = Omit<ClientListParams, 'page' | 'pageSize' | 'sort' | 'trash'>

/** Giving clients to another employee: those chosen by id, or every one the filter matches. */
export interface ReassignRequest {
  ids?: number[]
  filter?: ClientFilterParams
  ownerId: number | null
  /** Omitted: the new owner's team. */
  teamId?: number | null
  reason: string
}

export interface HistoryPage {
  items: AuditEntry[]
  nextBefore: number | null
}

export interface DuplicateQuery {
  name?: string
  inn?: string
  kpp?: string
  phone?: string
  email?: string
  excludeId?: number
}

export function fetchClients(params: ClientListParams, signal?: AbortSignal): Promise<Page<ClientListItem>> {
  return api<Page<ClientListItem>>('/api/clients', { query: { ...params }, signal })
}

export function fetchClient(id: number): Promise<ClientCard> {
  return api<ClientCard>(`/api/clients/${id}`)
}

export function fetchClientHistory(id: number, before?: number): Promise<HistoryPage> {
  return api<HistoryPage>(`/api/clients/${id}/history`, { query: { before } })
}

export async function fetchDuplicates(
  query: DuplicateQuery,
  signal?: AbortSignal,
): Promise<ClientDuplicate[]> {
  return (await api<{ items: ClientDuplicate[] }>('/api/clients/duplicates', { query: { ...query }, signal }))
    .items
}

export function createClient(body: ClientCreate): Promise<ClientSaved> {
  return api<ClientSaved>('/api/clients', { method: 'POST', body })
}

export function updateClient(id: number, version: number, patch: ClientUpdate): Promise<ClientSaved> {
  return api<ClientSaved>(`/api/clients/${id}`, { method: 'PATCH', body: patch, version })
}

export function trashClient(id: number, version: number): Promise<void> {
  return api<void>(`/api/clients/${id}`, { method: 'DELETE', version })
}

export function restoreClient(id: number): Promise<ClientCard> {
  return api<ClientCard>(`/api/clients/${id}/restore`, { method: 'POST' })
}

export function purgeClient(id: number): Promise<void> {
  return api<void>(`/api/clients/${id}/purge`, { method: 'DELETE' })
}

/** Answers at once for a few clients; a large filtered set is queued as an operation (HTTP 202). */
export function reassignClients(body: ReassignRequest): Promise<BulkResult> {
  return api<BulkResult>('/api/clients/reassign', { method: 'POST', body })
}

/** Merges `sourceId` into the target (its version checked): the source goes to the trash. */
export function mergeClient(targetId: number, version: number, sourceId: number): Promise<ClientCard> {
  return api<ClientCard>(`/api/clients/${targetId}/merge`, { method: 'POST', body: { sourceId }, version })
}

/** The address of everything held about a client, as a JSON file the browser downloads. */
export function personalDataUrl(id: number): string {
  return `/api/clients/${id}/personal-data`
}

/** Erases an individual's personal data for good; the record stays, anonymized. */
export function eraseClient(id: number, reason: string): Promise<ClientCard> {
  return api<ClientCard>(`/api/clients/${id}/erase`, { method: 'POST', body: { reason } })
}
