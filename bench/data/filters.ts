import type { BenchClassifier, BenchNode } from './structure.ts'
import type { Tally } from './tally.ts'

/**
 * A classifier filter of the benchmark: clients in the subtree of `subtree` (one classifier) AND in the
 * subtree of `anyOf[0]` OR of `anyOf[1]` (another classifier); `matches` counts the live clients.
 */
export interface BenchFilter {
  subtree: number
  anyOf: [number, number]
  matches: number
  /** The classifiers of `subtree` and of `anyOf`. */
  classifiers: [number, number]
}

export type FilterBreadth = 'narrow' | 'middling' | 'broad'

/** Matches wanted per million clients: hundreds, tens of thousands, hundreds of thousands. */
export const FILTER_TARGETS: Record<FilterBreadth, number> = { narrow: 500, middling: 30_000, broad: 300_000 }

const SHORTLIST = 40

interface Candidate {
  score: number
  subtree: BenchNode
  x: BenchNode
  y: BenchNode
}

/**
 * Chooses, for each breadth, the filter whose match count is nearest (by ratio) to its target scaled to
 * the number of clients. Estimates every (subtree with children) × (pair of unrelated nodes of another
 * classifier) from the pair counts, then counts the best few exactly over the bitsets.
 */
export function chooseFilters(
  tally: Tally,
  classifiers: readonly BenchClassifier[],
): Record<FilterBreadth, BenchFilter> {
  const breadths = Object.keys(FILTER_TARGETS) as FilterBreadth[]
  const targets = breadths.map((b) => Math.max(3, (FILTER_TARGETS[b] * tally.clients) / 1_000_000))
  const best: Candidate[][] = breadths.map(() => [])
  const pair = (a: number, b: number) => tally.pairs[a * tally.size + b]!
  for (const a of classifiers) {
    for (const s of a.nodes) {
      if (!s.hasChildren) continue
      for (const b of classifiers) {
        if (b === a) continue
        for (let i = 0; i < b.nodes.length; i++) {
          const x = b.nodes[i]!
          const cx = pair(s.id, x.id)
          if (!cx) continue
          for (let j = i + 1; j < b.nodes.length; j++) {
            const y = b.nodes[j]!
            const cy = pair(s.id, y.id)
            if (!cy || Math.min(cx, cy) < 0.1 * Math.max(cx, cy)) continue
            if (x.path.includes(y.id) || y.path.includes(x.id)) continue
            // Exact for an exclusive classifier (its subtrees are disjoint); an upper bound otherwise.
            const estimate = cx + cy
            targets.forEach((target, t) => {
              keep(best[t]!, { score: Math.abs(Math.log(estimate / target)), subtree: s, x, y })
            })
          }
        }
      }
    }
  }
  const out = {} as Record<FilterBreadth, BenchFilter>
  breadths.forEach((breadth, t) => {
    let chosen: BenchFilter | null = null
    let chosenScore = Number.POSITIVE_INFINITY
    for (const c of best[t]!) {
      const matches = tally.countMatches(c.subtree.id, [c.x.id, c.y.id])
      const score = Math.abs(Math.log(Math.max(matches, 0.5) / targets[t]!))
      if (score < chosenScore) {
        chosenScore = score
        chosen = {
          subtree: c.subtree.id,
          anyOf: [c.x.id, c.y.id],
          matches,
          classifiers: [c.subtree.classifierId, c.x.classifierId],
        }
      }
    }
    if (!chosen) throw new Error(`no ${breadth} filter found`)
    out[breadth] = chosen
  })
  return out
}

/** Keeps the SHORTLIST lowest scores; equal scores keep the first seen, so the choice is deterministic. */
function keep(list: Candidate[], c: Candidate): void {
  if (list.length === SHORTLIST && c.score >= list[list.length - 1]!.score) return
  let i = list.length
  while (i > 0 && list[i - 1]!.score > c.score) i--
  list.splice(i, 0, c)
  if (list.length > SHORTLIST) list.pop()
}
