/**
 * The wire desk's API shapes as the newsroom reads them (the contract of
 * issue 5, sections 2 and 3; the server's allowlists are the authority).
 */

export interface WireItemSummary {
  id: number;
  sourceId: number | null;
  sourceName: string | null;
  agency: string;
  guid: string;
  version: number;
  /** 'usable' | 'withheld' | 'canceled' */
  pubStatus: string;
  isCorrection: boolean;
  headline: string;
  standfirst: string;
  datelinePlace: string;
  datelineDate: string | null;
  byline: string | null;
  credit: string;
  /** 1 = flash … 9; 5 when the agency said nothing. */
  priority: number;
  subjects: string[];
  /** When the first version arrived (the inbox's order). */
  receivedAt: string;
  /** When the latest version arrived. */
  updatedAt: string;
  versionCreated: string | null;
  embargoUntil: string | null;
  /** The story made from the item (Use or an auto-publish rule). */
  articleId: number | null;
  articleStatus: string | null;
  updateAvailable: boolean;
  killed: boolean;
  pictureCount: number;
}

export interface WireVersion {
  version: number;
  receivedAt: string;
  pubStatus: string;
  isCorrection: boolean;
}

export interface WirePicture {
  mediaId: number;
  url: string;
  caption: string;
  credit: string;
}

export interface WireItemDetail extends WireItemSummary {
  /** The server's own rendering of the stored (already cleaned) body: never the agency's HTML. */
  bodyHtml: string;
  keywords: string[];
  language: string;
  pictures: WirePicture[];
  versions: WireVersion[];
}

/** jsdiff's change objects, as GET …/diff sends the body. */
export interface WireDiffChange {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface WireDiff {
  from: number;
  to: number;
  fields: { field: string; before: unknown; after: unknown }[];
  body: WireDiffChange[];
}

export interface WireRefusal {
  id: number;
  sourceId: number | null;
  sourceName: string | null;
  filename: string;
  code: string;
  message: string;
  receivedAt: string;
}

export interface WireAlert {
  message: string;
  wireItemId: number;
  articleId: number | null;
}

export type WireEvent = { type: 'item'; item: WireItemSummary } | { type: 'refusal'; refusal: WireRefusal } | { type: 'alert'; alert: WireAlert };

export interface WireRule {
  subjects: string[];
  maxUrgency: number | null;
  sectionId: number;
  action: 'publish' | 'draft';
}

export type SourceKind = 'folder' | 'poll' | 'push';

export interface WireSourceView {
  id: number;
  name: string;
  agency: string;
  credit: string;
  kind: SourceKind;
  folderPath: string | null;
  feedUrl: string | null;
  pollIntervalSeconds: number;
  enabled: boolean;
  rules: WireRule[];
  autoApplyUpdates: boolean;
  pushUrl: string | null;
  hasSecret: boolean;
  status: { lastRunAt: string | null; nextRunAt: string | null; failures: number; lastError: string | null };
}

/** What POST …/sources/:id/run answers: the files (or the feed) it read. */
export interface WireRunReport {
  sourceId: number;
  outcome: 'done' | 'not-modified' | 'failed' | 'skipped';
  files: { status: 'ingested' | 'unchanged' | 'refused'; filename: string; items: unknown[]; refusal: { code: string; message: string } | null }[];
  error: string | null;
}
