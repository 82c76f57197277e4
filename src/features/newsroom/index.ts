export { registerNewsroomRoutes, newsroomBuildDir, NEWSROOM_CSP, ASSET_CACHE_CONTROL } from './newsroom.site.js';
