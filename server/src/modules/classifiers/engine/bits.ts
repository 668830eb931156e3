import { type Bits, count, has as hasBit, toIds } from './bitset.ts'

/** Helpers for other modules holding a result set of the index. */
export function countOf(bits: Bits): number {
  return count(bits)
}
export function has(bits: Bits, id: number): boolean {
  return hasBit(bits, id)
}
export function idsOf(bits: Bits, limit?: number): number[] {
  return toIds(bits, limit)
}
