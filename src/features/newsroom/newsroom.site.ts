/**
 * Serves the newsroom app (admin/, built by Vite into dist/admin) at
 * /newsroom. Every app URL answers with the same index.html (history
 * routing), never cached and under a strict Content-Security-Policy; the
 * hashed files under /newsroom/assets are cached for a year. Reader pages
 * never link to any of it.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Only our own files: scripts, styles, images (uploads show as blob: previews), the story
 * preview in a same-origin frame. Nothing may frame the newsroom but the newsroom itself.
 */
export const NEWSROOM_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

const SHELL_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': NEWSROOM_CSP,
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-robots-tag': 'noindex, nofollow',
} as const;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Newsroom not built</title></head>
<body><h1>The newsroom app has not been built</h1>
<p>Start the server with <code>npm start</code> (or <code>npx dateline serve</code>): it builds the app in <code>dist/admin</code> when needed.
To build it alone, run <code>node bin/build-newsroom.js</code>.</p></body></html>
`;

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json']);
/** Vite's hashed output names: letters, digits, dot, dash, underscore; no folders, no dot-files. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$/;

/** dist/admin at the root of the installation: found from this module, which runs from src/ (tests, tsx) or from the dist/ bundle. */
export function newsroomBuildDir(from: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist', 'admin');
    const up = path.dirname(dir);
    if (up === dir) return path.resolve('dist', 'admin');
    dir = up;
  }
}

type Encoding = 'br' | 'gzip' | 'identity';

function pickEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  if (/\bbr\b/.test(header)) return 'br';
  return /\bgzip\b/.test(header) ? 'gzip' : 'identity';
}

export function registerNewsroomRoutes(server: FastifyInstance, deps: { dir: string }): void {
  const assetsDir = path.join(deps.dir, 'assets');
  // Hashed files never change under their name, so each is read and compressed once per process.
  const encoded = new Map<string, Buffer>();

  const shell = async (_req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    let html: string;
    try {
      // Read per request: a rebuild (development) swaps dist/admin under a running server.
      html = await fsp.readFile(path.join(deps.dir, 'index.html'), 'utf8');
    } catch {
      return reply.code(503).headers(SHELL_HEADERS).header('retry-after', '30').send(NOT_BUILT);
    }
    return reply.code(200).headers(SHELL_HEADERS).send(html);
  };
  server.get('/newsroom', { schema: { hide: true } }, shell);
  server.get('/newsroom/*', { schema: { hide: true } }, shell);

  server.get<{ Params: { '*': string } }>('/newsroom/assets/*', { schema: { hide: true } }, async (request, reply) => {
    const name = request.params['*'];
    const notFound = (): FastifyReply => reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('No such newsroom file.');
    if (!ASSET_NAME.test(name)) return notFound();
    const ext = path.extname(name).toLowerCase();
    const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(request.headers['accept-encoding']) : 'identity';
    const cacheKey = `${encoding}:${name}`;
    let body = encoded.get(cacheKey);
    if (!body) {
      let raw: Buffer;
      try {
        raw = await fsp.readFile(path.join(assetsDir, name));
      } catch {
        return notFound();
      }
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } })
          : encoding === 'gzip'
            ? gzipSync(raw, { level: 9 })
            : raw;
      encoded.set(cacheKey, body);
    }
    reply
      .code(200)
      .header('content-type', TYPES[ext] ?? 'application/octet-stream')
      .header('cache-control', ASSET_CACHE_CONTROL)
      .header('x-content-type-options', 'nosniff')
      .header('etag', `"${name}"`);
    if (COMPRESSIBLE.has(ext)) reply.header('vary', 'accept-encoding');
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    if (request.headers['if-none-match'] === `"${name}"`) return reply.code(304).send();
    return reply.send(body);
  });
}
