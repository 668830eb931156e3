import type { Classifier } from '../../api/classifiers-api.ts'

/** The classifier part of a client list filter: nodes to be in, nodes not to be in. */
export interface FacetSelection {
  classIn: number[]
  classNotIn: number[]
}

/** Puts a node into the "in" set (out of "not in"), or takes it out. */
export function toggleIn(selection: FacetSelection, nodeId: number, on: boolean): FacetSelection {
  const classIn = selection.classIn.filter((id) => id !== nodeId)
  return {
    classIn: on ? [...classIn, nodeId] : classIn,
    classNotIn: selection.classNotIn.filter((id) => id !== nodeId),
  }
}

/** Excludes a node (dropping it from "in"), or stops excluding it. */
export function toggleNotIn(selection: FacetSelection, nodeId: number, on: boolean): FacetSelection {
  const classNotIn = selection.classNotIn.filter((id) => id !== nodeId)
  return {
    classIn: selection.classIn.filter((id) => id !== nodeId),
    classNotIn: on ? [...classNotIn, nodeId] : classNotIn,
  }
}

/** Forgets every choice made in one classifier. */
export function clearClassifier(selection: FacetSelection, classifier: Classifier): FacetSelection {
  const own = new Set(classifier.nodes.map((n) => n.id))
  return {
    classIn: selection.classIn.filter((id) => !own.has(id)),
    classNotIn: selection.classNotIn.filter((id) => !own.has(id)),
  }
}

/** How many nodes of a classifier are chosen ("in" and "not in"). */
export function chosenIn(selection: FacetSelection, classifier: Classifier): { in: number; notIn: number } {
  const own = new Set(classifier.nodes.map((n) => n.id))
  return {
    in: selection.classIn.filter((id) => own.has(id)).length,
    notIn: selection.classNotIn.filter((id) => own.has(id)).length,
  }
}

/** A node's name with its ancestors' (`Retail / Food`), by the classifier's parent links. */
export function nodePath(
  classifier: Classifier,
  nodeId: number,
  name: (n: { name: Classifier['name'] }) => string,
) {
  const byId = new Map(classifier.nodes.map((n) => [n.id, n]))
  const parts: string[] = []
  let node = byId.get(nodeId)
  while (node && parts.length < 50) {
    parts.unshift(name(node))
    node = node.parentId === null ? undefined : byId.get(node.parentId)
  }
  return parts.join(' / ')
}
