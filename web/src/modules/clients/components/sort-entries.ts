import { isClassSort, type SortEntry } from '../hooks/use-client-list-state.ts'

/**
 * The sort with one key moved up (-1) or down (+1), or null when it cannot go there: at an end, or
 * across the border between classifier keys (always first) and the others.
 */
export function moveSortEntry(sort: SortEntry[], index: number, step: -1 | 1): SortEntry[] | null {
  const target = index + step
  const entry = sort[index]
  const other = sort[target]
  if (!entry || !other || isClassSort(entry.key) !== isClassSort(other.key)) return null
  const next = [...sort]
  next[index] = other
  next[target] = entry
  return next
}
