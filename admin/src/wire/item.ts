/**
 * One wire item on its own screen, kept pure: the version diff in the shape
 * the shared diff display takes, field names as the desk says them, and
 * what "Use" answers when the item was used already.
 */
import { ApiError } from '../api.js';
import type { DiffPart } from '../ui/DiffView.js';
import type { WireDiffChange, WireVersion } from './types.js';

/** jsdiff's changes ({ value, added, removed }) → the diff display's parts. */
export function diffParts(changes: readonly WireDiffChange[]): DiffPart[] {
  return changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  datelinePlace: 'Dateline place',
  datelineDate: 'Dateline date',
  byline: 'Byline',
  credit: 'Credit',
  priority: 'Priority',
  subjects: 'Subjects',
  keywords: 'Keywords',
  language: 'Language',
  embargoUntil: 'Embargo',
  pubStatus: 'Status',
  isCorrection: 'Correction',
  versionCreated: 'Version time',
};

export function wireFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

/** "Version 2 · correction · killed" — a version's row label. */
export function versionNote(v: WireVersion): string {
  const parts: string[] = [];
  if (v.isCorrection) parts.push('correction');
  if (v.pubStatus === 'canceled') parts.push('killed');
  else if (v.pubStatus === 'withheld') parts.push('withheld');
  return parts.join(', ');
}

/** The two picked versions, oldest first, or null until two are picked. */
export function comparePair(picked: readonly number[]): { from: number; to: number } | null {
  const [a, b] = picked;
  if (a === undefined || b === undefined || a === b) return null;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/** Ticking a third version replaces the older pick (two at most). */
export function togglePick(picked: readonly number[], version: number): number[] {
  return picked.includes(version) ? picked.filter((v) => v !== version) : [...picked, version].slice(-2);
}

/** When Use answers 409 WIRE_ALREADY_USED: the story made from the item already (the answer carries its id beside `error`). */
export function alreadyUsedArticle(err: unknown): number | null {
  if (!(err instanceof ApiError) || err.code !== 'WIRE_ALREADY_USED') return null;
  const body = err.body as { articleId?: unknown; error?: { articleId?: unknown } } | undefined;
  const id = body?.articleId ?? body?.error?.articleId;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null;
}
