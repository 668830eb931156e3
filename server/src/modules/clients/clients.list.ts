import type { Expression, SqlBool } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import {
  type ClassificationIndex,
  classificationStore,
  countOf,
  type FacetCount,
  has,
  type IndexQuery,
  idsOf,
  type SortKey,
  structureIndex,
} from '../classifiers/index.ts'
import {
  type CustomFieldFilter,
  customFieldCondition,
  customSortExpression,
  findCustomFields,
  visibleCustomValues,
} from '../custom-fields/index.ts'
import * as repo from './clients.repository.ts'
import {
  CLIENT_SORT_KEYS,
  type ClientFilter,
  type ClientListItem,
  type ClientListQuery,
} from './clients.schemas.ts'

type ListSortKey = (typeof CLIENT_SORT_KEYS)[number]

function isSortKey(key: string): key is ListSortKey {
  return (CLIENT_SORT_KEYS as readonly string[]).includes(key)
}

/** The classifier part of a filter, resolved against the classifiers' current structure. */
export interface ClassFilter {
  /** Node ids grouped by classifier: OR within a group, AND across groups. */
  include: number[][]
  exclude: number[]
}

function nodeIdList(text: string | undefined): number[] {
  return text ? [...new Set(text.split(',').map(Number))] : []
}

/**
 * Turns a list request into query pieces: sort keys from the allow-list, `custom:<key>` of a defined
 * custom field or `class:<id>` of a classifier (first); custom and classifier filters as SQL conditions,
 * and the classifier filter also as groups for the classification index. Anything else is a 400 on
 * that parameter.
 */
