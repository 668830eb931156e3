/**
 * The whole list, not a page: every matching client id in list order (for exports), and list rows of
 * given ids. Same filter, visibility and sort as `listClientsFor` (clients.list.ts), without its
 * paging limits.
 */
import type { Db, DialectKind, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { countOf, idsOf } from '../classifiers/index.ts'
import { findCustomFields, visibleCustomValues } from '../custom-fields/index.ts'
import { clientQueryParts, indexQuery } from './clients.list.ts'
import * as repo from './clients.repository.ts'
import type { ClientFilter, ClientListItem } from './clients.schemas.ts'

/** Every client the actor sees under the filter, in the list's order (sort keys, then id). */
export async function orderedClientIdsFor(
  db: Db,
  dialect: DialectKind,
  actor: Actor,
  f: ClientFilter,
  sortParam: string,
): Promise<number[]> {
  if (f.trash && !actor.permissions.has('clients.delete') && actor.kind === 'user') throw AppError.forbidden()
  const parts = await clientQueryParts(db, dialect, f, sortParam)
  if (parts.index) {
    const result = parts.index.select(await indexQuery(db, actor, f, parts))
    const total = countOf(result)
    if (total === 0) return []
    if (!parts.classSort.length) return repo.orderedClientIds(db, dialect, idsOf(result), parts.sort, total)
    // Groups of equal classifier ranks in order; within each, the remaining keys in SQL.
    const plan = parts.index.planPage(result, parts.classSort, total, Number.POSITIVE_INFINITY)
    const out: number[] = []
    const groups = plan.boundary?.ids ? [...plan.groups, plan.boundary.ids] : plan.groups
    for (const group of groups)
      out.push(...(await repo.orderedClientIds(db, dialect, group, parts.sort, group.length)))
    return out
  }
  const rows = await db
    .selectFrom('clients as c')
    .select('c.id')
    .where((eb) => repo.clientFilterConditions(eb, actor, f, parts.extra(eb)))
    .execute()
  const ids = rows.map((r) => r.id)
  return repo.orderedClientIds(db, dialect, ids, parts.sort, Math.max(ids.length, 1))
}

/** List rows of the given clients in the given order: custom values as the list shows them, direct nodes. */
export async function clientRowsByIds(db: Db | Tx, ids: number[]): Promise<ClientListItem[]> {
  const items = await repo.listItemsByIds(db, ids)
  const defs = await findCustomFields(db, 'client')
  const nodes = await repo.nodesOfClients(db, ids)
  return items.map((c) => ({
    ...c,
    custom: visibleCustomValues(defs, c.kind, c.custom),
    nodes: nodes.get(c.id) ?? [],
  }))
}
