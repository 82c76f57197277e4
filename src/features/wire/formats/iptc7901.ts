/**
 * IPTC 7901 and ANPA 1312 plain-text transmissions. A message is framed by
 * control characters — SOH (start of header), STX (start of text), ETX (end of
 * text), EOT (end of transmission) — and a file may hold several. The header
 * carries the service id and serial number, a priority, a category, the
 * keyword slug and a word count. Agencies vary a lot; the reader is tolerant
 * and takes only what it recognises.
 */
import type { ParsedWireItem } from '../wire.item.js';
import { capText, emptyItem, ITEM_CAPS } from './common.js';
import { WireRefusal } from './refusal.js';

const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';
const EOT = '\u0004';
const MAX_MESSAGES = 2000;

/** ANPA priority letters → urgency (1 most urgent). */
const PRIORITY_LETTERS: Record<string, number> = { f: 1, b: 2, u: 3, r: 5, d: 7, w: 8, s: 6, a: 4 };
/** ANPA category codes → a subject name. */
const CATEGORIES: Record<string, string> = {
  a: 'Domestic news', i: 'International news', f: 'Financial news', s: 'Sports', e: 'Entertainment',
  w: 'Washington', p: 'Politics', l: 'Lifestyle', n: 'Regional news', q: 'Sports results', v: 'Advisories',
};

export function looksLike7901(text: string): boolean {
  const head = text.slice(0, 512);
  return head.includes(SOH) || head.includes(STX) || /^\s*ZCZC/.test(head);
}

export function parseIptc7901(text: string): ParsedWireItem[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const messages = normalised.includes(SOH) ? normalised.split(SOH).slice(1) : [normalised];
  if (messages.length > MAX_MESSAGES) throw new WireRefusal('WIRE_TOO_LARGE', `More than ${MAX_MESSAGES} messages in one file`);
  const items: ParsedWireItem[] = [];
  for (const message of messages) {
    const item = parseMessage(message.split(EOT)[0] ?? '');
    if (item !== null) items.push(item);
  }
  if (items.length === 0) throw new WireRefusal('WIRE_INVALID_ITEM', 'The transmission carries no text');
  return items;
}

interface Header {
  agency: string | null; serial: number | null; urgency: number | null; category: string | null;
  slug: string | null; date: string | null; lead: number | null; kill: boolean; correction: boolean;
}

function parseHeader(raw: string): Header {
  const header: Header = { agency: null, serial: null, urgency: null, category: null, slug: null, date: null, lead: null, kill: false, correction: false };
  const tokens = raw.replace(/^\s*ZCZC\s*/, '').split(/\s+/).filter((t) => t !== '').slice(0, 40);
  for (const [i, token] of tokens.entries()) {
    const service = /^([A-Za-z]{1,8})(\d{2,6})$/.exec(token);
    if (i === 0 && service !== null) {
      header.agency = (service[1] ?? '').length >= 2 ? (service[1] ?? '').toUpperCase() : null;
      header.serial = Number(service[2]);
    } else if (/^\d{2}-\d{2}$/.test(token)) {
      header.date = token;
    } else if (/^\d{3,5}$/.test(token)) {
      // word count: informative only
    } else if (/^\d$/.test(token) && header.urgency === null) {
      header.urgency = Number(token) === 0 ? 1 : Number(token);
    } else if (/^[a-z]$/.test(token)) {
      if (header.urgency === null && PRIORITY_LETTERS[token] !== undefined) header.urgency = PRIORITY_LETTERS[token] ?? null;
      else header.category ??= token;
    } else if (/^[a-z]{3}$/.test(token) && header.category === null) {
      header.category = token;
    } else if (/^(?:KILL|KILLED|ELIMINATE|ELIMINATION|WITHDRAWN?)$/i.test(token)) {
      header.kill = true;
    } else if (/^(?:CORRECTION|CORRECTS?|CORRECTED|CORRECTIVE)$/i.test(token) || /^Corr?-/i.test(token)) {
      header.correction = true;
    } else {
      const lead = /^(\d{1,2})(?:st|nd|rd|th)(?:Ld|Add)/i.exec(token);
      if (lead !== null) header.lead = Number(lead[1]);
      else if (/writethru/i.test(token)) header.lead ??= 1;
      else if (/^[A-Za-z][\w-]{2,60}$/.test(token) && /[A-Za-z]{2}/.test(token) && header.slug === null) header.slug = token.replace(/^BC-/i, '');
    }
  }
  return header;
}

