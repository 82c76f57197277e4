export { createArticleService } from './article.service.js';
export type { ArticleService, ArticleInput, ArticlePatch, ArticlePage, ArticleIndexer } from './article.service.js';
export { ARTICLE_KINDS, ARTICLE_STATUSES, articlePath, isLive } from './article.js';
export type { Article, ArticleKind, ArticleStatus, Correction } from './article.js';
export type { ArticleView, ImageSummary, AuthorSummary, TagSummary, SectionSummary } from './article.hydrate.js';
export { registerArticlePublicRoutes, registerArticleAdminRoutes, articleFullResponse, articleSummaryResponse } from './article.api.js';
export * from './body/index.js';
