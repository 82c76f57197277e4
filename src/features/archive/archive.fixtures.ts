/**
 * Test-only helpers for the archive tests: a small but complete newsroom,
 * a whole-database snapshot to compare, and a raw tar writer for building
 * damaged archives by hand. Not exported from index.ts.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';
import * as tar from 'tar';
import { CONTENT_TABLES, type Db } from '../../db/index.js';
import { createLocalMediaStore, type MediaStore } from '../media/index.js';
import { PRIMARY_KEYS, type Row } from './archive.js';

export const T0 = '2026-11-02T08:00:00.000Z';

/** Values chosen to break a careless round trip: binary fractions, unicode, quotes, newlines, nulls. */
export async function seedNewsroom(db: Db, store: MediaStore): Promise<void> {
  await db
    .insertInto('settings')
    .values([
      { key: 'site.name', value: '{"name":"The Daily Dateline"}', updated_at: T0 },
      { key: 'Site.Zeta', value: '["ऑनलाइन","ਪੰਜਾਬੀ"]', updated_at: T0 },
    ])
    .execute();
  const media = (id: number, key: string, focalX: number, focalY: number) => ({
    id,
    storage_key: key,
    original_name: `Photo ${id} "quoted".jpg`,
    mime_type: 'image/jpeg',
    byte_size: 4,
    width: 1600,
    height: 900,
    sha256: 'a'.repeat(64),
    caption: 'Line one\nline two — “curly” ✓ 📰',
    credit: 'AFP',
    alt_text: '',
    focal_x: focalX,
    focal_y: focalY,
    created_at: T0,
    updated_at: T0,
  });
  await db
    .insertInto('media')
    .values([media(1, '2026/11/aaaa.jpg', 0.1 + 0.2, 1 / 3), media(5, '2026/11/bbbb.jpg', 0, 1), media(7, '2026/11/cccc.png', 0.5, 2 / 7)])
    .execute();
  for (const key of ['2026/11/aaaa.jpg', '2026/11/aaaa-w640.webp', '2026/11/bbbb.jpg', '2026/11/cccc.png']) {
    await store.put(key, Buffer.from([0, 255, 10, 13, ...Buffer.from(key)]));
  }
  const section = (id: number, slug: string, parentId: number | null) => ({
    id,
    slug,
    name: slug.toUpperCase(),
    description: '',
    parent_id: parentId,
    position: id,
    created_at: T0,
    updated_at: T0,
  });
  // Section 2 sits inside section 4: a parent with a larger id, as after a re-parenting.
  await db.insertInto('sections').values([section(1, 'news', null), section(3, 'sport', null)]).execute();
  await db.insertInto('sections').values(section(4, 'region', 1)).execute();
  await db.insertInto('sections').values(section(2, 'local', 4)).execute();
  await db
    .insertInto('authors')
    .values([
      { id: 1, slug: 'asha', name: 'Asha Rao', title: 'Editor', bio: 'बायो', photo_id: 5, social: '{"x":"@asha"}', created_at: T0, updated_at: T0 },
      { id: 2, slug: 'ben', name: 'Ben Ode', title: '', bio: '', photo_id: null, social: '{}', created_at: T0, updated_at: T0 },
    ])
    .execute();
  await db
    .insertInto('tags')
    .values([
      { id: 1, slug: 'election', name: 'Election', created_at: T0 },
      { id: 9, slug: 'weather', name: 'Weather', created_at: T0 },
    ])
    .execute();
  const article = (id: number, slug: string, extra: Partial<Row>) => ({
    id,
    slug,
    section_id: 2,
    kind: 'news',
    status: 'published',
    headline: `Headline ${id} with 'quotes' & <tags>`,
    standfirst: 'Standfirst',
    body: '{"version":1,"blocks":[{"type":"paragraph","text":"Hello\\nworld"}]}',
    dateline_place: 'PUNE',
    dateline_date: null,
    agency_credit: null,
    featured_image_id: null,
    language: 'en',
    priority: 0,
    seo_title: '',
    seo_description: '',
    source_agency: null,
    source_guid: null,
    source_version: null,
    published_at: T0,
    updated_at: null,
    created_at: T0,
    modified_at: T0,
    revision: 1,
    ...extra,
  });
  await db
    .insertInto('articles')
    .values([
      article(1, 'first', { featured_image_id: 1, priority: -3, revision: 42 }),
      article(2, 'wire', {
        section_id: null,
        status: 'draft',
        published_at: null,
        dateline_date: '2026-11-01',
        agency_credit: 'AFP',
        source_agency: 'afp',
        source_guid: 'urn:afp:1',
        source_version: '3',
        updated_at: T0,
      }),
      article(6, 'hindi', { language: 'hi', headline: 'चुनाव परिणाम' }),
    ])
    .execute();
  await db
    .insertInto('article_authors')
    .values([
      { article_id: 1, author_id: 2, position: 0 },
      { article_id: 1, author_id: 1, position: 1 },
      { article_id: 6, author_id: 1, position: 0 },
    ])
    .execute();
  await db
    .insertInto('article_tags')
    .values([
      { article_id: 1, tag_id: 9, position: 0 },
      { article_id: 6, tag_id: 1, position: 0 },
    ])
    .execute();
  await db
    .insertInto('article_corrections')
    .values([{ id: 3, article_id: 1, kind: 'correction', text: 'An earlier version misspelt a name.', created_at: T0 }])
    .execute();
  await db
    .insertInto('pages')
    .values([{ id: 2, slug: 'about', title: 'About us', body: '{}', seo_description: '', status: 'published', created_at: T0, updated_at: T0 }])
    .execute();
  // Staff accounts travel with the paper (password hashes included); their sessions do not.
  await db
    .insertInto('staff_users')
    .values([
      { id: 4, email: 'meera@example.test', name: 'Meera “Desk” Nair', role: 'editor', password_hash: 'scrypt$32768$8$1$c2FsdA$aGFzaA', active: 1, created_at: T0, updated_at: T0, last_login_at: T0 },
      { id: 9, email: 'old@example.test', name: 'ਪੁਰਾਣਾ', role: 'reporter', password_hash: 'scrypt$32768$8$1$c2FsdA$aGFzaA', active: 0, created_at: T0, updated_at: T0, last_login_at: null },
    ])
    .execute();
  await db
    .insertInto('staff_sessions')
    .values({ user_id: 4, token_hash: 'e'.repeat(64), created_at: T0, last_seen_at: T0, expires_at: T0, revoked_at: null, user_agent: 'test', ip: '127.0.0.1' })
    .execute();
  await db
    .insertInto('api_tokens')
    .values({ name: 'cli', token_hash: 'f'.repeat(64), token_prefix: 'dl_ffff', role: 'admin', created_at: T0, last_used_at: null, revoked_at: null })
    .execute();
}

