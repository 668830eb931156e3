import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toIds } from './bitset.ts'
import {
  ClassificationIndex,
  type IndexedClient,
  type IndexNode,
  type IndexQuery,
} from './classification-index.ts'

// Two classifiers: 1 = a two-level tree (10 → 11, 12; 20 → 21), 2 = flat (30, 31, 32).
const NODES: IndexNode[] = [
  { id: 10, classifierId: 1, parentId: null, rank: 0 },
  { id: 11, classifierId: 1, parentId: 10, rank: 1 },
  { id: 12, classifierId: 1, parentId: 10, rank: 2 },
  { id: 20, classifierId: 1, parentId: null, rank: 3 },
  { id: 21, classifierId: 1, parentId: 20, rank: 4 },
  { id: 30, classifierId: 2, parentId: null, rank: 0 },
  { id: 31, classifierId: 2, parentId: null, rank: 1 },
  { id: 32, classifierId: 2, parentId: null, rank: 2 },
]
const PARENT = new Map(NODES.map((n) => [n.id, n.parentId]))
const CLASSIFIER = new Map(NODES.map((n) => [n.id, n.classifierId]))
const RANK = new Map(NODES.map((n) => [n.id, n.rank]))

function inSubtree(direct: readonly number[], node: number): boolean {
  return direct.some((d) => {
    for (let x: number | null | undefined = d; x != null; x = PARENT.get(x)) if (x === node) return true
    return false
  })
}

/** The brute-force model: the meaning of a query, client by client. */
function matches(c: IndexedClient, q: IndexQuery): boolean {
  if (q.trash ? c.alive : !c.alive) return false
  if (q.kind && (q.kind === 'person') !== c.person) return false
  const v = q.visibility
  if (v.kind === 'own' && c.ownerId !== v.userId) return false
  if (v.kind === 'team' && c.ownerId !== v.userId && c.teamId !== v.teamId) return false
  if (q.owners && !(c.ownerId === null ? q.owners.none : q.owners.ids.includes(c.ownerId))) return false
  if (q.teams && !(c.teamId !== null && q.teams.includes(c.teamId))) return false
  if (!q.include.every((g) => g.some((n) => inSubtree(c.nodes, n)))) return false
  return !q.exclude.some((n) => inSubtree(c.nodes, n))
}

const nodeId = fc.constantFrom(...NODES.map((n) => n.id))
const client = fc.record({
  alive: fc.integer({ min: 0, max: 6 }).map((n) => n > 0),
  person: fc.boolean(),
  ownerId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  teamId: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
  nodes: fc.uniqueArray(nodeId, { maxLength: 4 }),
})
const query = fc.record({
  // One group per classifier, as the API builds them.
  include: fc
    .tuple(
      fc.uniqueArray(fc.constantFrom(10, 11, 12, 20, 21), { maxLength: 3 }),
      fc.uniqueArray(fc.constantFrom(30, 31, 32), { maxLength: 2 }),
    )
    .map((groups) => groups.filter((g) => g.length > 0)),
  exclude: fc.uniqueArray(nodeId, { maxLength: 2 }),
  visibility: fc.oneof(
    fc.constant({ kind: 'all' as const }),
    fc.constant({ kind: 'own' as const, userId: 1 }),
    fc.constant({ kind: 'team' as const, userId: 1, teamId: 2 }),
  ),
  trash: fc.boolean(),
  kind: fc.option(fc.constantFrom('organization' as const, 'person' as const), { nil: undefined }),
  owners: fc.option(
    fc.record({ ids: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }), none: fc.boolean() }),
    {
      nil: undefined,
    },
  ),
  teams: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 }), {
    nil: undefined,
  }),
})

function build(clients: IndexedClient[], incremental: boolean): ClassificationIndex {
  const index = new ClassificationIndex()
  if (incremental) {
    index.setStructure(NODES)
    for (const [i, c] of clients.entries()) index.setClient(i + 1, c)
  } else {
    index.setStructure(NODES)
    index.loadClients(clients.map((c, i) => ({ id: i + 1, ...c })))
    index.loadMemberships(clients.flatMap((c, i) => c.nodes.map((nodeId) => ({ clientId: i + 1, nodeId }))))
    index.rebuildDerived()
  }
  return index
}

