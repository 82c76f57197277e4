/**
 * IPTC NewsML-G2 (any 2.x): a newsItem, a newsMessage (its itemSet), a
 * packageItem (its members, when they travel in the same message), or a bare
 * contentMeta fragment. Bodies come from contentSet: XHTML or NITF inlineXML
 * (re-serialised for htmlToBody), or text inlineData. Picture items give their
 * best remoteContent rendition. Namespaces are not checked; elements are
 * matched by local name, as real feeds mix prefixes freely.
 */
import type { ParsedWireItem, WirePictureRef } from '../wire.item.js';
import { liftDateline } from '../wire.dateline.js';
import { capText, contentGuid, dedupePictures, emptyItem, intIn, isoUtc, ITEM_CAPS, pictureHref, pubStatusOf, versionOf } from './common.js';
import { WireRefusal } from './refusal.js';
import type { XmlElement } from './xml.js';
import { attr, child, cleanText, collapse, elements, find, findAll, innerHtml, path, textOf } from './xml.js';

export const NEWSML_ROOTS = new Set(['newsItem', 'newsMessage', 'packageItem', 'contentMeta', 'conceptItem', 'knowledgeItem', 'planningItem']);

export function parseNewsMl(root: XmlElement, rawText: string): ParsedWireItem[] {
  switch (root.local) {
    case 'newsItem':
      return [newsItem(root, null)];
    case 'contentMeta': {
      // A fragment (as in the IPTC guide): no guid, so one is made from the content.
      const item = emptyItem('newsml-g2', contentGuid('g2', rawText));
      applyContentMeta(item, root, undefined);
      return [item];
    }
    case 'newsMessage':
      return newsMessage(root);
    default:
      // A lone package only references items we do not have; concept/knowledge/planning items are no copy.
      return [];
  }
}

function newsMessage(root: XmlElement): ParsedWireItem[] {
  const itemSet = child(root, 'itemSet');
  const newsItems = elements(itemSet, 'newsItem');
  const byGuid = new Map<string, { el: XmlElement; item: ParsedWireItem; isPicture: boolean }>();
  const order: string[] = [];
  for (const el of newsItems) {
    const item = newsItem(el, null);
    if (byGuid.has(item.guid)) continue;
    byGuid.set(item.guid, { el, item, isPicture: itemClass(el) === 'picture' });
    order.push(item.guid);
  }
  // Package groups: a picture grouped with text items illustrates them instead of standing alone.
  const attached = new Set<string>();
  for (const pkg of elements(itemSet, 'packageItem')) {
    const groups = elements(child(pkg, 'groupSet'), 'group');
    const sets = groups.length > 0 ? groups : [pkg];
    for (const group of sets) {
      const members = elements(group, 'itemRef').map((ref) => byGuid.get(attr(ref, 'residref') ?? ''));
      const texts = members.filter((m) => m !== undefined && !m.isPicture);
      const pictures = members.filter((m) => m !== undefined && m.isPicture);
      if (texts.length === 0) continue;
      for (const pic of pictures) {
        if (pic === undefined) continue;
        for (const text of texts) text?.item.pictures.push(...pic.item.pictures);
        attached.add(pic.item.guid);
      }
    }
  }
  const out: ParsedWireItem[] = [];
  for (const guid of order) {
    const entry = byGuid.get(guid);
    if (entry === undefined || attached.has(guid)) continue;
    entry.item.pictures = dedupePictures(entry.item.pictures).slice(0, ITEM_CAPS.pictures);
    out.push(entry.item);
  }
  return out;
}

function itemClass(el: XmlElement): string {
  const qcode = attr(path(el, 'itemMeta', 'itemClass'), 'qcode') ?? '';
  return qcode.split(/[:/]/).pop()?.toLowerCase() ?? '';
}

function newsItem(el: XmlElement, fallbackGuid: string | null): ParsedWireItem {
  const guid = collapse(attr(el, 'guid') ?? '') || fallbackGuid;
  if (guid === null || guid === '') throw new WireRefusal('WIRE_INVALID_ITEM', 'A NewsML-G2 newsItem has no guid');
  const item = emptyItem('newsml-g2', capText(guid, 500));
  item.version = versionOf(attr(el, 'version'));
  const lang = attr(el, 'lang');
  if (lang !== undefined && lang.trim() !== '') item.language = collapse(lang).slice(0, 35);
  const meta = child(el, 'itemMeta');
  item.pubStatus = pubStatusOf(attr(child(meta, 'pubStatus'), 'qcode'));
  item.isCorrection = elements(meta, 'signal').some((s) => /correction$/i.test(attr(s, 'qcode') ?? ''));
  item.embargoUntil = isoUtc(cleanText(child(meta, 'embargoed')));
  item.versionCreated = isoUtc(cleanText(child(meta, 'versionCreated')));
  item.firstCreated = isoUtc(cleanText(child(meta, 'firstCreated')));
  applyContentMeta(item, child(el, 'contentMeta'), meta);
  applyContentSet(item, el);
  if (item.headline === '') item.headline = capText(cleanText(child(meta, 'title')), 1000);
  if (item.headline === '') item.headline = capText(collapse(directText(el)), 1000);
  return item;
}

