/**
 * The story body document as the newsroom app sees it (docs/story-body.md).
 * A copy of the server's types: the app is built separately and never imports
 * from src/. body-mapping.test.ts checks these stay assignable to the server's.
 */

export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; href: string };

export type Inline = { type: 'text'; text: string; marks?: Mark[] } | { type: 'break' };

export type EmbedProvider = 'youtube' | 'x' | 'instagram' | 'facebook';

export interface ImageBlock {
  type: 'image';
  mediaId?: number;
  src?: string;
  alt: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

export interface EmbedBlock {
  type: 'embed';
  provider: EmbedProvider;
  url: string;
  caption?: string;
}

export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; level: 2 | 3 | 4; content: Inline[] }
  | { type: 'quote'; content: Inline[]; cite?: string }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | ImageBlock
  | EmbedBlock
  | { type: 'ad-break' }
  | { type: 'divider' };

export interface BodyDocument {
  type: 'doc';
  version: 1;
  content: Block[];
}

/** The server's limits (src/features/articles/body/body.limits.ts); the mapping stays inside them. */
export const BODY_LIMITS = {
  maxBlocks: 2000,
  maxTextLength: 20_000,
  maxInlines: 5000,
  maxListItems: 500,
  maxUrlLength: 2048,
  maxImageDimension: 100_000,
} as const;

export function emptyBody(): BodyDocument {
  return { type: 'doc', version: 1, content: [] };
}