describe('the classification index', () => {
  it('selects exactly what the brute-force model selects, built in bulk or client by client', () => {
    fc.assert(
      fc.property(fc.array(client, { maxLength: 80 }), query, fc.boolean(), (clients, q, incremental) => {
        const index = build(clients, incremental)
        const expected = clients.flatMap((c, i) => (matches(c, q) ? [i + 1] : []))
        expect(toIds(index.select(q))).toEqual(expected)
        expect(index.count(q)).toBe(expected.length)
      }),
      { numRuns: 300 },
    )
  })

  it('counts every node: clients of the result in it, and the reach if it replaced its tree’s selection', () => {
    fc.assert(
      fc.property(fc.array(client, { maxLength: 60 }), query, (clients, q) => {
        const index = build(clients, false)
        const facets = index.facets(q)
        for (const n of NODES) {
          const inNode = clients.filter((c) => matches(c, q) && inSubtree(c.nodes, n.id)).length
          const groups = q.include.filter((g) => !g.some((id) => CLASSIFIER.get(id) === n.classifierId))
          const reach = clients.filter((c) => matches(c, { ...q, include: [...groups, [n.id]] })).length
          const got = facets.nodes.find((f) => f.nodeId === n.id)!
          expect(got.count).toBe(inNode)
          expect(got.reach).toBe(reach)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('follows changes of one client, including moving it out of every node and deleting it', () => {
    fc.assert(
      fc.property(
        fc.array(client, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(39), fc.option(client, { nil: null }))),
        query,
        (clients, edits, q) => {
          const index = build(clients, false)
          index.facets(q)
          const current: Array<IndexedClient | null> = [...clients]
          for (const [i, next] of edits) {
            if (i >= current.length) continue
            current[i] = next
            index.setClient(i + 1, next)
          }
          const expected = current.flatMap((c, i) => (c && matches(c, q) ? [i + 1] : []))
          expect(toIds(index.select(q))).toEqual(expected)
          // Facet counts read before the edits must not go stale (cached word lists are dropped).
          const rebuilt = new ClassificationIndex()
          rebuilt.setStructure(NODES)
          for (const [i, c] of current.entries()) if (c) rebuilt.setClient(i + 1, c)
          expect(index.facets(q)).toEqual(rebuilt.facets(q))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('plans a page sorted by two classifiers’ ranks, with clients outside a classifier last', () => {
    fc.assert(
      fc.property(
        fc.array(client, { maxLength: 80 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 30 }),
        (clients, desc1, desc2, need) => {
          const index = build(clients, false)
          const q: IndexQuery = { include: [], exclude: [], visibility: { kind: 'all' } }
          const result = index.select(q)
          const rankIn = (c: IndexedClient, classifier: number, desc: boolean) => {
            const ranks = c.nodes.filter((n) => CLASSIFIER.get(n) === classifier).map((n) => RANK.get(n)!)
            if (!ranks.length) return 1e9
            return desc ? -Math.min(...ranks) : Math.min(...ranks)
          }
          const keyed = clients
            .map((c, i) => ({ id: i + 1, c, k: [rankIn(c, 1, desc1), rankIn(c, 2, desc2)] as const }))
            .filter((x) => x.c.alive)
          const cmp = (a: readonly number[], b: readonly number[]) => a[0]! - b[0]! || a[1]! - b[1]!
          const plan = index.planPage(
            result,
            [
              { classifierId: 1, desc: desc1 },
              { classifierId: 2, desc: desc2 },
            ],
            need,
            5,
          )
          const listed = plan.groups.flat()
          expect(listed.length + (plan.boundary?.take ?? 0)).toBe(Math.min(need, keyed.length))
          // Groups come in sort order, and everything in a group shares its key.
          const keyOf = (id: number) => keyed.find((x) => x.id === id)!.k
          for (const g of plan.groups) for (const id of g) expect(cmp(keyOf(id), keyOf(g[0]!))).toBe(0)
          for (let i = 1; i < plan.groups.length; i++)
            expect(cmp(keyOf(plan.groups[i - 1]![0]!), keyOf(plan.groups[i]![0]!))).toBeLessThan(0)
          // Every client not listed sorts after the listed ones; the boundary group is exactly one key.
          const listedSet = new Set(listed)
          const last = listed.length ? keyOf(listed.at(-1)!) : null
          const rest = keyed.filter((x) => !listedSet.has(x.id))
          if (last) for (const x of rest) expect(cmp(x.k, last)).toBeGreaterThan(0)
          if (plan.boundary) {
            const inBoundary = rest.filter((x) => plan.boundary!.contains(x.id))
            expect(inBoundary.length).toBe(plan.boundary.size)
            const bk = inBoundary[0]!.k
            for (const x of rest) expect(cmp(x.k, bk)).toBeGreaterThanOrEqual(0)
            if (plan.boundary.ids)
              expect(plan.boundary.ids.sort((a, b) => a - b)).toEqual(inBoundary.map((x) => x.id))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('moves a node: its clients now count under the new parent', () => {
    const index = new ClassificationIndex()
    index.setStructure(NODES)
    index.setClient(1, { alive: true, person: false, ownerId: 1, teamId: null, nodes: [11] })
    const q = (n: number): IndexQuery => ({ include: [[n]], exclude: [], visibility: { kind: 'all' } })
    expect(index.count(q(10))).toBe(1)
    index.setStructure(NODES.map((n) => (n.id === 11 ? { ...n, parentId: 20 } : n)))
    expect(index.count(q(10))).toBe(0)
    expect(index.count(q(20))).toBe(1)
  })
})
