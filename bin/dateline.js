#!/usr/bin/env node
// Entry for `npx dateline …` and `npm start`.
//
// The sources are TypeScript. Rather than compile every module on each start,
// we bundle src/ into one ES module with esbuild (a few hundred milliseconds)
// whenever a source file is newer than the bundle, then run the bundle. npm
// packages stay external, so native modules load as usual.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureNewsroom } from './build-newsroom.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'src', 'cli', 'main.ts');
const bundle = path.join(root, 'dist', 'dateline.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    return fs.statSync(bundle).mtimeMs >= Math.max(newestSource(path.join(root, 'src')), fs.statSync(path.join(root, 'package-lock.json')).mtimeMs);
  } catch {
    return false;
  }
}

if (!bundleIsFresh()) {
  // Build beside the target and rename, so two commands starting at once never load half a file.
  const tmp = `${bundle}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  fs.renameSync(tmp, bundle);
}

// The newsroom app (admin/, served at /newsroom) is built with Vite the same way: only when it changed.
// A failed build must not keep the reader site down: the previous build (if any) stays in place.
if ((process.argv[2] ?? 'help') === 'serve') {
  try {
    const ms = await ensureNewsroom(root);
    if (ms !== null) console.error(`dateline: built the newsroom app in ${(ms / 1000).toFixed(1)} s`);
  } catch (err) {
    console.error(`dateline: building the newsroom app (admin/) failed; /newsroom serves the previous build, if any.\n${err instanceof Error ? err.message : String(err)}`);
  }
}

process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
