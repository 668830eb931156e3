import type { Db } from '../../platform/db/database.ts'
import type { ClassifierNodeTable, ClassifierTable } from '../../platform/db/schema.ts'
import type { ClassifierDto, NodeDto, Rule } from './classifiers.schemas.ts'

export type ClassifierRow = Omit<ClassifierTable, 'id'> & { id: number }
export type NodeRow = Omit<ClassifierNodeTable, 'id'> & { id: number }

export function nodeDto(r: NodeRow): NodeDto {
  return {
    id: r.id,
    classifierId: r.classifier_id,
    parentId: r.parent_id,
    name: { ru: r.name_ru, en: r.name_en },
    color: r.color,
    position: r.position,
    rank: r.rank,
    rule: r.rule ? (JSON.parse(r.rule) as Rule) : null,
    version: r.version,
  }
}

export function classifierDto(c: ClassifierRow, nodes: NodeRow[]): ClassifierDto {
  return {
    id: c.id,
    name: { ru: c.name_ru, en: c.name_en },
    description: c.description,
    multiple: c.multiple === 1,
    required: c.required === 1,
    position: c.position,
    version: c.version,
    nodes: nodes
      .filter((n) => n.classifier_id === c.id)
      .sort((a, b) => a.rank - b.rank)
      .map(nodeDto),
  }
}

export async function findClassifierRows(db: Db): Promise<ClassifierRow[]> {
  return db.selectFrom('classifiers').selectAll().orderBy('position').orderBy('id').execute()
}

export async function findClassifierRow(db: Db, id: number): Promise<ClassifierRow | undefined> {
  return db.selectFrom('classifiers').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findNodeRows(db: Db, classifierId?: number): Promise<NodeRow[]> {
  let q = db.selectFrom('classifier_nodes').selectAll()
  if (classifierId !== undefined) q = q.where('classifier_id', '=', classifierId)
  return q.orderBy('rank').execute()
}

export async function findNodeRow(db: Db, id: number): Promise<NodeRow | undefined> {
  return db.selectFrom('classifier_nodes').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The node and all its descendants. */
export function subtreeIds(nodes: readonly NodeRow[], rootId: number): number[] {
  const children = new Map<number, number[]>()
  for (const n of nodes) {
    if (n.parent_id === null) continue
    const list = children.get(n.parent_id) ?? []
    list.push(n.id)
    children.set(n.parent_id, list)
  }
  const out: number[] = []
  const stack = [rootId]
  while (stack.length) {
    const id = stack.pop()!
    out.push(id)
    stack.push(...(children.get(id) ?? []))
  }
  return out
}

/**
 * Renumbers siblings 0..n-1 (keeping their order) and recomputes the classifier's pre-order ranks
 * (parents before children, siblings by position), writing only what changed.
 */
export async function renumber(tx: Db, classifierId: number): Promise<void> {
  const nodes = await findNodeRows(tx, classifierId)
  const children = new Map<number | null, NodeRow[]>()
  for (const n of nodes) {
    const list = children.get(n.parent_id) ?? []
    list.push(n)
    children.set(n.parent_id, list)
  }
  const updates: Array<{ id: number; position: number; rank: number }> = []
  let rank = 0
  const walk = (parent: number | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.position - b.position || a.id - b.id)
    list.forEach((n, i) => {
      const myRank = rank++
      if (n.position !== i || n.rank !== myRank) updates.push({ id: n.id, position: i, rank: myRank })
      walk(n.id)
    })
  }
  walk(null)
  for (const u of updates) {
    await tx
      .updateTable('classifier_nodes')
      .set({ position: u.position, rank: u.rank })
      .where('id', '=', u.id)
      .execute()
  }
}