export async function clientQueryParts(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  f: ClientFilter,
  sortParam: string,
  mode: 'list' | 'sql' = 'list',
) {
  const defs = await findCustomFields(db, 'client')
  const needsIndex = Boolean(f.classIn || f.classNotIn || /(^|,)\s*-?class:/.test(sortParam))
  // A list reads the live index; SQL-only callers (bulk actions, inside their transaction) need just
  // the trees, to expand nodes to their subtrees.
  const index = !needsIndex
    ? null
    : mode === 'list'
      ? await classificationStore(db, dialect).fresh()
      : await structureIndex(db)
  const sort: repo.ClientSort[] = []
  const classSort: SortKey[] = []
  for (const raw of sortParam
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const desc = raw.startsWith('-')
    const key = desc ? raw.slice(1) : raw
    if (isSortKey(key)) sort.push({ column: key, desc })
    else if (key.startsWith('custom:') && defs.some((d) => d.key === key.slice(7))) {
      const def = defs.find((d) => d.key === key.slice(7))!
      sort.push({ column: customSortExpression(dialect, 'c.custom', def), desc })
    } else if (/^class:\d+$/.test(key) && index?.classifierNodes(Number(key.slice(6))).length) {
      if (sort.length) throw AppError.field('sort', 'classifiers.sort_first')
      classSort.push({ classifierId: Number(key.slice(6)), desc })
    } else throw AppError.field('sort', 'list.unknown_sort', { key })
  }
  let customFilters: Array<{ def: (typeof defs)[number]; filter: CustomFieldFilter }> = []
  if (f.custom) {
    let parsed: unknown
    try {
      parsed = JSON.parse(f.custom)
    } catch {
      throw AppError.field('custom', 'errors.bad_request')
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw AppError.field('custom', 'errors.bad_request')
    customFilters = Object.entries(parsed as Record<string, unknown>).map(([key, filter]) => {
      const def = defs.find((d) => d.key === key)
      if (!def) throw AppError.field(`custom.${key}`, 'custom.unknown_field')
      return { def, filter: filter as CustomFieldFilter }
    })
  }
  // Classifier nodes: grouped by classifier, each expanded to its subtree for SQL.
  const classFilter: ClassFilter = { include: [], exclude: [] }
  const includeSubtrees: number[][] = []
  let excludeSubtree: number[] = []
  if (index) {
    const groups = new Map<number, number[]>()
    for (const [param, ids] of [
      ['classIn', nodeIdList(f.classIn)],
      ['classNotIn', nodeIdList(f.classNotIn)],
    ] as const) {
      for (const id of ids) {
        const node = index.nodeOf(id)
        if (!node) throw AppError.field(param, 'classifiers.unknown_node', { id })
        if (param === 'classIn') groups.set(node.classifierId, [...(groups.get(node.classifierId) ?? []), id])
        else classFilter.exclude.push(id)
      }
    }
    classFilter.include = [...groups.values()]
    for (const g of classFilter.include)
      includeSubtrees.push([...new Set(g.flatMap((id) => index.subtree(id)))])
    excludeSubtree = [...new Set(classFilter.exclude.flatMap((id) => index.subtree(id)))]
  }
  const memberOf = (eb: Parameters<typeof repo.clientFilterConditions>[0], nodes: number[]) =>
    eb.exists(
      eb
        .selectFrom('client_classifications as cc')
        .select('cc.client_id')
        .whereRef('cc.client_id', '=', 'c.id')
        .where('cc.node_id', 'in', nodes),
    )
  const extra = (eb: Parameters<typeof repo.clientFilterConditions>[0]): Expression<SqlBool>[] => [
    ...customFilters.map(
      ({ def, filter }) => customFieldCondition(eb, dialect, 'c.custom', def, filter) as Expression<SqlBool>,
    ),
    ...includeSubtrees.map((nodes) => memberOf(eb, nodes)),
    ...(excludeSubtree.length ? [eb.not(memberOf(eb, excludeSubtree))] : []),
  ]
  /** Extra conditions without the classifier part (the index answers that). */
  const sqlOnly = (eb: Parameters<typeof repo.clientFilterConditions>[0]): Expression<SqlBool>[] =>
    customFilters.map(
      ({ def, filter }) => customFieldCondition(eb, dialect, 'c.custom', def, filter) as Expression<SqlBool>,
    )
  return { sort, classSort, extra, sqlOnly, classFilter, index }
}

/** Filters the classification index cannot answer by itself (it keeps kind, owner, team and trash). */
function needsSql(f: ClientFilter): boolean {
  return Boolean(
    f.q ||
      f.industry ||
      f.source ||
      f.size ||
      f.completenessBelow !== undefined ||
      f.activity !== undefined ||
      f.createdFrom ||
      f.createdTo ||
      f.custom,
  )
}

/** The index's query for a list filter and an actor (visibility mirrors `visibleTo`). */
export async function indexQuery(
  db: Db,
  actor: Actor,
  f: ClientFilter,
  parts: {
    classFilter: ClassFilter
    sqlOnly: (eb: Parameters<typeof repo.clientFilterConditions>[0]) => Expression<SqlBool>[]
  },
): Promise<IndexQuery> {
  let restrict: IndexQuery['restrict']
  if (needsSql(f)) {
    const rows = await db
      .selectFrom('clients as c')
      .select('c.id')
      .where((eb) =>
        repo.clientFilterConditions(
          eb,
          actor,
          { ...f, classIn: undefined, classNotIn: undefined },
          parts.sqlOnly(eb),
        ),
      )
      .execute()
    restrict = bitsOf(rows.map((r) => r.id))
  }
  const owners = f.ownerId?.split(',')
  return {
    include: parts.classFilter.include,
    exclude: parts.classFilter.exclude,
    visibility:
      actor.kind === 'system' || actor.visibility === 'all'
        ? { kind: 'all' }
        : actor.visibility === 'team' && actor.teamId !== null
          ? { kind: 'team', userId: actor.userId ?? -1, teamId: actor.teamId }
          : { kind: 'own', userId: actor.userId ?? -1 },
    trash: f.trash === true,
    kind: f.kind,
    owners: owners
      ? { ids: owners.filter((o) => o !== 'none').map(Number), none: owners.includes('none') }
      : undefined,
    teams: f.teamId ? f.teamId.split(',').map(Number) : undefined,
    restrict,
  }
}

function bitsOf(ids: number[]): Uint32Array {
  let max = 0
  for (const id of ids) if (id > max) max = id
  const bits = new Uint32Array((max >>> 5) + 1)
  for (const id of ids) bits[id >>> 5]! |= 1 << (id & 31)
  return bits
}

/** Up to this many ids go to SQL as a list; a larger set is read in sort order and filtered in memory. */
const ID_LIST_LIMIT = 20_000
const SCAN_CHUNK = 2_000
/** Pages of classifier-filtered lists go this deep (deeper: narrow the filter). */
export const INDEX_MAX_OFFSET = 10_000

/**
 * The ids of one page of clients matching `result`, in list order: classifier sort keys planned by the
 * index, the remaining keys (name…) by SQL within each group of equal classifier ranks.
 */
async function pageIds(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  index: ClassificationIndex,
  result: Uint32Array,
  total: number,
  classSort: SortKey[],
  sort: repo.ClientSort[],
  offset: number,
  limit: number,
): Promise<number[]> {
  const need = offset + limit
  if (total === 0 || offset >= total) return []
  const ordered: number[] = []
  const orderWithin = async (ids: number[] | null, take: number, contains: (id: number) => boolean) => {
    if (ids !== null) {
      ordered.push(...(await repo.orderedClientIds(db, dialect, ids, sort, take)))
      return
    }
    // A big group: walk the whole table in sort order and keep members (at least 1 in 50 rows are).
    let found = 0
    for (let at = 0; found < take; at += SCAN_CHUNK) {
      const chunk = await repo.orderedClientIds(db, dialect, null, sort, SCAN_CHUNK, at)
      for (const id of chunk) {
        if (contains(id)) {
          ordered.push(id)
          if (++found === take) break
        }
      }
      if (chunk.length < SCAN_CHUNK) break
    }
  }
  if (classSort.length) {
    const plan = index.planPage(result, classSort, need, ID_LIST_LIMIT)
    for (const group of plan.groups) await orderWithin(group, group.length, () => true)
    if (plan.boundary) await orderWithin(plan.boundary.ids, plan.boundary.take, plan.boundary.contains)
  } else if (total <= ID_LIST_LIMIT) {
    await orderWithin(idsOf(result), need, () => true)
  } else {
    await orderWithin(null, need, (id) => has(result, id))
  }
  return ordered.slice(offset, need)
}

export async function listClientsFor(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  actor: Actor,
  q: ClientListQuery,
): Promise<{ items: ClientListItem[]; total: number; page: number; pageSize: number }> {
  // The trash is for those who may delete (and restore).
  if (q.trash && !actor.permissions.has('clients.delete') && actor.kind === 'user') throw AppError.forbidden()
  const parts = await clientQueryParts(db, dialect, q, q.sort)
  let page: { items: ClientListItem[]; total: number }
  if (parts.index) {
    // Classifier filters or sorting: the index answers the set, its count and the page's order.
    const offset = (q.page - 1) * q.pageSize
    if (offset > INDEX_MAX_OFFSET)
      throw AppError.field('page', 'list.page_too_deep', { max: INDEX_MAX_OFFSET })
    const result = parts.index.select(await indexQuery(db, actor, q, parts))
    const total = countOf(result)
    const ids = await pageIds(
      db,
      dialect,
      parts.index,
      result,
      total,
      parts.classSort,
      parts.sort,
      offset,
      q.pageSize,
    )
    page = { total, items: await repo.listItemsByIds(db, ids) }
  } else {
    page = await repo.listClients(
      db,
      actor,
      q,
      parts.sort,
      { page: q.page, pageSize: q.pageSize },
      parts.extra,
    )
  }
  const defs = await findCustomFields(db, 'client')
  const nodes = await repo.nodesOfClients(
    db,
    page.items.map((c) => c.id),
  )
  return {
    items: page.items.map((c) => ({
      ...c,
      custom: visibleCustomValues(defs, c.kind, c.custom),
      nodes: nodes.get(c.id) ?? [],
    })),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
  }
}

/** Facet counts of every classifier node under a list filter (see `ClassificationIndex.facets`). */
export async function clientFacets(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  actor: Actor,
  f: ClientFilter,
): Promise<{ total: number; nodes: FacetCount[] }> {
  if (f.trash && !actor.permissions.has('clients.delete') && actor.kind === 'user') throw AppError.forbidden()
  const parts = await clientQueryParts(db, dialect, f, '')
  const index = parts.index ?? (await classificationStore(db, dialect).fresh())
  return index.facets(await indexQuery(db, actor, f, parts))
}