/** Text directly inside an element, outside its child elements (the "....." of the IPTC sample message). */
function directText(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join(' ').replace(/^[\s.…]+$/, '');
}

/** The name in the item's language, else the first. */
function nameOf(el: XmlElement, language: string | null): string {
  const names = elements(el, 'name');
  const preferred = language === null ? undefined : names.find((n) => (attr(n, 'lang') ?? '').toLowerCase() === language.toLowerCase());
  return cleanText(preferred ?? names[0]);
}

function applyContentMeta(item: ParsedWireItem, cm: XmlElement | undefined, meta: XmlElement | undefined): void {
  if (cm === undefined) return;
  const language = attr(child(cm, 'language'), 'tag');
  if (language !== undefined && language.trim() !== '') item.language = collapse(language).slice(0, 35);
  const headlines = elements(cm, 'headline');
  const main = headlines.find((h) => !/sub|short/i.test(attr(h, 'role') ?? '')) ?? headlines[0];
  item.headline = capText(cleanText(main), 1000);
  const descriptions = elements(cm, 'description');
  const summary = descriptions.find((d) => /summary|abstract/i.test(attr(d, 'role') ?? '')) ?? descriptions.find((d) => attr(d, 'role') === undefined);
  const caption = descriptions.find((d) => /caption/i.test(attr(d, 'role') ?? ''));
  const sub = headlines.find((h) => h !== main && /sub/i.test(attr(h, 'role') ?? ''));
  item.standfirst = capText(cleanText(summary ?? sub ?? caption), 5000);
  const urgency = intIn(cleanText(child(cm, 'urgency')), 1, 9);
  if (urgency !== null) item.urgency = urgency;
  item.creditLine = cleanText(child(cm, 'creditline')) || null;
  item.byline = cleanText(child(cm, 'by')) || null;
  const located = child(cm, 'located');
  if (located !== undefined) {
    item.datelinePlace = nameOf(located, item.language) || placeFromQcode(attr(located, 'qcode')) || null;
  }
  const dateline = cleanText(child(cm, 'dateline'));
  if (dateline !== '') {
    const lifted = liftDateline(`${dateline} –`);
    item.datelinePlace ??= lifted.place ?? (dateline.length <= 60 ? dateline.replace(/[\s,:–—-]+$/, '') : null);
    item.datelineDate = lifted.date;
    item.creditLine ??= lifted.agency;
  }
  if (item.byline === null) {
    const creator = elements(cm, 'creator').map((c) => nameOf(c, item.language)).find((n) => n !== '');
    if (creator !== undefined) item.byline = creator;
  }
  for (const subject of elements(cm, 'subject')) {
    if (item.subjects.length >= ITEM_CAPS.subjects) break;
    const name = nameOf(subject, item.language);
    if (name !== '') item.subjects.push({ code: attr(subject, 'qcode') ?? null, name: name.slice(0, 200) });
  }
  const slug = cleanText(child(cm, 'slugline'));
  if (slug !== '') item.keywords.push(slug.slice(0, 200));
  for (const keyword of elements(cm, 'keyword')) {
    if (item.keywords.length >= ITEM_CAPS.keywords) break;
    const text = cleanText(keyword);
    if (text !== '' && !item.keywords.includes(text)) item.keywords.push(text.slice(0, 200));
  }
  if (caption !== undefined && meta !== undefined) item.standfirst ||= capText(cleanText(caption), 5000);
}

