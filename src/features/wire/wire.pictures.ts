/**
 * Pictures that come with wire copy, into the media library: read from the
 * drop folder (a path that must stay inside it) or fetched over http(s) with
 * a timeout and a size cap. The media service's upload checks the content is
 * really an image and strips its metadata. A picture that fails is skipped;
 * it never fails the item.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MediaService } from '../media/index.js';
import type { WirePictureRef } from './wire.item.js';

export type FetchImpl = (url: string, init: { signal: AbortSignal; redirect: 'follow' }) => Promise<Response>;

export interface PictureOptions {
  /** Largest picture accepted, in bytes. */
  maxBytes: number;
  /** How long one download may take, in ms. */
  timeoutMs: number;
  /** At most this many pictures per item. */
  maxPerItem: number;
}

export const PICTURE_DEFAULTS: PictureOptions = { maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, maxPerItem: 12 };

export interface PictureFailure {
  href: string;
  reason: string;
}

/** The file a relative href names inside `baseDir`, or null when it would leave it (`..`, absolute, drive letters, NUL). */
export function resolveInside(baseDir: string, href: string): string | null {
  if (href === '' || href.includes('\0') || href.includes('\\')) return null;
  let rel = href;
  if (rel.startsWith('file:')) return null;
  try {
    rel = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel) || rel.split('/').includes('..')) return null;
  const root = path.resolve(baseDir);
  const full = path.resolve(root, rel);
  return full.startsWith(root + path.sep) ? full : null;
}

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`larger than ${maxBytes} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

async function download(fetchImpl: FetchImpl, url: string, opts: PictureOptions): Promise<Buffer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    const res = await fetchImpl(url, { signal: controller.signal, redirect: 'follow' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await readCapped(res, opts.maxBytes);
  } catch (err) {
    if (controller.signal.aborted) throw new Error(`no answer within ${opts.timeoutMs} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function readLocal(file: string, maxBytes: number): Promise<Buffer> {
  const stat = await fs.stat(file);
  if (!stat.isFile()) throw new Error('not a file');
  if (stat.size > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
  return fs.readFile(file);
}

export function createPictureImporter(deps: { media: Pick<MediaService, 'upload'>; fetchImpl: FetchImpl; options?: Partial<PictureOptions> }) {
  const opts: PictureOptions = { ...PICTURE_DEFAULTS, ...deps.options };

  async function bytesOf(ref: WirePictureRef, baseDir: string | undefined): Promise<Buffer> {
    if (/^https?:\/\//i.test(ref.href)) return download(deps.fetchImpl, ref.href, opts);
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref.href)) throw new Error('only http(s) links or files beside the wire file are read');
    if (baseDir === undefined) throw new Error('a relative picture needs a drop folder to be read from');
    const file = resolveInside(baseDir, ref.href);
    if (file === null) throw new Error('the path leaves the drop folder');
    // A symbolic link inside the folder must not lead out of it either.
    const [real, realRoot] = await Promise.all([fs.realpath(file), fs.realpath(baseDir)]);
    if (!real.startsWith(realRoot + path.sep)) throw new Error('the path leaves the drop folder');
    return readLocal(real, opts.maxBytes);
  }

  return {
    /** Media ids of the pictures that could be imported, in order, and why the others could not. */
    async importAll(refs: readonly WirePictureRef[], ctx: { baseDir?: string | undefined; credit: string }): Promise<{ ids: number[]; failures: PictureFailure[] }> {
      const ids: number[] = [];
      const failures: PictureFailure[] = [];
      for (const ref of refs.slice(0, opts.maxPerItem)) {
        try {
          const data = await bytesOf(ref, ctx.baseDir);
          const asset = await deps.media.upload({
            data,
            originalName: path.posix.basename(ref.href.split(/[?#]/)[0] ?? 'picture'),
            caption: (ref.caption ?? '').slice(0, 2000),
            credit: (ref.credit ?? ctx.credit).slice(0, 200),
            altText: (ref.altText ?? ref.caption ?? '').slice(0, 500),
          });
          ids.push(asset.id);
        } catch (err) {
          failures.push({ href: ref.href.slice(0, 300), reason: err instanceof Error ? err.message : String(err) });
        }
      }
      return { ids, failures };
    },
  };
}

export type PictureImporter = ReturnType<typeof createPictureImporter>;