/** Every content row, sorted by primary key in JS so both databases' collations compare equal. */
export async function snapshot(db: Db): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  const loose = db as unknown as Kysely<Record<string, Row>>;
  for (const table of CONTENT_TABLES) {
    const rows = (await loose.selectFrom(table).selectAll().execute()) as Row[];
    const key = (r: Row): string => PRIMARY_KEYS[table].map((k) => (typeof r[k] === 'number' ? String(r[k]).padStart(12, '0') : String(r[k]))).join('|');
    out[table] = rows.map((r) => ({ ...r })).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return out;
}

/** Every file in a media store, key → bytes. */
export async function storeFiles(store: MediaStore): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const key of store.list()) out[key] = ((await store.get(key)) ?? Buffer.alloc(0)).toString('base64');
  return out;
}

// Test files run in their own processes, so this list is per test file.
const made: string[] = [];

export async function tempDir(): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dateline-archive-test-'));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir and tempStore made; call from afterAll. */
export async function removeTempDirs(): Promise<void> {
  for (const dir of made.splice(0)) await fsp.rm(dir, { recursive: true, force: true });
}

export async function tempStore(): Promise<{ dir: string; store: MediaStore }> {
  const dir = await tempDir();
  return { dir, store: createLocalMediaStore(path.join(dir, 'media')) };
}

/** The entries of a .tar.gz, path → contents, in archive order. */
export async function readEntries(file: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  await tar.t({
    file,
    onReadEntry: (entry) => {
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => entries.set(entry.path, Buffer.concat(chunks)));
    },
  });
  return entries;
}

/** Writes entries as a tar by hand, so tests can build archives the tar library would refuse to (such as "../" names). */
export async function writeTar(file: string, entries: Map<string, Buffer>, options: { gzip?: boolean } = {}): Promise<void> {
  const blocks: Buffer[] = [];
  for (const [name, data] of entries) {
    const header = Buffer.alloc(512);
    new tar.Header({ path: name, mode: 0o644, size: data.length, mtime: new Date(T0), type: 'File' }).encode(header);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  const raw = Buffer.concat(blocks);
  await fsp.writeFile(file, options.gzip === false ? raw : zlib.gzipSync(raw));
}
