/**
 * The story body: a closed JSON document format (docs/story-body.md), its
 * validator, renderer, HTML importer and URL allowlists. Other code imports
 * from here only.
 */
export type { Block, BodyDocument, EmbedProvider, Inline, Mark } from './body.types.js';
export { BODY_VERSION } from './body.types.js';
export { BODY_LIMITS } from './body.limits.js';
export type { BodyError, ParseBodyResult } from './body.validate.js';
export { bodyFromParagraphs, bodyToPlainText, countWords, emptyBody, parseBody } from './body.validate.js';
export type { ImageBlock, RenderOptions, ResolvedImage, ResolvedMedia } from './body.render.js';
export { renderBody } from './body.render.js';
export type { HtmlToBodyOptions } from './body.from-html.js';
export { htmlToBody, MAX_HTML_INPUT } from './body.from-html.js';
export type { ParsedEmbed } from './body.urls.js';
export { embedProviderLabel, parseEmbedUrl, safeImageSrc, safeLinkHref } from './body.urls.js';
