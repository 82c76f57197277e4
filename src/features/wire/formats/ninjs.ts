/**
 * IPTC ninjs 1.x, 2.x and 3.x (JSON). One object is one item; a JSON array,
 * or an object with an `items` array, is a list of items. Field names moved
 * between versions (headline → headlines, body_html → bodies, subject →
 * subjects, place → places, byline → by, object → array associations and
 * renditions); every spelling is read, and a value of the wrong JSON type is
 * ignored rather than trusted.
 */
import { bodyToPlainText, htmlToBody } from '../../articles/index.js';
import type { ParsedWireItem, WirePictureRef } from '../wire.item.js';
import { capText, dedupePictures, emptyItem, intIn, isoUtc, ITEM_CAPS, pictureHref, pubStatusOf, versionOf } from './common.js';
import { WireRefusal } from './refusal.js';

type Json = Record<string, unknown>;
const MAX_ITEMS = 5000;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown, max = 20_000): string {
  return typeof value === 'string' ? capText(value.trim(), max) : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function strOrNull(value: unknown, max = 500): string | null {
  const s = str(value, max).replace(/\s+/g, ' ');
  return s === '' ? null : s;
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.slice(0, 1000);
  return [];
}

/** ninjs 1.x maps ("associations": { "featureimage": {…} }) and 2.x+ arrays ([{ "name": "featureimage", … }]). */
function entries(value: unknown): Json[] {
  if (Array.isArray(value)) return value.slice(0, 1000).filter(isObject);
  if (isObject(value)) return Object.values(value).slice(0, 1000).filter(isObject);
  return [];
}

/** A value from the list of `{ value, role }` objects (ninjs 2.x headlines/descriptions/bodies): main role first. */
function roleValue(value: unknown, accept: (o: Json) => boolean = () => true): Json | undefined {
  const objects = list(value).filter(isObject).filter((o) => typeof o.value === 'string' && accept(o));
  return objects.find((o) => o.role === undefined || /main|default|body|summary/i.test(str(o.role, 100))) ?? objects[0];
}

export function parseNinjs(text: string): ParsedWireItem[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new WireRefusal('WIRE_MALFORMED', `The JSON is malformed: ${err instanceof Error ? err.message.slice(0, 200) : 'unreadable'}`);
  }
  const objects = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.items) ? data.items : [data];
  if (objects.length > MAX_ITEMS) throw new WireRefusal('WIRE_TOO_LARGE', `More than ${MAX_ITEMS} items in one file`);
  return objects.map((o, i) => {
    if (!isObject(o)) throw new WireRefusal('WIRE_INVALID_ITEM', `Item ${i + 1} is not a JSON object`);
    return ninjsItem(o, i);
  });
}

