import {
  add,
  andInto,
  andNotInto,
  type Bits,
  count,
  countAndOver,
  forEachId,
  has,
  nonZeroWords,
  orInto,
  remove,
  resized,
} from './bitset.ts'

/** A node as the index needs it: where it sits and its pre-order rank within its classifier. */
export interface IndexNode {
  id: number
  classifierId: number
  parentId: number | null
  rank: number
}

/** What the index holds of one client. */
export interface IndexedClient {
  alive: boolean
  person: boolean
  ownerId: number | null
  teamId: number | null
  /** Direct memberships (ancestors are implied). */
  nodes: readonly number[]
}

export type IndexVisibility =
  | { kind: 'all' }
  | { kind: 'own'; userId: number }
  | { kind: 'team'; userId: number; teamId: number }

/** A filter the index answers by itself: classifier nodes plus the attributes it keeps. */
export interface IndexQuery {
  /** Groups of node ids: OR within a group (one classifier), AND across groups; descendants included. */
  include: readonly (readonly number[])[]
  /** Node ids the client must not be in (descendants included). */
  exclude: readonly number[]
  visibility: IndexVisibility
  trash?: boolean
  kind?: 'organization' | 'person'
  owners?: { ids: readonly number[]; none: boolean }
  teams?: readonly number[]
  /** Clients the rest of the filter (answered by SQL) allows; absent: no such restriction. */
  restrict?: Bits
}

export interface FacetCount {
  nodeId: number
  /** Clients of the current result in this node (descendants included). */
  count: number
  /** Clients the result would have if this node replaced the selection in its classifier. */
  reach: number
}

export interface SortKey {
  classifierId: number
  desc: boolean
}

/** Where a sorted page falls: whole groups before it, and the group the page ends in. */
export interface PagePlan {
  /** Ids of the groups wholly inside the first `need` rows, ordered by group; within a group, unordered. */
  groups: number[][]
  /** The group the `need`-th row falls in (its ids when small enough), and how many rows it gives. */
  boundary: { ids: number[] | null; size: number; take: number; contains: (id: number) => boolean } | null
}

const NONE = 0

/**
 * The in-memory classification index: per node, the set of clients directly in it and (derived) the set
 * in its subtree; per classifier, each client's first node by rank (for sorting); per client, the
 * attributes that decide visibility and trash. It answers the classifier part of the client list —
 * count, facet counts for every node, sorted page plan — in milliseconds at a million clients, where
 * SQL needs seconds for counts of broad filters (see docs/decisions/0009).
 *
 * Pure and synchronous: `classification-store.ts` loads it from the database and keeps it fresh.
 */
export class ClassificationIndex {
  private words = 1
  private existing: Bits = new Uint32Array(1)
  private alive: Bits = new Uint32Array(1)
  private persons: Bits = new Uint32Array(1)
  private owner = new Int32Array(32)
  private team = new Int32Array(32)
  private readonly direct = new Map<number, Bits>()
  private rolled = new Map<number, Bits>()
  /** Per node, the words of its subtree set that have members (cached; dropped when the set changes). */
  private readonly rolledWords = new Map<number, Uint32Array>()
  private primary = new Map<number, Int32Array>()
  private nodes = new Map<number, IndexNode>()
  private ancestors = new Map<number, number[]>()
  private byClassifier = new Map<number, IndexNode[]>()
  private maxRank = 1

  get capacity(): number {
    return this.words * 32
  }

  /** Bytes held by the index's arrays. */
  get bytes(): number {
    let n = this.alive.byteLength * 3 + this.owner.byteLength + this.team.byteLength
    for (const b of this.direct.values()) n += b.byteLength
    for (const b of this.rolled.values()) n += b.byteLength
    for (const p of this.primary.values()) n += p.byteLength
    return n
  }

  private ensure(id: number): void {
    if (id < this.words * 32) return
    let words = this.words
    while (id >= words * 32) words *= 2
    this.words = words
    this.existing = resized(this.existing, words)
    this.alive = resized(this.alive, words)
    this.persons = resized(this.persons, words)
    const owner = new Int32Array(words * 32)
    owner.set(this.owner)
    this.owner = owner
    const team = new Int32Array(words * 32)
    team.set(this.team)
    this.team = team
    for (const [k, b] of this.direct) this.direct.set(k, resized(b, words))
    for (const [k, b] of this.rolled) this.rolled.set(k, resized(b, words))
    for (const [k, p] of this.primary) {
      const q = new Int32Array(words * 32)
      q.set(p)
      this.primary.set(k, q)
    }
  }

