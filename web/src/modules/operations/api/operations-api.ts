import type { OperationDto } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export type { BulkResult, OperationStatus } from '@mmcrm/server/api-types'

/** A long operation on many records, run in batches in the background. */
export type Operation = OperationDto

export const operationKeys = {
  one: (id: number) => ['operations', id] as const,
}

export function fetchOperation(id: number): Promise<Operation> {
  return api<Operation>(`/api/operations/${id}`)
}
