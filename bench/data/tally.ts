import type { BenchNode } from './structure.ts'

/**
 * What the generator counts while it writes, to choose filters without asking the database: per node
 * the clients directly in it (a bitset by client id), the live clients, and how many live clients sit
 * in both of any two subtrees (`pairs`, subtree = node plus descendants).
 */
export class Tally {
  readonly words: number
  readonly live: Uint32Array
  private readonly direct: Uint32Array[] = []
  private readonly rolled = new Map<number, Uint32Array>()
  /** pairs[a * size + b]: live clients in subtree a and in subtree b (a = b: in subtree a). */
  readonly pairs: Int32Array
  readonly size: number
  clients = 0
  liveClients = 0
  memberships = 0
  private readonly seen: Int32Array
  private readonly expanded: number[] = []

  constructor(
    total: number,
    private readonly nodes: readonly BenchNode[],
  ) {
    this.words = Math.ceil((total + 1) / 32)
    this.live = new Uint32Array(this.words)
    this.size = Math.max(...nodes.map((n) => n.id)) + 1
    for (let i = 0; i < this.size; i++) this.direct.push(new Uint32Array(this.words))
    this.pairs = new Int32Array(this.size * this.size)
    this.seen = new Int32Array(this.size)
  }

  add(clientId: number, alive: boolean, nodes: readonly BenchNode[]): void {
    const word = clientId >>> 5
    const bit = 1 << (clientId & 31)
    this.clients++
    this.memberships += nodes.length
    for (const n of nodes) this.direct[n.id]![word]! |= bit
    if (!alive) return
    this.live[word]! |= bit
    this.liveClients++
    const ex = this.expanded
    ex.length = 0
    for (const n of nodes) {
      for (const a of n.path) {
        if (this.seen[a] === clientId) continue
        this.seen[a] = clientId
        ex.push(a)
      }
    }
    for (const a of ex) for (const b of ex) this.pairs[a * this.size + b]!++
  }

  /** Live clients in the node's subtree. */
  subtreeCount(nodeId: number): number {
    return this.pairs[nodeId * this.size + nodeId]!
  }

  /** Clients (live or not) directly in the node. */
  directCount(nodeId: number): number {
    return popcount(this.direct[nodeId]!)
  }

  /** Clients in the node or any of its descendants (live or not). */
  subtree(nodeId: number): Uint32Array {
    let bits = this.rolled.get(nodeId)
    if (!bits) {
      bits = new Uint32Array(this.words)
      for (const n of this.nodes) {
        if (!n.path.includes(nodeId)) continue
        const d = this.direct[n.id]!
        for (let w = 0; w < this.words; w++) bits[w]! |= d[w]!
      }
      this.rolled.set(nodeId, bits)
    }
    return bits
  }

  /** Live clients in subtree `all` and in at least one of the subtrees `any`. */
  countMatches(all: number, any: readonly number[]): number {
    const a = this.subtree(all)
    const ors = any.map((id) => this.subtree(id))
    let total = 0
    for (let w = 0; w < this.words; w++) {
      let or = 0
      for (const o of ors) or |= o[w]!
      total += bitCount(a[w]! & or & this.live[w]!)
    }
    return total
  }
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

function popcount(bits: Uint32Array): number {
  let total = 0
  for (let w = 0; w < bits.length; w++) total += bitCount(bits[w]!)
  return total
}
