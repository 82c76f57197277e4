export { registerFeedRoutes } from './feeds.site.js';
export { createFeedService } from './feeds.service.js';
export type { FeedService, FeedDeps } from './feeds.service.js';
export { parseFeedPath, FEED_FORMATS, FEED_CONTENT_TYPE } from './feed.js';
export type { FeedFormat } from './feed.js';
