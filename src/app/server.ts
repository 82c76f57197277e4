/**
 * Process lifecycle: open the store, migrate, seed the demo paper on an empty
 * database, listen, print the first-run setup link while there are no staff
 * accounts, and shut down gracefully on SIGTERM/SIGINT (stop
 * accepting, let in-flight requests finish, close the database).
 */
import type { Config } from '../config/index.js';
import { connect, migrateToLatest, type Store } from '../db/index.js';
import { buildApp, type App } from './build-app.js';
import { seedDemoIfEmpty } from './seed.js';
import { createArticleScheduler, SCHEDULER_INTERVAL_MS, type ArticleScheduler } from '../features/articles/index.js';
import { createWireRunner, type WireRunner } from '../features/wire/index.js';
import type { Clock } from '../lib/clock.js';
import path from 'node:path';

export interface RunningServer {
  app: App;
  store: Store;
  url: string;
  /** Resolves when the demo paper has finished loading (at once when there was nothing to load). */
  demoLoaded: Promise<void>;
  /** Publishes scheduled stories when due; tests call `tick()` after moving an injected clock. */
  scheduler: ArticleScheduler;
  /** Reads wire drop folders and polls wire feeds (docs/wire-sources.md). */
  wireRunner: WireRunner;
  stop(): Promise<void>;
}

export async function openStore(config: Config): Promise<Store> {
  return connect({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'dateline.sqlite'),
    // Opened before the logger exists; one line on stderr is enough (the pool reconnects by itself).
    onIdleConnectionError: (err) => process.stderr.write(`PostgreSQL dropped an idle connection (${err.message}); reconnecting on the next query.\n`),
  });
}

export interface StartOptions {
  /** Where operator-facing lines (the first-run setup link) go; stdout by default. */
  print?: (line: string) => void;
  /** The wall clock unless a test moves time by hand (scheduled publishing, embargoes, session expiry). */
  clock?: Clock;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(line + '\n'));
  const store = await openStore(config);
  try {
    await migrateToLatest(store.db, store.dialect);
    const app = await buildApp({ config, store, ...(options.clock ? { clock: options.clock } : {}) });
    const log = app.server.log;
    log.info({ store: store.describe }, 'store ready');
    await app.server.listen({ port: config.port, host: config.host });
    // Scheduled stories: a tick now publishes what fell due while the server was down, then one every 15 s.
    const scheduler = createArticleScheduler({ db: store.db, clock: app.services.clock, articles: app.services.articles, log });
    scheduler.start(SCHEDULER_INTERVAL_MS);
    // Ad counts are batched in memory and written every second; stop() writes the rest.
    app.services.ads.start((err) => log.error({ err }, 'writing ad counts failed; they are kept and retried'));
    await app.services.wire.resumePending().catch((err: unknown) => log.error({ err }, 'finishing wire story effects left by a crash failed; they are retried at the next start'));
    // Wire items a crash (or an upgrade) left out of the desk's search: queued behind the items arriving, without
    // holding up the start (after an upgrade that can be every item held).
    const wireCaughtUp = app.services.search.wireIndex
      .catchUp()
      .then((n) => {
        if (n > 0) log.info(`indexed ${n} wire items for the desk's search`);
      })
      .catch((err: unknown) => log.error({ err }, 'finding wire items left out of the search failed; they are looked for again at the next start'));
    // Wire sources: a rescan of every drop folder now (what arrived while down), then watched + every 10 s; feeds when due.
    const wireRunner = createWireRunner({ wire: app.services.wire, sources: app.services.wireSources, clock: app.services.clock, log, maxFileBytes: config.wireMaxFileBytes });
    wireRunner.start();
    // The demo paper's pictures take several seconds to draw, so it loads after the server answers;
    // stories appear as soon as their pictures are ready.
    const demoLoaded = config.seedDemo
      ? seedDemoIfEmpty(app.services, (msg) => log.info(msg)).then(
          (seeded) => {
            if (seeded) log.info('demo newspaper loaded');
          },
          (err: unknown) => log.error({ err }, 'loading the demo newspaper failed; run `npx dateline demo --force` to finish it'),
        )
      : Promise.resolve();
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${(app.server.server.address() as { port: number }).port}`;
    log.info(`Dateline is serving ${url} (public URL ${config.publicUrl})`);
    // No staff yet: print a one-time link for whoever started the server (it is not put in the logs' JSON).
    const setup = await app.services.setup.issueIfNoStaff().catch((err: unknown) => {
      log.error({ err }, 'could not make a first-run setup link; create an administrator with `npx dateline user create`');
      return null;
    });
    if (setup) {
      print(
        `First run: create the first administrator at ${config.publicUrl}/newsroom/setup#token=${setup.token} ` +
          `(valid 24 hours, once; or run \`npx dateline user create --email … --name … --role admin\`).`,
      );
    }
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        log.info('shutting down: finishing in-flight requests');
        await scheduler.stop();
        await wireRunner.stop();
        await app.server.close();
        await wireCaughtUp;
        await app.services.search.wireIndex.drain();
        await app.services.media.settle(); // a render whose reader hung up still finishes its file
        await app.services.ads.stop().catch((err: unknown) => log.error({ err }, 'writing the last ad counts failed'));
        await demoLoaded;
        await store.close();
      })());
    return { app, store, url, demoLoaded, scheduler, wireRunner, stop };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** Stops cleanly on the first SIGTERM/SIGINT; a second one forces exit. */
export function stopOnSignals(server: RunningServer, log: (msg: string) => void): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) process.exit(1);
    signalled = true;
    log(`${signal} received`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