  /** Replaces the classifiers' structure (nodes, parents, ranks) and recomputes everything derived from it. */
  setStructure(nodes: readonly IndexNode[]): void {
    this.nodes = new Map(nodes.map((n) => [n.id, n]))
    this.ancestors = new Map()
    this.byClassifier = new Map()
    this.maxRank = 1
    for (const n of nodes) {
      const chain: number[] = []
      let p = n.parentId
      const seen = new Set<number>()
      while (p !== null && this.nodes.has(p) && !seen.has(p)) {
        seen.add(p)
        chain.push(p)
        p = this.nodes.get(p)!.parentId
      }
      this.ancestors.set(n.id, chain)
      const list = this.byClassifier.get(n.classifierId) ?? []
      list.push(n)
      this.byClassifier.set(n.classifierId, list)
      this.maxRank = Math.max(this.maxRank, n.rank + 1)
    }
    for (const list of this.byClassifier.values()) list.sort((a, b) => a.rank - b.rank)
    for (const id of [...this.direct.keys()]) if (!this.nodes.has(id)) this.direct.delete(id)
    for (const n of nodes) if (!this.direct.has(n.id)) this.direct.set(n.id, new Uint32Array(this.words))
    // Subtree sets: each node's direct set OR-ed into itself and its ancestors.
    const rolled = new Map<number, Bits>()
    for (const n of nodes) rolled.set(n.id, new Uint32Array(this.words))
    for (const n of nodes) {
      const d = this.direct.get(n.id)!
      orInto(rolled.get(n.id)!, d)
      for (const a of this.ancestors.get(n.id)!) orInto(rolled.get(a)!, d)
    }
    this.rolled = rolled
    this.rolledWords.clear()
    // Each client's first node by rank, per classifier.
    const primary = new Map<number, Int32Array>()
    for (const [classifierId, list] of this.byClassifier) {
      const p = new Int32Array(this.words * 32)
      for (const n of list) {
        const rank = n.rank + 1
        forEachId(this.direct.get(n.id)!, (id) => {
          if (p[id] === NONE) p[id] = rank
          return true
        })
      }
      primary.set(classifierId, p)
    }
    this.primary = primary
  }

  /** Puts one client's current state in the index (or takes it out with `null`). */
  setClient(id: number, state: IndexedClient | null): void {
    this.ensure(id)
    for (const b of this.direct.values()) remove(b, id)
    for (const [nodeId, b] of this.rolled) {
      if (has(b, id)) {
        remove(b, id)
        this.rolledWords.delete(nodeId)
      }
    }
    for (const p of this.primary.values()) p[id] = NONE
    if (state === null) {
      remove(this.existing, id)
      remove(this.alive, id)
      remove(this.persons, id)
      this.owner[id] = 0
      this.team[id] = 0
      return
    }
    add(this.existing, id)
    if (state.alive) add(this.alive, id)
    else remove(this.alive, id)
    if (state.person) add(this.persons, id)
    else remove(this.persons, id)
    this.owner[id] = state.ownerId ?? 0
    this.team[id] = state.teamId ?? 0
    for (const nodeId of state.nodes) {
      const node = this.nodes.get(nodeId)
      if (!node) continue
      add(this.direct.get(nodeId)!, id)
      add(this.rolled.get(nodeId)!, id)
      this.rolledWords.delete(nodeId)
      for (const a of this.ancestors.get(nodeId)!) {
        add(this.rolled.get(a)!, id)
        this.rolledWords.delete(a)
      }
      const p = this.primary.get(node.classifierId)!
      if (p[id] === NONE || node.rank + 1 < p[id]!) p[id] = node.rank + 1
    }
  }

  /** Loads many clients at once (a full build): states must come in any order, each client once. */
  loadClients(
    rows: Iterable<{
      id: number
      alive: boolean
      person: boolean
      ownerId: number | null
      teamId: number | null
    }>,
  ): void {
    for (const r of rows) {
      this.ensure(r.id)
      add(this.existing, r.id)
      if (r.alive) add(this.alive, r.id)
      if (r.person) add(this.persons, r.id)
      this.owner[r.id] = r.ownerId ?? 0
      this.team[r.id] = r.teamId ?? 0
    }
  }

