/**
 * Build of the newsroom app (docs/newsroom.md). `bin/build-newsroom.js` runs
 * this through Vite's JS API when a file under admin/ changed, and the server
 * serves the result from dist/admin at /newsroom.
 *
 * Development: `npx vite admin` serves the app with hot reload on
 * http://localhost:5173/newsroom/ and forwards the API, media and preview
 * URLs to a running Dateline (`npm start`; DATELINE_URL overrides where).
 */
import path from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const server = process.env['DATELINE_URL'] ?? 'http://127.0.0.1:3000';
// The session cookie is SameSite=Strict and Path=/: forwarding keeps it first-party to the dev origin.
const forward = { target: server, changeOrigin: false };

export default defineConfig({
  root: here,
  base: '/newsroom/',
  // Preact's automatic JSX runtime through Vite's built-in transform: no React, no plugin package.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  publicDir: false,
  build: {
    outDir: path.resolve(here, '../dist/admin'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    sourcemap: false,
    assetsDir: 'assets',
    // Tiptap is lazily loaded with the editor; the warning would only be about that chunk.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': forward, '/media': forward, '/preview': forward },
  },
});
