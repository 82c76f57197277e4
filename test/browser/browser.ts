/**
 * Browser-test harness: Debian's Chromium driven by playwright-core, and the
 * real app serving the demo paper on 127.0.0.1. Browser journeys skip with one
 * clear message when Chromium is missing — except in CI, where
 * DATELINE_REQUIRE_BROWSER=1 turns a missing browser into a failure.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startServer, type RunningServer, type StartOptions } from '../../src/app/server.js';
import { loadConfig } from '../../src/config/index.js';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const REQUIRE_BROWSER = process.env['DATELINE_REQUIRE_BROWSER'] === '1';

/** Flags that keep Chromium quiet and deterministic on a headless CI box: no GPU, no phoning home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function hasChromium(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * True for the first caller in this test run only. Test files run in separate worker
 * processes (pool: forks) that share the Vitest parent, so a marker file named after
 * the parent's pid is the one thing they can all see.
 */
function firstInRun(): boolean {
  try {
    fs.closeSync(fs.openSync(path.join(os.tmpdir(), `dateline-browser-skip-${process.ppid}`), 'wx'));
    return true;
  } catch {
    return false;
  }
}

/**
 * The condition for `describe.skipIf(...)`. Throws when the browser is required
 * but absent (CI must not go green by skipping); otherwise says why, once per run.
 */
export function browserMissing(): boolean {
  if (hasChromium()) return false;
  const why = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (REQUIRE_BROWSER) throw new Error(`Browser tests are required (DATELINE_REQUIRE_BROWSER=1) but there is ${why}`);
  if (firstInRun()) console.warn(`Browser tests skipped: ${why}`);
  return true;
}

/**
 * One browser per test file. `launch()` already gives every run a fresh
 * throw-away profile directory (Playwright refuses a --user-data-dir flag here),
 * so no state leaks between runs.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export interface DemoSite {
  /** e.g. http://127.0.0.1:41234 — also the site's PUBLIC_URL, so canonical URLs point here. */
  url: string;
  server: RunningServer;
  /** An admin bearer token for the admin API. */
  token: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The real app (same start-up path as `npm start`) on a fresh SQLite data dir with the
 * demo paper fully loaded. The port is picked up front rather than with PORT=0 so that
 * PUBLIC_URL — and with it every canonical and share URL — names the port actually served.
 */
export async function startDemoSite(options: StartOptions = {}): Promise<DemoSite> {
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dateline-browser-'));
  let server: RunningServer | undefined;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && !server; attempt++) {
    const port = await freePort();
    const config = loadConfig({
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'silent',
    });
    try {
      server = await startServer(config, { print: () => undefined, ...options });
    } catch (err) {
      lastError = err; // another process took the port between probe and listen: try again
    }
  }
  if (!server) {
    await fsp.rm(dataDir, { recursive: true, force: true });
    throw lastError instanceof Error ? lastError : new Error('could not start the app');
  }
  const running = server;
  await running.demoLoaded;
  const { token } = await running.app.services.tokens.create({ name: 'browser-tests', role: 'admin' });
  return {
    url: running.url,
    server: running,
    token,
    stop: async () => {
      await running.stop();
      await fsp.rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Everything that went wrong in the browser while a journey ran: console errors,
 * uncaught exceptions, failed requests and HTTP errors on subresources. Documents
 * whose error status a test expects (404/410 pages) are passed in `expectedStatus`.
 */
export interface Problems {
  list: string[];
  /** Statuses a main-document navigation to this URL is expected to have. */
  expectStatus(url: string, status: number): void;
}

export function watchProblems(context: BrowserContext): Problems {
  const list: string[] = [];
  const expected = new Map<string, number>();
  const attach = (page: Page): void => {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // Chromium logs the expected status of an error page itself as a console error; that is not a page bug.
      const loc = msg.location().url;
      const status = expected.get(loc);
      if (status !== undefined && msg.text().includes(`status of ${status}`)) return;
      list.push(`console error on ${page.url()}: ${msg.text()}${loc ? ` (${loc})` : ''}`);
    });
    page.on('pageerror', (err) => list.push(`uncaught exception on ${page.url()}: ${err.message}`));
  };
  context.pages().forEach(attach);
  context.on('page', attach);
  context.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? 'failed';
    // Leaving a page cancels what it was still fetching (lazy images, a navigation the test abandons): not a site fault.
    if (why === 'net::ERR_ABORTED') return;
    list.push(`request failed: ${req.method()} ${req.url()} — ${why}`);
  });
  context.on('response', (res) => {
    if (res.status() < 400) return;
    const want = expected.get(res.url());
    if (want === res.status() && res.request().isNavigationRequest()) return;
    list.push(`HTTP ${res.status()} for ${res.request().resourceType()} ${res.url()}`);
  });
  return { list, expectStatus: (url, status) => expected.set(url, status) };
}

/**
 * Runs page-side code given as a string and returns its JSON-safe result. Strings,
 * because the project compiles without the DOM lib on purpose (no `document` in server code).
 */
export async function evalJson<T>(page: Page, body: string): Promise<T> {
  const json = await page.evaluate(`JSON.stringify((() => { ${body} })())`);
  return JSON.parse(String(json)) as T;
}
