/**
 * Strict validation of a story body arriving as untrusted JSON (editor saves,
 * importers, the public API). Every node is rebuilt from checked fields —
 * nothing from the input object is spread or kept by reference — so unknown
 * keys, prototypes and getters can never reach storage or the renderer.
 */
import { BODY_LIMITS } from './body.limits.js';
import { normaliseInlines } from './body.normalise.js';
import type { Block, BodyDocument, EmbedProvider, Inline, Mark } from './body.types.js';
import { BODY_VERSION } from './body.types.js';
import { parseEmbedUrl, safeImageSrc, safeLinkHref } from './body.urls.js';

export { bodyFromParagraphs, bodyToPlainText, countWords, emptyBody } from './body.text.js';

export interface BodyError {
  code: 'BODY_INVALID';
  /** Safe to show to staff: never echoes the offending value. */
  message: string;
  /** JSON path of the value at fault, rooted at `body`, e.g. `body.content[3].content[0].text`. */
  field: string;
}

export type ParseBodyResult = { ok: true; value: BodyDocument } | { ok: false; error: BodyError };

/** Thrown inside the walk and caught once in parseBody: keeps each check a single line. */
class Invalid extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function fail(field: string, message: string): never {
  throw new Invalid(field, message);
}

type Obj = Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Own properties only: a value on the prototype chain was not in the JSON. An
 * explicit `undefined` (from code, never from JSON) counts as absent.
 */
function has(obj: Obj, key: string): boolean {
  return Object.hasOwn(obj, key) && obj[key] !== undefined;
}

