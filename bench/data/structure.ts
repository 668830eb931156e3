// What the generator builds before the clients: classifiers with their nodes (ids, pre-order ranks,
// popularity) and the staff who own the clients. Deterministic: ids never depend on the seed.
import { searchText } from '../../server/src/platform/db/text.ts'
import { type Rng, Weighted, zipfWeights } from './random.ts'
import { CLASSIFIERS, type ClassifierSpec, type NodeSpec } from './trees.ts'
import { FEMALE_NAMES, femaleSurname, MALE_NAMES, PATRONYMICS, SURNAMES } from './words.ts'

export interface BenchNode {
  id: number
  classifierId: number
  parentId: number | null
  nameRu: string
  nameEn: string
  color: string
  /** Among its siblings, from 0. */
  position: number
  /** Pre-order rank within the classifier, from 0: parents before children, siblings by position. */
  rank: number
  /** The node itself and its ancestors, nearest first. */
  path: number[]
  /** Index of its top-level ancestor among the classifier's roots. */
  branch: number
  spec: NodeSpec
  hasChildren: boolean
}

export interface BenchClassifier {
  id: number
  key: ClassifierSpec['key']
  nameRu: string
  nameEn: string
  multiple: boolean
  position: number
  nodes: BenchNode[]
  /** Picks the node a client is put in directly: mostly leaves, sometimes an inner node. */
  picker: Weighted<BenchNode>
}

/** How often a client sits directly in an inner node (e.g. "Retail" without saying which kind). */
const STOP_AT_INNER: Record<ClassifierSpec['key'], number> = {
  temperature: 0,
  loyalty: 0.15,
  size: 0,
  industry: 0.08,
  region: 0.03,
}

/**
 * The five classifiers with ids 1..5 and node ids numbered in pre-order across them. Popularity of a
 * node: its sibling weight (given, its children's sum, or Zipf over a seeded order of siblings) times its
 * parent's.
 */
export function buildClassifiers(rng: Rng): { classifiers: BenchClassifier[]; nodes: BenchNode[] } {
  const classifiers: BenchClassifier[] = []
  const all: BenchNode[] = []
  CLASSIFIERS.forEach((spec, ci) => {
    const classifierId = ci + 1
    const nodes: BenchNode[] = []
    const weights: number[] = []
    let rank = 0
    const walk = (list: NodeSpec[], parent: BenchNode | null, reach: number) => {
      const order = rng.shuffled(list.map((_, i) => i))
      const zipf = zipfWeights(list.length, 0.9)
      const sibling = list.map((s, i) => s.w ?? childWeights(s) ?? zipf[order.indexOf(i)]!)
      const total = sibling.reduce((a, b) => a + b, 0)
      list.forEach((s, i) => {
        const id = all.length + 1
        const node: BenchNode = {
          id,
          classifierId,
          parentId: parent?.id ?? null,
          nameRu: s.ru,
          nameEn: s.en,
          color: s.color ?? '',
          position: i,
          rank: rank++,
          path: [id, ...(parent?.path ?? [])],
          branch: parent ? parent.branch : i,
          spec: s,
          hasChildren: Boolean(s.children?.length),
        }
        all.push(node)
        nodes.push(node)
        const p = (reach * sibling[i]!) / total
        const stop = node.hasChildren ? STOP_AT_INNER[spec.key] : 1
        weights.push(p * stop)
        if (s.children?.length) walk(s.children, node, p * (1 - stop))
      })
    }
    walk(spec.nodes, null, 1)
    classifiers.push({
      id: classifierId,
      key: spec.key,
      nameRu: spec.ru,
      nameEn: spec.en,
      multiple: spec.multiple,
      position: ci,
      nodes,
      picker: new Weighted(
        nodes.filter((_, i) => weights[i]! > 0),
        weights.filter((w) => w > 0),
      ),
    })
  })
  return { classifiers, nodes: all }
}

/** A node without a weight of its own weighs what its children do, when they all have one (a federal district). */
function childWeights(spec: NodeSpec): number | undefined {
  const ws = spec.children?.map((c) => c.w)
  return ws?.length && ws.every((w) => w !== undefined) ? ws.reduce((a, b) => a + b, 0) : undefined
}

export interface BenchTeam {
  id: number
  name: string
  headId: number
}

export interface BenchUser {
  id: number
  email: string
  name: string
  position: string
  search: string
  roleCode: string
  teamId: number | null
}

export const BENCH_PASSWORD = 'Bench-Pass-123'
export const BENCH_ADMIN_EMAIL = 'admin@bench.example'

const TEAMS = ['Москва', 'Санкт-Петербург', 'Регионы', 'Ключевые клиенты']
const MANAGERS_PER_TEAM = [14, 10, 14, 7]

/**
 * An administrator (id 1, sees everything), a head of sales per team and 45 sales managers: 50 users.
 * Everyone but the administrator owns clients.
 */
export function buildStaff(rng: Rng): { teams: BenchTeam[]; users: BenchUser[] } {
  const users: BenchUser[] = []
  const person = () => {
    const female = rng.chance(0.5)
    const last = rng.pick(SURNAMES)
    const [pm, pf] = rng.pick(PATRONYMICS)
    return female
      ? `${femaleSurname(last)} ${rng.pick(FEMALE_NAMES)} ${pf}`
      : `${last} ${rng.pick(MALE_NAMES)} ${pm}`
  }
  const add = (email: string, name: string, position: string, roleCode: string, teamId: number | null) => {
    const id = users.length + 1
    users.push({ id, email, name, position, roleCode, teamId, search: searchText(name, email) })
    return id
  }
  add(BENCH_ADMIN_EMAIL, 'Администратор', 'Администратор CRM', 'admin', null)
  const teams: BenchTeam[] = TEAMS.map((name, i) => ({
    id: i + 1,
    name,
    headId: add(`head${i + 1}@bench.example`, person(), 'Руководитель отдела продаж', 'head_of_sales', i + 1),
  }))
  let m = 0
  teams.forEach((team, i) => {
    for (let k = 0; k < MANAGERS_PER_TEAM[i]!; k++) {
      m++
      add(
        `manager${String(m).padStart(2, '0')}@bench.example`,
        person(),
        'Менеджер по продажам',
        'sales_manager',
        team.id,
      )
    }
  })
  return { teams, users }
}