function ninjsItem(o: Json, index: number): ParsedWireItem {
  const guid = str(o.uri, 500) || str(o.guid, 500) || str(o.id, 500);
  if (guid === '') throw new WireRefusal('WIRE_INVALID_ITEM', `Item ${index + 1} has no uri`);
  const item = emptyItem('ninjs', guid);
  item.version = versionOf(o.version);
  item.pubStatus = pubStatusOf(o.pubstatus);
  item.isCorrection = [...list(o.signals), ...list(o.signal)].some((s) => /correct/i.test(isObject(s) ? str(s.uri) || str(s.code) || str(s.name) : str(s)));
  item.headline = str(o.headline, 1000) || str(roleValue(o.headlines)?.value, 1000) || str(o.slugline, 1000);
  item.standfirst = str(o.description_text, 5000) || str(roleValue(o.descriptions, (d) => !/html/i.test(str(d.contenttype, 100)))?.value, 5000);
  const descriptionHtml = str(o.description_html) || str(roleValue(o.descriptions, (d) => /html/i.test(str(d.contenttype, 100)))?.value);
  if (item.standfirst === '' && descriptionHtml !== '') item.standfirst = capText(bodyToPlainText(htmlToBody(descriptionHtml)).replace(/\s+/g, ' '), 5000);
  const htmlBody = str(o.body_html, 5_000_000) || str(roleValue(o.bodies, (b) => /html/i.test(str(b.contenttype, 100)))?.value, 5_000_000);
  const textBody = str(o.body_text, 5_000_000) || str(roleValue(o.bodies, (b) => !/html/i.test(str(b.contenttype, 100)))?.value, 5_000_000);
  item.bodyHtml = htmlBody === '' ? null : htmlBody;
  item.bodyText = htmlBody === '' && textBody !== '' ? textBody : null;
  item.byline = strOrNull(o.byline) ?? strOrNull(o.by);
  item.creditLine = strOrNull(o.creditline) ?? strOrNull(o.copyrightholder);
  item.language = strOrNull(o.language, 35);
  item.urgency = intIn(o.urgency, 1, 9) ?? intIn(o.priority, 1, 9);
  item.embargoUntil = isoUtc(o.embargoed) ?? isoUtc(o.embargoedate) ?? isoUtc(o.embargo);
  item.versionCreated = isoUtc(o.versioncreated);
  item.firstCreated = isoUtc(o.firstcreated) ?? isoUtc(o.contentcreated);
  const places = [...entries(o.places), ...entries(o.place)];
  item.datelinePlace = strOrNull(o.located, 120) ?? places.map((p) => strOrNull(p.name, 120)).find((n) => n !== null) ?? null;
  for (const subject of [...entries(o.subjects), ...entries(o.subject)]) {
    if (item.subjects.length >= ITEM_CAPS.subjects) break;
    const name = strOrNull(subject.name, 200) ?? strOrNull(subject.literal, 200);
    if (name !== null) item.subjects.push({ code: strOrNull(subject.code, 200) ?? strOrNull(subject.uri, 200), name });
  }
  for (const keyword of [str(o.slugline, 200), ...list(o.keywords).map((k) => str(k, 200))]) {
    if (keyword !== '' && !item.keywords.includes(keyword) && item.keywords.length < ITEM_CAPS.keywords) item.keywords.push(keyword);
  }
  const pictures: WirePictureRef[] = [];
  if (str(o.type, 50) === 'picture') {
    const self = pictureOf(o, item.creditLine);
    if (self !== null) pictures.push(self);
  }
  for (const association of entries(o.associations)) {
    const type = str(association.type, 50);
    if (type !== '' && type !== 'picture' && type !== 'graphic') continue;
    const picture = pictureOf(association, item.creditLine);
    if (picture !== null) pictures.push(picture);
  }
  item.pictures = dedupePictures(pictures).slice(0, ITEM_CAPS.pictures);
  return item;
}

/** The rendition to fetch: "original"/"highRes"/"baseImage" by name, else the widest. */
function pictureOf(o: Json, fallbackCredit: string | null): WirePictureRef | null {
  const renditions = Array.isArray(o.renditions)
    ? entries(o.renditions).map((r) => ({ name: str(r.name, 100), r }))
    : isObject(o.renditions) ? Object.entries(o.renditions).slice(0, 100).filter((e): e is [string, Json] => isObject(e[1])).map(([name, r]) => ({ name, r })) : [];
  const usable = renditions
    .map((x) => ({ ...x, href: pictureHref(x.r.href), width: intIn(x.r.width, 1, 100_000) }))
    .filter((x) => x.href !== null && !/thumb/i.test(x.name));
  const chosen = usable.find((x) => /^(?:original|highres|baseimage|full|master)$/i.test(x.name)) ?? [...usable].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  if (chosen === undefined || chosen.href === null) return null;
  const ref: WirePictureRef = { href: chosen.href };
  const type = str(chosen.r.mimetype, 100) || str(chosen.r.contenttype, 100);
  if (/^image\/[\w.+-]{1,40}$/.test(type)) ref.mimeType = type;
  if (chosen.width !== null) ref.width = chosen.width;
  const height = intIn(chosen.r.height, 1, 100_000);
  if (height !== null) ref.height = height;
  const caption = str(o.description_text, 2000) || str(roleValue(o.descriptions)?.value, 2000) || str(o.headline, 2000) || str(roleValue(o.headlines)?.value, 2000);
  if (caption !== '') ref.caption = caption;
  const credit = strOrNull(o.creditline) ?? strOrNull(o.byline) ?? strOrNull(o.by) ?? strOrNull(o.copyrightholder) ?? fallbackCredit;
  if (credit !== null) ref.credit = credit;
  const alt = strOrNull(o.alt_text, 500) ?? strOrNull(o.alttext, 500);
  if (alt !== null) ref.altText = alt;
  return ref;
}