function get(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function keyPath(parent: string, key: string): string {
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key.slice(0, 64))}]`;
}

function asObject(value: unknown, field: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'Expected an object.');
  return value as Obj;
}

function asArray(value: unknown, field: string, max: number, what: string): unknown[] {
  if (!Array.isArray(value)) fail(field, 'Expected an array.');
  if (value.length > max) fail(field, `Too many ${what}: at most ${max} allowed.`);
  return value;
}

function checkKeys(obj: Obj, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(keyPath(field, key), 'Unknown property.');
  }
}

function typeOf(obj: Obj, field: string): string {
  const type = get(obj, 'type');
  if (typeof type !== 'string') fail(`${field}.type`, 'Expected a string node type.');
  return type;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') fail(field, 'Expected a string.');
  if (value.length > BODY_LIMITS.maxTextLength) {
    fail(field, `Text is too long: at most ${BODY_LIMITS.maxTextLength} characters.`);
  }
  return value;
}

/** Optional plain string: absent stays absent; empty or blank is normalised away. */
function optionalText(obj: Obj, key: string, field: string): string | undefined {
  if (!has(obj, key)) return undefined;
  const value = text(get(obj, key), keyPath(field, key));
  return value.trim() === '' ? undefined : value;
}

function url(value: unknown, field: string, check: (u: string) => string | null, rule: string): string {
  if (typeof value !== 'string') fail(field, 'Expected a string.');
  if (value.length > BODY_LIMITS.maxUrlLength) fail(field, `URL is too long: at most ${BODY_LIMITS.maxUrlLength} characters.`);
  const safe = check(value);
  if (safe === null) fail(field, rule);
  return safe;
}

function positiveInt(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    fail(field, `Expected a whole number from 1 to ${max}.`);
  }
  return value;
}

const MAX_MARK_ENTRIES = 8;
const LINK_RULE = 'Links must be http(s), mailto: or tel: URLs, site paths starting with "/", or "#" fragments.';
const IMAGE_RULE = 'Image sources must be http(s) URLs or site paths starting with "/".';

function parseMarks(value: unknown, field: string): Mark[] {
  // Three mark types exist; a few repeats are tolerated (and removed), a long list is not.
  const raw = asArray(value, field, MAX_MARK_ENTRIES, 'marks');
  const marks: Mark[] = [];
  raw.forEach((item, i) => {
    const at = `${field}[${i}]`;
    const obj = asObject(item, at);
    const type = typeOf(obj, at);
    if (type === 'bold' || type === 'italic') {
      checkKeys(obj, ['type'], at);
      marks.push({ type });
    } else if (type === 'link') {
      checkKeys(obj, ['type', 'href'], at);
      const href = url(get(obj, 'href'), `${at}.href`, safeLinkHref, LINK_RULE);
      const other = marks.find((m) => m.type === 'link');
      if (other !== undefined && other.href !== href) fail(at, 'A text node can carry only one link.');
      marks.push({ type: 'link', href });
    } else {
      fail(`${at}.type`, 'Unknown mark type: expected bold, italic or link.');
    }
  });
  return marks;
}

function parseInline(value: unknown, field: string): Inline {
  const obj = asObject(value, field);
  const type = typeOf(obj, field);
  if (type === 'break') {
    checkKeys(obj, ['type'], field);
    return { type: 'break' };
  }
  if (type !== 'text') fail(`${field}.type`, 'Unknown inline type: expected text or break.');
  checkKeys(obj, ['type', 'text', 'marks'], field);
  const node: Inline = { type: 'text', text: text(get(obj, 'text'), `${field}.text`) };
  if (has(obj, 'marks')) node.marks = parseMarks(get(obj, 'marks'), `${field}.marks`);
  return node;
}

function parseInlines(value: unknown, field: string): Inline[] {
  const items = asArray(value, field, BODY_LIMITS.maxInlines, 'inline nodes');
  return normaliseInlines(items.map((item, i) => parseInline(item, `${field}[${i}]`)));
}

const PROVIDERS: readonly EmbedProvider[] = ['youtube', 'x', 'instagram', 'facebook'];

function parseImage(obj: Obj, field: string): Block {
  checkKeys(obj, ['type', 'mediaId', 'src', 'alt', 'caption', 'credit', 'width', 'height'], field);
  const hasMedia = has(obj, 'mediaId');
  const hasSrc = has(obj, 'src');
  if (hasMedia === hasSrc) fail(field, 'An image needs exactly one of mediaId or src.');
  const image: Extract<Block, { type: 'image' }> = { type: 'image', alt: text(get(obj, 'alt'), `${field}.alt`) };
  if (hasMedia) image.mediaId = positiveInt(get(obj, 'mediaId'), `${field}.mediaId`, Number.MAX_SAFE_INTEGER);
  if (hasSrc) image.src = url(get(obj, 'src'), `${field}.src`, safeImageSrc, IMAGE_RULE);
  const caption = optionalText(obj, 'caption', field);
  if (caption !== undefined) image.caption = caption;
  const credit = optionalText(obj, 'credit', field);
  if (credit !== undefined) image.credit = credit;
  if (has(obj, 'width')) image.width = positiveInt(get(obj, 'width'), `${field}.width`, BODY_LIMITS.maxImageDimension);
  if (has(obj, 'height')) image.height = positiveInt(get(obj, 'height'), `${field}.height`, BODY_LIMITS.maxImageDimension);
  return image;
}

function parseEmbed(obj: Obj, field: string): Block {
  checkKeys(obj, ['type', 'provider', 'url', 'caption'], field);
  const provider = get(obj, 'provider');
  if (typeof provider !== 'string' || !(PROVIDERS as readonly string[]).includes(provider)) {
    fail(`${field}.provider`, `Unknown embed provider: expected one of ${PROVIDERS.join(', ')}.`);
  }
  const canonical = url(get(obj, 'url'), `${field}.url`, (u) => {
    const parsed = parseEmbedUrl(u);
    return parsed !== null && parsed.provider === provider ? parsed.url : null;
  }, `Not a recognised ${provider} post or video URL.`);
  const embed: Extract<Block, { type: 'embed' }> = { type: 'embed', provider: provider as EmbedProvider, url: canonical };
  const caption = optionalText(obj, 'caption', field);
  if (caption !== undefined) embed.caption = caption;
  return embed;
}

function parseBlock(value: unknown, field: string): Block {
  const obj = asObject(value, field);
  const type = typeOf(obj, field);
  switch (type) {
    case 'paragraph':
      checkKeys(obj, ['type', 'content'], field);
      return { type, content: parseInlines(get(obj, 'content'), `${field}.content`) };
    case 'heading': {
      checkKeys(obj, ['type', 'level', 'content'], field);
      const level = get(obj, 'level');
      if (level !== 2 && level !== 3 && level !== 4) fail(`${field}.level`, 'Heading level must be 2, 3 or 4.');
      return { type, level, content: parseInlines(get(obj, 'content'), `${field}.content`) };
    }
    case 'quote': {
      checkKeys(obj, ['type', 'content', 'cite'], field);
      const quote: Block = { type, content: parseInlines(get(obj, 'content'), `${field}.content`) };
      const cite = optionalText(obj, 'cite', field);
      if (cite !== undefined) quote.cite = cite;
      return quote;
    }
    case 'list': {
      checkKeys(obj, ['type', 'ordered', 'items'], field);
      const ordered = get(obj, 'ordered');
      if (typeof ordered !== 'boolean') fail(`${field}.ordered`, 'Expected true or false.');
      const items = asArray(get(obj, 'items'), `${field}.items`, BODY_LIMITS.maxListItems, 'list items');
      return { type, ordered, items: items.map((item, i) => parseInlines(item, `${field}.items[${i}]`)) };
    }
    case 'image':
      return parseImage(obj, field);
    case 'embed':
      return parseEmbed(obj, field);
    case 'ad-break':
    case 'divider':
      checkKeys(obj, ['type'], field);
      return { type };
    default:
      return fail(`${field}.type`, 'Unknown block type.');
  }
}

/**
 * Validate and normalise an untrusted story body. On success the value is a
 * fresh document: adjacent text with equal marks merged, empty text dropped,
 * marks in canonical order, URLs in normalised form, blank optional strings
 * removed. Parsing its own output gives the same document back.
 */
export function parseBody(input: unknown): ParseBodyResult {
  try {
    const obj = asObject(input, 'body');
    checkKeys(obj, ['type', 'version', 'content'], 'body');
    if (get(obj, 'type') !== 'doc') fail('body.type', 'Expected "doc".');
    if (get(obj, 'version') !== BODY_VERSION) fail('body.version', `Unsupported version: expected ${BODY_VERSION}.`);
    const content = asArray(get(obj, 'content'), 'body.content', BODY_LIMITS.maxBlocks, 'blocks');
    return {
      ok: true,
      value: { type: 'doc', version: BODY_VERSION, content: content.map((b, i) => parseBlock(b, `body.content[${i}]`)) },
    };
  } catch (error) {
    if (error instanceof Invalid) {
      return { ok: false, error: { code: 'BODY_INVALID', message: error.message, field: error.field } };
    }
    throw error;
  }
}
