// Builds the newsroom app (admin/) into dist/admin with Vite when a file under
// admin/ is newer than the last build — the same freshness idea as the server
// bundle in bin/dateline.js. Used by `dateline serve` (in-process) and by the
// test run's global setup (as `node bin/build-newsroom.js`, so the build runs
// with production settings whatever NODE_ENV the test runner set).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the server looks for the built app (src/features/newsroom finds the same folder). */
export function newsroomOutDir(root = ROOT) {
  return path.join(root, 'dist', 'admin');
}

// Written last and dated to when the build *started*: a file saved during a build still counts as newer.
function stampOf(root) {
  return path.join(newsroomOutDir(root), '.vite', 'manifest.json');
}

function newestInput(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestInput(p));
    // Tests never reach the bundle; Vite's short-lived compiled config files are not inputs.
    else if (!/\.test\.tsx?$/.test(e.name) && !e.name.includes('.timestamp-')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function newsroomIsFresh(root = ROOT) {
  try {
    const built = fs.statSync(stampOf(root)).mtimeMs;
    return built >= Math.max(newestInput(path.join(root, 'admin')), fs.statSync(path.join(root, 'package-lock.json')).mtimeMs);
  } catch {
    return false;
  }
}

/** The files a build wrote itself (not the ones it carried over), from its manifest. */
function ownFiles(dir) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8'));
    return Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? []), ...(c.assets ?? [])]).filter((f) => typeof f === 'string' && f.startsWith('assets/'));
  } catch {
    return [];
  }
}

/**
 * A page loaded before a rebuild still asks for the previous build's files (the lazily loaded
 * editor, above all): they stay beside the new ones for one more build, then go.
 */
function carryOver(from, to) {
  for (const file of ownFiles(from)) {
    const target = path.join(to, file);
    if (fs.existsSync(target)) continue;
    try {
      fs.copyFileSync(path.join(from, file), target);
    } catch {
      // already gone: nothing to keep
    }
  }
}

/**
 * Builds beside the target and swaps it in, so a server never serves half a
 * build and two starts at once both end with a complete one. Returns the
 * build time in milliseconds.
 */
export async function buildNewsroom(root = ROOT) {
  const started = Date.now();
  const out = newsroomOutDir(root);
  const tmp = `${out}.${process.pid}.tmp`;
  const old = `${out}.${process.pid}.old`;
  const { build } = await import('vite');
  try {
    await build({
      configFile: path.join(root, 'admin', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: tmp, emptyOutDir: true },
    });
    const when = new Date(started);
    fs.utimesSync(path.join(tmp, '.vite', 'manifest.json'), when, when);
    carryOver(out, tmp);
    try {
      fs.renameSync(out, old);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    try {
      fs.renameSync(tmp, out);
    } catch (err) {
      // Another start swapped in its own build in between: that one is as fresh as ours.
      if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
  }
  return Date.now() - started;
}

/** Builds when stale; returns the build time in milliseconds, or null when the build was already fresh. */
export async function ensureNewsroom(root = ROOT) {
  return newsroomIsFresh(root) ? null : buildNewsroom(root);
}

// `node bin/build-newsroom.js [--force]`: build when stale (or always), print what happened.
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const ms = process.argv.includes('--force') ? await buildNewsroom() : await ensureNewsroom();
  console.log(ms === null ? 'newsroom app is up to date' : `built the newsroom app in ${(ms / 1000).toFixed(1)} s`);
}
