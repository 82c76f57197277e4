/** The editor's (Tiptap/ProseMirror) JSON, as the mapping reads and writes it, and the names of our own nodes. */

export interface TiptapMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface TiptapNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  marks?: TiptapMark[];
  text?: string;
}

/** Names of our own editor nodes (schema.ts); the rest are StarterKit's. */
export const NODE = { quote: 'quote', image: 'figureImage', embed: 'embed', adBreak: 'adBreak' } as const;
