/** Global search: the route, the registry other modules add their record types to, and the index rebuild. */

export { parseSearchQuery, type SearchQuery } from './search.query.ts'
export { registerSearchProvider, type ScoredItem, type SearchProvider } from './search.registry.ts'
export { rebuildSearchIndex } from './search.repository.ts'
export { searchRoutes } from './search.routes.ts'
export { type SearchItem, type SearchResult, searchItemSchema, searchResultSchema } from './search.schemas.ts'
