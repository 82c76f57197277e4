/**
 * Size limits of a story body. The validator enforces them, the HTML
 * converter stays inside them, and docs/story-body.md documents them: keep the
 * three in step. They bound the work of rendering one story, not the
 * newsroom's ambitions — a 2,000-block story is already an e-book.
 */
export const BODY_LIMITS = {
  /** Blocks in `content`. */
  maxBlocks: 2000,
  /** Characters (UTF-16 code units) in one text node, and in any plain string field (alt, caption, credit, cite). */
  maxTextLength: 20_000,
  /** Inline nodes (text runs and breaks) in one paragraph, heading, quote or list item. */
  maxInlines: 5000,
  /** Items in one list. */
  maxListItems: 500,
  /** Characters in a link href, image src or embed url. */
  maxUrlLength: 2048,
  /** Largest accepted image width or height in pixels. */
  maxImageDimension: 100_000,
} as const;
