/** Comparing two versions of a wire item: the fields that changed, and the body word by word. Pure. */
import { diffWords } from 'diff';
import { bodyToPlainText, type BodyDocument } from '../articles/index.js';
import type { WireSnapshot } from './wire.js';

export interface WireFieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface WireVersionDiff {
  from: number;
  to: number;
  fields: WireFieldChange[];
  body: { value: string; added?: boolean; removed?: boolean }[];
}

/** The fields the desk compares, in the order shown. */
export const DIFF_FIELDS = [
  'pubStatus',
  'isCorrection',
  'headline',
  'standfirst',
  'datelinePlace',
  'datelineDate',
  'byline',
  'credit',
  'priority',
  'subjects',
  'keywords',
  'language',
  'embargoUntil',
  'versionCreated',
] as const satisfies readonly (keyof WireSnapshot)[];

function bodyText(body: unknown): string {
  const doc = body as BodyDocument | undefined;
  return doc && Array.isArray(doc.content) ? bodyToPlainText(doc) : '';
}

export function diffVersions(from: number, before: Partial<WireSnapshot>, to: number, after: Partial<WireSnapshot>): WireVersionDiff {
  const fields: WireFieldChange[] = [];
  for (const field of DIFF_FIELDS) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) fields.push({ field, before: a, after: b });
  }
  const textBefore = bodyText(before.body);
  const textAfter = bodyText(after.body);
  const body =
    textBefore === textAfter
      ? textAfter === ''
        ? []
        : [{ value: textAfter }]
      : diffWords(textBefore, textAfter).map((c) => ({ value: c.value, ...(c.added && { added: true }), ...(c.removed && { removed: true }) }));
  return { from, to, fields, body };
}