  /** Adds direct memberships in bulk (a full build); call `setStructure` afterwards to derive the rest. */
  loadMemberships(rows: Iterable<{ clientId: number; nodeId: number }>): void {
    for (const r of rows) {
      this.ensure(r.clientId)
      const d = this.direct.get(r.nodeId)
      if (d) add(d, r.clientId)
    }
  }

  /** Re-derives subtree sets and sort ranks from the direct sets (after `loadMemberships`). */
  rebuildDerived(): void {
    this.setStructure([...this.nodes.values()])
  }

  nodeIds(): number[] {
    return [...this.nodes.keys()]
  }

  /** The nodes of each classifier in rank order. */
  classifierNodes(classifierId: number): readonly IndexNode[] {
    return this.byClassifier.get(classifierId) ?? []
  }

  hasNode(id: number): boolean {
    return this.nodes.has(id)
  }

  nodeOf(id: number): IndexNode | undefined {
    return this.nodes.get(id)
  }

  /** The clients the attributes part of the query allows (visibility, trash, kind, owner, team, SQL restriction). */
  private base(q: IndexQuery): Bits {
    const out = new Uint32Array(this.words)
    if (q.trash) {
      out.set(this.existing)
      andNotInto(out, this.alive)
    } else out.set(this.alive)
    if (q.kind === 'person') andInto(out, out, this.persons)
    if (q.kind === 'organization') andNotInto(out, this.persons)
    if (q.restrict) {
      for (let i = 0; i < out.length; i++) out[i]! &= i < q.restrict.length ? q.restrict[i]! : 0
    }
    const v = q.visibility
    const owners = q.owners
    const teams = q.teams
    if (v.kind !== 'all' || owners || teams) {
      const ownerSet = owners ? new Set(owners.ids) : null
      const teamSet = teams ? new Set(teams) : null
      const owner = this.owner
      const team = this.team
      for (let i = 0; i < out.length; i++) {
        let x = out[i]!
        if (x === 0) continue
        let keep = x
        while (x !== 0) {
          const low = x & -x
          const id = (i << 5) + (31 - Math.clz32(low))
          x ^= low
          const o = owner[id]!
          const t = team[id]!
          let ok = true
          if (v.kind === 'own') ok = o === v.userId
          else if (v.kind === 'team') ok = o === v.userId || t === v.teamId
          if (ok && ownerSet) ok = o === 0 ? owners!.none : ownerSet.has(o)
          if (ok && teamSet) ok = t !== 0 && teamSet.has(t)
          if (!ok) keep &= ~low
        }
        out[i] = keep
      }
    }
    return out
  }

  private unionOf(nodeIds: readonly number[]): Bits {
    const out = new Uint32Array(this.words)
    for (const id of nodeIds) {
      const b = this.rolled.get(id)
      if (b) orInto(out, b)
    }
    return out
  }

  /** The clients matching the query. */
  select(q: IndexQuery): Bits {
    const out = this.base(q)
    for (const group of q.include) andInto(out, out, this.unionOf(group))
    if (q.exclude.length) andNotInto(out, this.unionOf(q.exclude))
    return out
  }

  count(q: IndexQuery): number {
    return count(this.select(q))
  }

  /**
   * Facet counts for every node of every classifier: how many clients of the result are in it, and how
   * many there would be if it replaced its classifier's selection (OR within a tree makes that the
   * number a user choosing among siblings wants to see).
   */
  facets(q: IndexQuery): { total: number; nodes: FacetCount[] } {
    const base = this.base(q)
    if (q.exclude.length) andNotInto(base, this.unionOf(q.exclude))
    const groupSets = q.include.map((g) => this.unionOf(g))
    const groupClassifier = q.include.map((g) => {
      const first = g.find((id) => this.nodes.has(id))
      return first === undefined ? -1 : this.nodes.get(first)!.classifierId
    })
    const all = new Uint32Array(base)
    for (const s of groupSets) andInto(all, all, s)
    const allWords = nonZeroWords(all)
    const out: FacetCount[] = []
    for (const [classifierId, list] of this.byClassifier) {
      const own = groupClassifier.flatMap((c, i) => (c === classifierId ? [i] : []))
      let reachSet: Bits | null = null
      let reachWords: Uint32Array | null = null
      if (own.length) {
        reachSet = new Uint32Array(base)
        groupSets.forEach((s, i) => {
          if (!own.includes(i)) andInto(reachSet!, reachSet!, s)
        })
        reachWords = nonZeroWords(reachSet)
      }
      for (const n of list) {
        const b = this.rolled.get(n.id)!
        // Visit whichever side has fewer non-empty words: a small node, or a narrow filter.
        const nodeWords = this.wordsOfNode(n.id)
        const c = countAndOver(all, b, nodeWords.length < allWords.length ? nodeWords : allWords)
        const reach = reachSet
          ? countAndOver(reachSet, b, nodeWords.length < reachWords!.length ? nodeWords : reachWords!)
          : c
        out.push({ nodeId: n.id, count: c, reach })
      }
    }
    return { total: count(all), nodes: out }
  }

