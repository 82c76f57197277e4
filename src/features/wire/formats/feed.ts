/**
 * RSS 2.0 (and RSS 1.0/RDF) and Atom 1.0, for press-release and small-agency
 * feeds. Each item/entry is one wire item. Feeds carry HTML as escaped text
 * (RSS description, content:encoded, Atom type="html") or, in Atom, as inline
 * XHTML; either way it only ever reaches htmlToBody.
 */
import { bodyToPlainText, htmlToBody } from '../../articles/index.js';
import type { ParsedWireItem, WirePictureRef } from '../wire.item.js';
import { capText, contentGuid, dedupePictures, emptyItem, intIn, isoUtc, ITEM_CAPS, pictureHref } from './common.js';
import type { XmlElement } from './xml.js';
import { attr, child, cleanText, elements, innerHtml, textOf } from './xml.js';

const MAX_ENTRIES = 5000;

function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  return bodyToPlainText(htmlToBody(html)).replace(/\s+/g, ' ').trim();
}

export function parseFeed(root: XmlElement, rawText: string): ParsedWireItem[] {
  if (root.local === 'feed') return elements(root, 'entry').slice(0, MAX_ENTRIES).map((e, i) => atomEntry(e, root, rawText, i));
  const channel = child(root, 'channel');
  // RSS 2.0 nests items in the channel; RSS 1.0 (RDF) puts them beside it.
  const items = [...elements(channel, 'item'), ...elements(root, 'item')].slice(0, MAX_ENTRIES);
  const language = cleanText(child(channel, 'language')) || null;
  return items.map((el, i) => rssItem(el, language, rawText, i));
}

function addCategories(item: ParsedWireItem, categories: { code: string | null; name: string }[]): void {
  for (const c of categories) {
    if (item.subjects.length >= ITEM_CAPS.subjects) break;
    if (c.name !== '' && !item.subjects.some((s) => s.name === c.name)) item.subjects.push({ code: c.code, name: c.name.slice(0, 200) });
  }
}

/** Images from enclosures and Media RSS (media:content / media:thumbnail as a last resort). */
function mediaPictures(el: XmlElement): WirePictureRef[] {
  const out: WirePictureRef[] = [];
  const push = (url: string | undefined, type: string | undefined, width?: string, height?: string, caption?: string): void => {
    const href = pictureHref(url);
    if (href === null) return;
    const ref: WirePictureRef = { href };
    if (type !== undefined && /^image\/[\w.+-]{1,40}$/.test(type)) ref.mimeType = type;
    const w = intIn(width, 1, 100_000);
    const h = intIn(height, 1, 100_000);
    if (w !== null) ref.width = w;
    if (h !== null) ref.height = h;
    if (caption !== undefined && caption !== '') ref.caption = caption.slice(0, 2000);
    out.push(ref);
  };
  for (const enclosure of elements(el, 'enclosure')) {
    const type = attr(enclosure, 'type');
    if (type !== undefined && type.startsWith('image/')) push(attr(enclosure, 'url'), type);
  }
  for (const link of elements(el, 'link')) {
    const type = attr(link, 'type');
    if (attr(link, 'rel') === 'enclosure' && type?.startsWith('image/') === true) push(attr(link, 'href'), type);
  }
  const groups = [el, ...elements(el, 'group')];
  for (const group of groups) {
    for (const media of elements(group, 'content')) {
      if (media.name.indexOf(':') < 0) continue; // Atom's own <content> is the body, not Media RSS
      const type = attr(media, 'type');
      const medium = attr(media, 'medium');
      if (medium === 'image' || type?.startsWith('image/') === true) {
        push(attr(media, 'url'), type, attr(media, 'width'), attr(media, 'height'), cleanText(child(media, 'description')) || cleanText(child(group, 'description')));
      }
    }
  }
  if (out.length === 0) {
    const thumb = elements(el, 'thumbnail')[0];
    if (thumb !== undefined) push(attr(thumb, 'url'), undefined, attr(thumb, 'width'), attr(thumb, 'height'));
  }
  return dedupePictures(out).slice(0, ITEM_CAPS.pictures);
}