/** Blank lines separate paragraphs; without them, an indented line starts one; wrapped lines are joined. */
function paragraphs(text: string): string[] {
  const lines = text.split('\n');
  const hasBlank = lines.some((l, i) => l.trim() === '' && i > 0 && i < lines.length - 1);
  const out: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) out.push(current.join(' ').replace(/\s+/g, ' ').trim());
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else {
      if (!hasBlank && /^[\t ]/.test(line)) flush();
      current.push(line.trim());
    }
  }
  flush();
  return out.filter((p) => p !== '');
}

const KILL_LINE = /^\W{0,3}(?:KILL|ELIMINATE|ELIMINATION|WITHDRAWN|MANDATORY KILL)\b/;
const CORRECTION_LINE = /^\W{0,3}(?:CORRECTION|CORRECTS|CORRECTED|CORRECTIVE)\b/;

function parseMessage(message: string): ParsedWireItem | null {
  const stx = message.indexOf(STX);
  let headerText: string;
  let bodyText: string;
  if (stx >= 0) {
    headerText = message.slice(0, stx);
    bodyText = message.slice(stx + 1);
  } else if (!/^\s*ZCZC/.test(message) && !message.includes(ETX)) {
    // Unframed plain text (a .txt drop): no header, all copy.
    headerText = '';
    bodyText = message;
  } else {
    const firstBreak = message.search(/\n/);
    headerText = firstBreak < 0 ? message : message.slice(0, firstBreak);
    bodyText = firstBreak < 0 ? '' : message.slice(firstBreak + 1);
  }
  bodyText = (bodyText.split(ETX)[0] ?? '').trimEnd();
  if (bodyText.endsWith('NNNN')) bodyText = bodyText.slice(0, -4); // the teleprinter end-of-message mark
  // eslint-disable-next-line no-control-regex -- framing and padding characters are not text
  bodyText = bodyText.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  const headerLines = headerText.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const header = parseHeader(headerLines.join(' '));
  let paras = paragraphs(bodyText);
  // A body's first line may repeat the keyword ("Mideast-Rdp, 1st Ld-Writethru,0834"); it is not the headline.
  if (header.slug !== null && paras[0] !== undefined && paras[0].toLowerCase().startsWith(header.slug.toLowerCase())) paras = paras.slice(1);
  if (paras.length === 0 && header.slug === null) return null;
  const kill = header.kill || paras.slice(0, 2).some((p) => KILL_LINE.test(p));
  const correction = header.correction || paras.slice(0, 2).some((p) => CORRECTION_LINE.test(p));
  const agency = header.agency ?? 'wire';
  const key = header.slug ?? (header.serial !== null ? String(header.serial) : null);
  const guid = `urn:iptc7901:${agency.toLowerCase()}:${header.date ?? 'undated'}:${(key ?? capText(paras.join(' '), 80)).toLowerCase()}`;
  const item = emptyItem('iptc7901', capText(guid, 500));
  // Later transmissions about a story carry higher serial numbers; kills and corrections must count as newer.
  item.version = header.serial ?? (header.lead !== null ? header.lead + 1 : 1);
  if ((kill || correction) && header.serial === null) item.version = Math.max(item.version, 2);
  item.pubStatus = kill ? 'canceled' : 'usable';
  item.isCorrection = correction;
  item.urgency = header.urgency !== null && header.urgency >= 1 && header.urgency <= 9 ? header.urgency : null;
  const flagLines = paras.filter((p, i) => i < 2 && (KILL_LINE.test(p) || CORRECTION_LINE.test(p)));
  const text = paras.filter((p) => !flagLines.includes(p));
  // The headline is the first short line when the copy has one above its first paragraph.
  if (text[0] !== undefined && text[0].length <= 200 && text.length > 1 && !/[.!?]["”’]?$/.test(text[0])) {
    item.headline = text.shift() ?? '';
  } else {
    item.headline = header.slug?.replace(/-/g, ' ') ?? '';
  }
  item.standfirst = flagLines.join(' ').slice(0, 1000);
  item.bodyText = text.length === 0 ? null : capText(text.join('\n\n'), 2_000_000);
  if (header.slug !== null) item.keywords.push(header.slug);
  const category = header.category === null ? undefined : CATEGORIES[header.category];
  if (category !== undefined) item.subjects.push({ code: `anpa:${header.category ?? ''}`, name: category });
  else if (header.category !== null && item.keywords.length < ITEM_CAPS.keywords) item.keywords.push(header.category);
  return item;
}