  /**
   * Plans the first `need` rows of `result` sorted by classifier ranks (clients without a node in a
   * sorted classifier come last either way): the whole groups of equal ranks that fit, and the group the
   * last row falls in. The caller orders within groups by the remaining keys (name…) in SQL.
   */
  planPage(result: Bits, keys: readonly SortKey[], need: number, idListLimit = 20_000): PagePlan {
    const ranks = keys.map((k) => this.primary.get(k.classifierId) ?? new Int32Array(this.words * 32))
    const radix = this.maxRank + 2
    const keyOf = (id: number): number => {
      let key = 0
      for (let i = 0; i < keys.length; i++) {
        const r = ranks[i]![id]!
        const v = r === NONE ? radix - 1 : keys[i]!.desc ? radix - 1 - r : r
        key = key * radix + v
      }
      return key
    }
    let ordered: Array<[number, number]>
    const bins = radix ** keys.length
    if (bins <= 1 << 20) {
      // Few enough distinct keys for a counting array: no hashing in the hot loop.
      const histogram = new Uint32Array(bins)
      forEachId(result, (id) => {
        histogram[keyOf(id)]!++
        return true
      })
      ordered = []
      for (let k = 0; k < bins; k++) if (histogram[k] !== 0) ordered.push([k, histogram[k]!])
    } else {
      const histogram = new Map<number, number>()
      forEachId(result, (id) => {
        const k = keyOf(id)
        histogram.set(k, (histogram.get(k) ?? 0) + 1)
        return true
      })
      ordered = [...histogram.entries()].sort((a, b) => a[0] - b[0])
    }
    const before = new Map<number, number>()
    let acc = 0
    let boundaryKey: number | null = null
    let boundarySize = 0
    for (const [k, n] of ordered) {
      if (acc + n <= need) {
        before.set(k, before.size)
        acc += n
        if (acc === need) break
        continue
      }
      boundaryKey = k
      boundarySize = n
      break
    }
    const groups: number[][] = Array.from({ length: before.size }, () => [])
    const boundaryIds: number[] | null = boundaryKey !== null && boundarySize <= idListLimit ? [] : null
    if (before.size || boundaryIds) {
      forEachId(result, (id) => {
        const k = keyOf(id)
        const g = before.get(k)
        if (g !== undefined) groups[g]!.push(id)
        else if (boundaryIds && k === boundaryKey) boundaryIds.push(id)
        return true
      })
    }
    const bk = boundaryKey
    return {
      groups,
      boundary:
        bk === null
          ? null
          : {
              ids: boundaryIds,
              size: boundarySize,
              take: need - acc,
              contains: (id: number) => has(result, id) && keyOf(id) === bk,
            },
    }
  }

  /** The node and every node below it. */
  subtree(nodeId: number): number[] {
    const out: number[] = []
    for (const n of this.nodes.values()) {
      if (n.id === nodeId || this.ancestors.get(n.id)!.includes(nodeId)) out.push(n.id)
    }
    return out
  }

  private wordsOfNode(nodeId: number): Uint32Array {
    let words = this.rolledWords.get(nodeId)
    if (!words) {
      words = nonZeroWords(this.rolled.get(nodeId)!)
      this.rolledWords.set(nodeId, words)
    }
    return words
  }

  /** Whether a client is in a node's subtree. */
  inSubtree(clientId: number, nodeId: number): boolean {
    const b = this.rolled.get(nodeId)
    return b ? has(b, clientId) : false
  }
}
