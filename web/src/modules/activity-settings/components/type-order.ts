import type { ActivityType } from '@mmcrm/server/api-types'

export interface PositionPatch {
  id: number
  version: number
  position: number
}

/**
 * Moves a type one place up (-1) or down (+1) in the list and numbers the list 0, 1, 2…: the changes
 * are the types whose position differs from their new place (two on a neighbour swap of a tidy list;
 * more when positions were equal or had gaps). Empty when the type cannot move that way.
 */
export function moveType(types: readonly ActivityType[], id: number, delta: -1 | 1): PositionPatch[] {
  const from = types.findIndex((t) => t.id === id)
  const to = from + delta
  if (from < 0 || to < 0 || to >= types.length) return []
  const order = [...types]
  const [moved] = order.splice(from, 1)
  order.splice(to, 0, moved!)
  return order.flatMap((t, position) =>
    t.position === position ? [] : [{ id: t.id, version: t.version, position }],
  )
}
