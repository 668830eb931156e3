import type { Operation, OperationStatus } from './operations-api.ts'

/** True once an operation will not change any more. */
export function isFinished(status: OperationStatus): boolean {
  return status === 'done' || status === 'failed'
}

/** How far along it is, 0…100; a finished one is at 100 whatever its counters say. */
export function operationPercent(op: Pick<Operation, 'status' | 'total' | 'done'>): number {
  if (op.status === 'done') return 100
  if (op.total <= 0) return 0
  return Math.min(99, Math.floor((op.done / op.total) * 100))
}

/** A counter of the result (`changed`), or undefined when the operation has none (or it is not a number). */
export function resultCount(op: { result: Record<string, unknown> | null }, key: string): number | undefined {
  const value = op.result?.[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}
