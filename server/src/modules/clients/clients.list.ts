import type { Expression, SqlBool } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
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

type SortKey = (typeof CLIENT_SORT_KEYS)[number]

function isSortKey(key: string): key is SortKey {
  return (CLIENT_SORT_KEYS as readonly string[]).includes(key)
}

/**
 * Turns a list request into SQL pieces: sort keys from the allow-list or `custom:<key>` of a defined
 * custom field; custom filters as JSON keyed by defined fields. Anything else is a 400 on that parameter.
 */
export async function clientQueryParts(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  f: ClientFilter,
  sortParam: string,
) {
  const defs = await findCustomFields(db, 'client')
  const sort: repo.ClientSort[] = []
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
  const extra = (eb: Parameters<typeof repo.clientFilterConditions>[0]): Expression<SqlBool>[] =>
    customFilters.map(
      ({ def, filter }) => customFieldCondition(eb, dialect, 'c.custom', def, filter) as Expression<SqlBool>,
    )
  return { sort, extra }
}

export async function listClientsFor(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  actor: Actor,
  q: ClientListQuery,
): Promise<{ items: ClientListItem[]; total: number; page: number; pageSize: number }> {
  // The trash is for those who may delete (and restore).
  if (q.trash && !actor.permissions.has('clients.delete') && actor.kind === 'user') throw AppError.forbidden()
  const { sort, extra } = await clientQueryParts(db, dialect, q, q.sort)
  const { items, total } = await repo.listClients(
    db,
    actor,
    q,
    sort,
    { page: q.page, pageSize: q.pageSize },
    extra,
  )
  const defs = await findCustomFields(db, 'client')
  return {
    items: items.map((c) => ({ ...c, custom: visibleCustomValues(defs, c.kind, c.custom) })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  }
}
