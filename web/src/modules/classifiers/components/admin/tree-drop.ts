import type { ClassifierNode } from '../../api/classifiers-api.ts'

/** What antd's Tree reports on a drop, reduced to what placing the node needs. */
export interface TreeDropInfo {
  dragId: number
  dropId: number
  /** False: dropped onto the node (becomes its first child); true: into the gap before or after it. */
  dropToGap: boolean
  /** antd's absolute drop position: the drop node's index among its siblings, −1 before / +1 after. */
  dropPosition: number
  /** antd's position path of the drop node (`0-2-1`): its last part is its index among siblings. */
  dropPos: string
  /** The drop node shows its children (a drop just below it goes in as its first child). */
  dropExpanded: boolean
}

export interface TreePlacement {
  parentId: number | null
  /** Place among the new siblings, not counting the moved node (what the move API expects). */
  position: number
}

function siblingsOf(nodes: ClassifierNode[], parentId: number | null, without: number): ClassifierNode[] {
  return nodes
    .filter((n) => n.parentId === parentId && n.id !== without)
    .sort((a, b) => a.position - b.position || a.id - b.id)
}

function isInside(nodes: ClassifierNode[], id: number | null, ancestor: number): boolean {
  for (let at = id; at !== null; ) {
    if (at === ancestor) return true
    at = nodes.find((n) => n.id === at)?.parentId ?? null
  }
  return false
}

/**
 * Where a dragged node lands: its new parent and its place among the new siblings. Null when the drop
 * changes nothing or would put the node inside itself.
 */
export function placeDrop(nodes: ClassifierNode[], info: TreeDropInfo): TreePlacement | null {
  const drag = nodes.find((n) => n.id === info.dragId)
  const drop = nodes.find((n) => n.id === info.dropId)
  if (!drag || !drop || drag.id === drop.id) return null
  const index = Number(info.dropPos.split('-').pop())
  const relative = info.dropPosition - index
  const hasChildren = nodes.some((n) => n.parentId === drop.id && n.id !== drag.id)
  let placement: TreePlacement
  if (!info.dropToGap || (relative === 1 && info.dropExpanded && hasChildren)) {
    placement = { parentId: drop.id, position: 0 }
  } else {
    const siblings = siblingsOf(nodes, drop.parentId, drag.id)
    const at = siblings.findIndex((n) => n.id === drop.id)
    placement = { parentId: drop.parentId, position: relative < 0 ? at : at + 1 }
  }
  if (isInside(nodes, placement.parentId, drag.id)) return null
  const current = siblingsOf(nodes, drag.parentId, drag.id).filter((n) => n.position < drag.position).length
  if (placement.parentId === drag.parentId && placement.position === current) return null
  return placement
}

/** The node ids of a subtree, the node itself included. */
export function subtreeIds(nodes: ClassifierNode[], id: number): Set<number> {
  const out = new Set<number>([id])
  let grew = true
  while (grew) {
    grew = false
    for (const n of nodes) {
      if (n.parentId !== null && out.has(n.parentId) && !out.has(n.id)) {
        out.add(n.id)
        grew = true
      }
    }
  }
  return out
}