function rssItem(el: XmlElement, language: string | null, rawText: string, index: number): ParsedWireItem {
  const title = cleanText(child(el, 'title'));
  const link = cleanText(child(el, 'link'));
  const date = cleanText(child(el, 'pubDate')) || cleanText(child(el, 'date'));
  const guid = cleanText(child(el, 'guid')) || link || contentGuid('rss', `${title}\n${date}\n${index}\n${rawText.length}`);
  const item = emptyItem('rss', capText(guid, 500));
  item.headline = capText(htmlToText(title), 1000);
  const description = textOf(child(el, 'description'));
  const encoded = elements(el, 'encoded')[0];
  if (encoded !== undefined && textOf(encoded).trim() !== '') {
    item.bodyHtml = textOf(encoded);
    item.standfirst = capText(htmlToText(description), 5000);
  } else if (description.trim() !== '') {
    item.bodyHtml = description;
  }
  item.byline = cleanText(child(el, 'creator')) || cleanText(child(el, 'author')) || null;
  item.language = cleanText(child(el, 'language')) || language;
  item.versionCreated = isoUtc(date);
  item.firstCreated = item.versionCreated;
  addCategories(item, elements(el, 'category').map((c) => ({ code: attr(c, 'domain') ?? null, name: cleanText(c) })));
  addCategories(item, elements(el, 'subject').map((c) => ({ code: null, name: cleanText(c) })));
  item.pictures = mediaPictures(el);
  return item;
}

/** Atom text constructs: type="xhtml" is inline markup, "html" escaped markup, anything else text. */
function atomText(el: XmlElement | undefined): { html: string | null; text: string } {
  if (el === undefined) return { html: null, text: '' };
  const type = (attr(el, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml') {
    const div = child(el, 'div');
    return { html: innerHtml(div ?? el), text: '' };
  }
  if (type === 'html' || type === 'text/html') return { html: textOf(el), text: '' };
  return { html: null, text: textOf(el) };
}

function atomEntry(el: XmlElement, feed: XmlElement, rawText: string, index: number): ParsedWireItem {
  const title = atomText(child(el, 'title'));
  const updated = cleanText(child(el, 'updated'));
  const alternate = elements(el, 'link').find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const guid = cleanText(child(el, 'id')) || attr(alternate, 'href')?.trim() || contentGuid('atom', `${title.text}${title.html ?? ''}\n${updated}\n${index}\n${rawText.length}`);
  const item = emptyItem('atom', capText(guid, 500));
  item.headline = capText(title.html !== null ? htmlToText(title.html) : title.text.replace(/\s+/g, ' ').trim(), 1000);
  const summary = atomText(child(el, 'summary'));
  const content = atomText(child(el, 'content'));
  const summaryText = summary.html !== null ? htmlToText(summary.html) : summary.text.replace(/\s+/g, ' ').trim();
  if (content.html !== null && content.html.trim() !== '') {
    item.bodyHtml = content.html;
    item.standfirst = capText(summaryText, 5000);
  } else if (content.text.trim() !== '') {
    item.bodyText = content.text;
    item.standfirst = capText(summaryText, 5000);
  } else if (summary.html !== null) {
    item.bodyHtml = summary.html;
  } else if (summary.text.trim() !== '') {
    item.bodyText = summary.text;
  }
  const authors = elements(el, 'author').length > 0 ? elements(el, 'author') : elements(feed, 'author');
  item.byline = authors.map((a) => cleanText(child(a, 'name'))).filter((n) => n !== '').join(', ') || null;
  item.language = attr(el, 'lang')?.trim() || attr(feed, 'lang')?.trim() || null;
  item.versionCreated = isoUtc(updated);
  item.firstCreated = isoUtc(cleanText(child(el, 'published'))) ?? item.versionCreated;
  addCategories(item, elements(el, 'category').map((c) => ({ code: attr(c, 'scheme') !== undefined ? (attr(c, 'term') ?? null) : null, name: (attr(c, 'label') ?? attr(c, 'term') ?? '').trim() })));
  item.pictures = mediaPictures(el);
  return item;
}
