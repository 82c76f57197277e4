export { createSearchService } from './search.service.js';
export type { SearchService, SearchResults, SearchItem, SearchDeps, WireSearchRequest, WireSearchResults, WireSearchItem } from './search.service.js';
export type { SearchRequest, DeskSearchRequest, SearchPageInfo, Range, Sort } from './search.js';
export { RANGES, SORTS, MAX_RESULTS, PAGE_SIZE } from './search.js';
export { MAX_QUERY_CHARS } from './search.parse.js';
export { registerSearchPublicRoutes, registerSearchAdminRoutes } from './search.api.js';
