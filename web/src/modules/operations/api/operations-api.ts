import { api } from '../../../ui/api.ts'

/*
 * The operations API's shape (server: `operationSchema` and `operationStartedSchema` in
 * operations.schemas.ts). `@mmcrm/server/api-types` does not export them yet, so they are written out here.
 */

export type OperationStatus = 'queued' | 'running' | 'done' | 'failed'

/** A long operation on many records, run in batches in the background. */
export interface Operation {
  id: number
  /** e.g. `clients.reassign`. */
  type: string
  status: OperationStatus
  /** Records to handle, counted when it started. */
  total: number
  /** Records handled so far. */
  done: number
  /** Counters, e.g. `{ changed: 120 }`. */
  result: Record<string, unknown> | null
  error: string | null
  createdAt: string
  finishedAt: string | null
}

/** What a bulk command answers: done at once, or queued as an operation to follow. */
export interface BulkResult {
  status: 'done' | 'queued'
  /** Records changed now (0 when queued). */
  changed: number
  /** Records matched. */
  total: number
  operationId: number | null
}

export const operationKeys = {
  one: (id: number) => ['operations', id] as const,
}

export function fetchOperation(id: number): Promise<Operation> {
  return api<Operation>(`/api/operations/${id}`)
}
