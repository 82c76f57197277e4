/**
 * The story body document, version 1.
 *
 * A closed set of block and inline node types, stored as JSON. Nothing here
 * is HTML: the renderer (body.render.ts) is the only place that turns it into
 * markup, and it escapes every string. See docs/story-body.md.
 */

export const BODY_VERSION = 1 as const;

/** Inline formatting. A `link` mark carries its target; the renderer drops unsafe targets. */
export type Mark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'link'; href: string };

export type Inline =
  | { type: 'text'; text: string; marks?: Mark[] }
  | { type: 'break' };

export type EmbedProvider = 'youtube' | 'x' | 'instagram' | 'facebook';

export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; level: 2 | 3 | 4; content: Inline[] }
  | { type: 'quote'; content: Inline[]; cite?: string }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  /** An image: either a media-library asset (`mediaId`) or an external https URL (`src`). */
  | {
      type: 'image';
      mediaId?: number;
      src?: string;
      alt: string;
      caption?: string;
      credit?: string;
      width?: number;
      height?: number;
    }
  /** Third-party content from an allowlisted provider, rendered click-to-load. */
  | { type: 'embed'; provider: EmbedProvider; url: string; caption?: string }
  /** Where the reader site may place an in-article advertisement. */
  | { type: 'ad-break' }
  | { type: 'divider' };

export interface BodyDocument {
  type: 'doc';
  version: typeof BODY_VERSION;
  content: Block[];
}
