/**
 * Lighthouse audit of the reader site: starts the app with the demo paper,
 * audits the home page and a story in mobile mode with Lighthouse's default
 * (simulated slow-4G, 4× CPU) throttling, and prints the four category scores.
 *
 *   npm run audit:lighthouse                 # per page: the first visit, then one more run
 *   LIGHTHOUSE_RUNS=3 npm run audit:lighthouse   # per page: the first visit, then the median of three
 *
 * Chromium: CHROME_PATH (default /usr/bin/chromium). Every run is bounded in time.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startDemoSite, type DemoSite } from '../test/browser/browser.js';

const CHROME_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env['LIGHTHOUSE_RUNS'] ?? 1) || 1);
const RUN_TIMEOUT_MS = 180_000;
const TOTAL_TIMEOUT_MS = 15 * 60_000;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
type Scores = Record<Category, number | null>;

interface Audit {
  scores: Scores;
  /** Audits that cost points: "category: audit title (score)". */
  losses: string[];
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function audit(url: string, port: number): Promise<Audit> {
  const result = await withTimeout(
    lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      formFactor: 'mobile',
      maxWaitForLoad: 60_000,
    }),
    RUN_TIMEOUT_MS,
    `Lighthouse on ${url}`,
  );
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => {
      const score = lhr.categories[c]?.score;
      return [c, typeof score === 'number' ? Math.round(score * 100) : null];
    }),
  ) as Scores;
  const losses: string[] = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a && typeof a.score === 'number' && a.score < 1) {
        losses.push(`${c}: ${a.title} (${Math.round(a.score * 100)}${a.displayValue ? `, ${a.displayValue}` : ''})`);
      }
    }
  }
  // Where main-thread time went (what Total Blocking Time is made of), largest first.
  const work = lhr.audits['mainthread-work-breakdown'];
  const items = (work?.details as { items?: Array<{ groupLabel?: string; duration?: number }> } | undefined)?.items ?? [];
  if (work?.displayValue) {
    const top = items.slice(0, 4).map((i) => `${i.groupLabel ?? '?'} ${Math.round(i.duration ?? 0)} ms`);
    losses.push(`(main-thread work ${work.displayValue}: ${top.join(', ')})`);
  }
  return { scores, losses };
}

function median(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return known.length === 0 ? null : known[Math.floor((known.length - 1) / 2)]!;
}

function table(rows: Array<[string, Scores]>): string {
  const head = ['page', ...CATEGORIES];
  const body = rows.map(([name, s]) => [name, ...CATEGORIES.map((c) => (s[c] === null ? 'n/a' : String(s[c])))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function storyUrl(site: DemoSite): Promise<string> {
  const home = await (await fetch(`${site.url}/`)).text();
  // The first story card on the home page: the lead story.
  const m = /<article class="card[^"]*"[\s\S]*?class="card__headline"[^>]*>\s*<a href="([^"]+)"/.exec(home);
  if (!m?.[1]) throw new Error('no story card (article.card .card__headline a) found on the home page');
  return new URL(m[1], site.url).href;
}

async function main(): Promise<void> {
  const hardStop = setTimeout(() => {
    console.error(`Lighthouse audit exceeded ${TOTAL_TIMEOUT_MS / 60_000} minutes; giving up`);
    process.exit(1);
  }, TOTAL_TIMEOUT_MS);
  hardStop.unref();

  console.log('starting the app with the demo paper…');
  const site = await startDemoSite();
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: CHROME_PATH,
      chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const targets: Array<[string, string]> = [
      ['home', `${site.url}/`],
      ['story', await storyUrl(site)],
    ];
    const rows: Array<[string, Scores]> = [];
    const report = (name: string, runs: Audit[]): void => {
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])) as Scores;
      rows.push([name, scores]);
      const losses = [...new Set(runs.flatMap((r) => r.losses))];
      if (losses.length > 0) console.log(`  points lost on ${name}:\n${losses.map((l) => `    - ${l}`).join('\n')}`);
    };
    for (const [name, url] of targets) {
      // The first visit after start-up also pays for drawing image variants on demand; later visits
      // show what readers normally get. Both are reported so neither hides the other.
      console.log(`auditing ${name} (${url}), first visit…`);
      report(`${name} (first visit)`, [await audit(url, chrome.port)]);
      const runs: Audit[] = [];
      for (let i = 0; i < RUNS; i++) {
        console.log(`auditing ${name} (${url}), run ${i + 1}/${RUNS}…`);
        runs.push(await audit(url, chrome.port));
      }
      report(name, runs);
    }
    console.log(`\nLighthouse ${RUNS > 1 ? `(median of ${RUNS} runs after the first visit) ` : ''}— mobile, default throttling, Chromium at ${CHROME_PATH}\n`);
    console.log(table(rows));
  } finally {
    chrome?.kill();
    await site.stop();
    clearTimeout(hardStop);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
