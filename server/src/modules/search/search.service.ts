import type { Db, DialectKind } from '../../platform/db/database.ts'
import { type Actor, hasPermission } from '../../platform/permissions/actor.ts'
import { clientsProvider, contactsProvider } from './search.providers.ts'
import { parseSearchQuery } from './search.query.ts'
import { registerSearchProvider, searchProviders } from './search.registry.ts'
import type { SearchResult } from './search.schemas.ts'

registerSearchProvider(clientsProvider)
registerSearchProvider(contactsProvider)

/** Every group the actor may see, each with its best `limit` records; nothing for an entry under 2 characters. */
export async function globalSearch(
  db: Db,
  dialect: DialectKind,
  actor: Actor,
  q: string,
  limit: number,
): Promise<SearchResult> {
  const query = parseSearchQuery(q)
  const groups: SearchResult['groups'] = {}
  const providers = searchProviders().filter((p) => hasPermission(actor, p.permission))
  const empty =
    query.folded.length < 2 || (!query.words.length && !query.phone && !query.requisite && !query.email)
  const found = await Promise.all(
    providers.map((p) => (empty ? Promise.resolve([]) : p.search(db, dialect, actor, query, limit))),
  )
  providers.forEach((p, i) => {
    groups[p.group] = found[i]!.map(({ score: _score, ...item }) => item)
  })
  return { query: q, groups }
}
