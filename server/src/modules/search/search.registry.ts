import type { Db, DialectKind } from '../../platform/db/database.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import type { Permission } from '../../platform/permissions/catalogue.ts'
import type { SearchQuery } from './search.query.ts'
import type { SearchItem } from './search.schemas.ts'

/** A found record with how well it matched (higher first); the score never leaves the server. */
export type ScoredItem = SearchItem & { score: number }

/**
 * One kind of record the global search finds. Modules register theirs (dealers, campaigns, inquiries…)
 * with `registerSearchProvider`; each answers with the visible records that match, scored, at most `limit`.
 */
export interface SearchProvider {
  /** The group in the answer, e.g. `clients`. Groups are shown in the order their providers were registered. */
  group: string
  /** Who may get this group at all; visibility of single records is the provider's own business. */
  permission: Permission
  search(db: Db, dialect: DialectKind, actor: Actor, query: SearchQuery, limit: number): Promise<ScoredItem[]>
}

const providers: SearchProvider[] = []

export function registerSearchProvider(provider: SearchProvider): void {
  const at = providers.findIndex((p) => p.group === provider.group)
  if (at >= 0) providers[at] = provider
  else providers.push(provider)
}

export function searchProviders(): readonly SearchProvider[] {
  return providers
}