/** "city:Moscow" → "Moscow" (only when the code reads like a name). */
function placeFromQcode(qcode: string | undefined): string | null {
  const code = qcode?.split(':').pop()?.trim() ?? '';
  return /^\p{Lu}[\p{L} .'-]{1,60}$/u.test(code) ? code : null;
}

function applyContentSet(item: ParsedWireItem, el: XmlElement): void {
  const set = child(el, 'contentSet');
  if (set === undefined) return;
  const inline = elements(set, 'inlineXML');
  const xhtml = inline.find((i) => /xhtml|html/i.test(attr(i, 'contenttype') ?? ''));
  const nitf = inline.find((i) => /nitf/i.test(attr(i, 'contenttype') ?? '') || find(i, 'nitf') !== undefined);
  if (xhtml !== undefined) {
    const body = find(xhtml, 'body') ?? xhtml;
    item.bodyHtml = innerHtml(body);
  } else if (nitf !== undefined) {
    applyNitf(item, nitf);
  } else if (inline[0] !== undefined) {
    item.bodyHtml = innerHtml(find(inline[0], 'body') ?? inline[0]);
  } else {
    const data = elements(set, 'inlineData')[0];
    if (data !== undefined) item.bodyText = textOf(data).replace(/\r\n?/g, '\n');
  }
  // An inlineXML holding only whitespace and comments (as in the IPTC's LISTING 1) is no body.
  if (item.bodyHtml !== null && !/\S/.test(textOf(set)) && !item.bodyHtml.includes('<img')) item.bodyHtml = null;
  const picture = bestRendition(elements(set, 'remoteContent'));
  if (picture !== null) {
    picture.caption = item.standfirst || item.headline || undefined;
    if (item.creditLine !== null) picture.credit = item.creditLine;
    item.pictures.push(picture);
  }
}

function applyNitf(item: ParsedWireItem, inline: XmlElement): void {
  const head = find(inline, 'body.head');
  if (item.headline === '') item.headline = capText(cleanText(find(head, 'hl1')), 1000);
  if (item.standfirst === '') item.standfirst = capText(cleanText(find(head, 'abstract')), 5000);
  const byline = find(head, 'byline');
  if (item.byline === null && byline !== undefined) item.byline = cleanText(byline).replace(/^by\s+/i, '') || null;
  const content = find(inline, 'body.content');
  if (content === undefined) return;
  // NITF pictures (<media media-type="image">) become picture refs, not body text.
  const isImage = (el: XmlElement): boolean => el.local === 'media' && /image|photo/i.test(attr(el, 'media-type') ?? '');
  item.bodyHtml = innerHtml(content, isImage);
  for (const media of findAll(content, 'media').filter(isImage)) {
    const refs = elements(media, 'media-reference').map((r) => ({ r, href: pictureHref(attr(r, 'source')) })).filter((x) => x.href !== null);
    const chosen = [...refs].sort((a, b) => (intIn(attr(b.r, 'width'), 1, 100_000) ?? 0) - (intIn(attr(a.r, 'width'), 1, 100_000) ?? 0))[0];
    if (chosen === undefined || chosen.href === null || item.pictures.length >= ITEM_CAPS.pictures) continue;
    const ref: WirePictureRef = { href: chosen.href };
    const type = attr(chosen.r, 'mime-type');
    if (type !== undefined && /^image\/[\w.+-]{1,40}$/.test(type)) ref.mimeType = type;
    const width = intIn(attr(chosen.r, 'width'), 1, 100_000);
    const height = intIn(attr(chosen.r, 'height'), 1, 100_000);
    if (width !== null) ref.width = width;
    if (height !== null) ref.height = height;
    const caption = cleanText(child(media, 'media-caption'));
    if (caption !== '') ref.caption = caption.slice(0, 2000);
    const credit = cleanText(child(media, 'media-producer'));
    if (credit !== '') ref.credit = credit.slice(0, 200);
    const alt = attr(chosen.r, 'alternate-text');
    if (alt !== undefined && alt.trim() !== '') ref.altText = collapse(alt).slice(0, 500);
    item.pictures.push(ref);
  }
  const nitfHead = find(inline, 'head');
  const tags = elements(find(nitfHead, 'docdata'), 'key-list').flatMap((k) => elements(k, 'keyword'));
  for (const k of tags) {
    const key = attr(k, 'key');
    if (key !== undefined && key.trim() !== '' && item.keywords.length < ITEM_CAPS.keywords) item.keywords.push(collapse(key));
  }
}

/** The rendition to fetch: the declared high-resolution one, else the widest that is not a thumbnail. */
function bestRendition(renditions: XmlElement[]): WirePictureRef | null {
  const usable = renditions
    .map((r) => ({ r, href: pictureHref(attr(r, 'href')), rendition: (attr(r, 'rendition') ?? '').toLowerCase(), width: intIn(attr(r, 'width'), 1, 100_000) }))
    .filter((x) => x.href !== null && !x.rendition.includes('thumb'));
  if (usable.length === 0) return null;
  const chosen = usable.find((x) => /highres|original|hires/.test(x.rendition)) ?? [...usable].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  if (chosen === undefined || chosen.href === null) return null;
  const ref: WirePictureRef = { href: chosen.href };
  const type = attr(chosen.r, 'contenttype');
  if (type !== undefined && /^image\/[\w.+-]{1,40}$/.test(type)) ref.mimeType = type;
  if (chosen.width !== null) ref.width = chosen.width;
  const height = intIn(attr(chosen.r, 'height'), 1, 100_000);
  if (height !== null) ref.height = height;
  return ref;
}
