/**
 * ParsedWireItem → NormalisedWireItem: plain trimmed text, a story body made
 * by the article body converters, and the agency's own dateline and sign-off
 * lifted out of the copy (so the page does not show them twice). The rules
 * are in docs/wire-formats.md; they prefer leaving a dateline in the text to
 * eating a sentence that only looks like one.
 */
import { bodyFromParagraphs, htmlToBody } from '../articles/index.js';
import type { Block, BodyDocument, Inline } from '../articles/index.js';
import type { NormalisedWireItem, ParsedWireItem } from './wire.item.js';
import { liftDateline, placeCase, stripSignOff, type LiftedDateline } from './wire.dateline.js';


// ---- bodies --------------------------------------------------------------------------

type TextBlock = Extract<Block, { type: 'paragraph' }>;

function inlineText(content: readonly Inline[]): string {
  return content.map((i) => (i.type === 'text' ? i.text : '\n')).join('');
}

/** Drop `count` characters from the start (or end) of a run of inlines, keeping marks. */
function dropChars(content: Inline[], count: number, fromEnd: boolean): Inline[] {
  const out = fromEnd ? [...content].reverse() : [...content];
  let left = count;
  while (left > 0 && out.length > 0) {
    const first = out[0] as Inline;
    const length = first.type === 'text' ? first.text.length : 1;
    if (length <= left) {
      out.shift();
      left -= length;
    } else if (first.type === 'text') {
      out[0] = { ...first, text: fromEnd ? first.text.slice(0, first.text.length - left) : first.text.slice(left) };
      left = 0;
    }
  }
  if (fromEnd) out.reverse();
  // Tidy the new edge: no leading/trailing whitespace or breaks.
  while (out.length > 0) {
    const i = fromEnd ? out.length - 1 : 0;
    const edge = out[i] as Inline;
    if (edge.type === 'break') { out.splice(i, 1); continue; }
    const text = fromEnd ? edge.text.trimEnd() : edge.text.trimStart();
    if (text === '') { out.splice(i, 1); continue; }
    out[i] = { ...edge, text };
    break;
  }
  return out;
}

interface BodyLift { body: BodyDocument; dateline: LiftedDateline | null; signOffAgency: string | null }

/** Lift the dateline off the first paragraph and the sign-off(s) off the last, dropping paragraphs left empty. */
export function liftFromBody(doc: BodyDocument, reference: string | null): BodyLift {
  const content = [...doc.content];
  let dateline: LiftedDateline | null = null;
  const firstIndex = content.slice(0, 3).findIndex((b) => b.type === 'paragraph');
  if (firstIndex >= 0) {
    const block = content[firstIndex] as TextBlock;
    const text = inlineText(block.content);
    const lifted = liftDateline(text, reference);
    if (lifted.place !== null) {
      dateline = lifted;
      const kept = dropChars(block.content, text.length - lifted.rest.length, false);
      if (kept.length === 0) content.splice(firstIndex, 1);
      else content[firstIndex] = { ...block, content: kept };
    }
  }
  let signOffAgency: string | null = null;
  for (let round = 0; round < 3 && content.length > 0; round += 1) {
    const lastIndex = content.length - 1;
    const block = content[lastIndex] as Block;
    if (block.type !== 'paragraph') break;
    const text = inlineText(block.content);
    const stripped = stripSignOff(text);
    if (stripped.rest.length === text.trimEnd().length) break;
    signOffAgency ??= stripped.agency;
    const kept = dropChars(block.content, text.length - stripped.rest.length, true);
    if (kept.length === 0) content.splice(lastIndex, 1);
    else { content[lastIndex] = { ...block, content: kept }; break; }
  }
  return { body: { ...doc, content }, dateline, signOffAgency };
}

// ---- the item ------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex -- wire copy carries transmission control characters; none belong in text
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function line(text: string | null | undefined, max = 1000): string {
  return (text ?? '').replace(CONTROL, '').replace(/\s+/g, ' ').trim().slice(0, max);
}

function lineOrNull(text: string | null | undefined, max = 300): string | null {
  const value = line(text, max);
  return value === '' ? null : value;
}

function bodyOf(item: ParsedWireItem): BodyDocument {
  if (item.bodyHtml !== null && item.bodyHtml.trim() !== '') return htmlToBody(item.bodyHtml.replace(CONTROL, ''));
  const text = (item.bodyText ?? '').replace(/\r\n?/g, '\n').replace(CONTROL, '');
  return bodyFromParagraphs(text.split(/\n[ \t]*\n/));
}

export function normaliseWireItem(item: ParsedWireItem, source: { agency: string; credit: string }): NormalisedWireItem {
  const reference = item.versionCreated ?? item.firstCreated;
  const lifted = liftFromBody(bodyOf(item), reference);
  const agency = lifted.dateline?.agency ?? lifted.signOffAgency;
  const subjects: string[] = [];
  const seen = new Set<string>();
  for (const subject of item.subjects) {
    const name = line(subject.name, 200);
    if (name !== '' && !seen.has(name.toLowerCase())) { seen.add(name.toLowerCase()); subjects.push(name); }
  }
  const keywords = [...new Set(item.keywords.map((k) => line(k, 200)).filter((k) => k !== ''))];
  const urgency = item.urgency !== null && Number.isInteger(item.urgency) ? Math.min(9, Math.max(1, item.urgency)) : 5;
  const place = lineOrNull(item.datelinePlace, 120) ?? lifted.dateline?.place ?? '';
  const credit = lineOrNull(agency, 120) ?? lineOrNull(item.creditLine, 200) ?? (line(source.credit, 200) || line(source.agency, 200));
  return {
    format: item.format, guid: item.guid, version: item.version, pubStatus: item.pubStatus, isCorrection: item.isCorrection,
    headline: line(item.headline, 1000),
    standfirst: line(item.standfirst, 5000),
    body: lifted.body,
    datelinePlace: placeCase(place),
    datelineDate: item.datelineDate ?? lifted.dateline?.date ?? null,
    byline: lineOrNull(item.byline?.replace(/^\s*by\s+/i, '')),
    credit,
    priority: urgency,
    subjects, keywords,
    language: lineOrNull(item.language, 35) ?? 'en',
    embargoUntil: item.embargoUntil, firstCreated: item.firstCreated, versionCreated: item.versionCreated,
    // A picture without its own credit carries the item's.
    pictures: item.pictures.map((p) => ({ ...p, credit: lineOrNull(p.credit, 200) ?? credit })),
  };
}
