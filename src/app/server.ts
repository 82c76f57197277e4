/**
 * Process lifecycle: open the store, migrate, seed the demo paper on an empty
 * database, listen, and shut down gracefully on SIGTERM/SIGINT (stop
 * accepting, let in-flight requests finish, close the database).
 */
import type { Config } from '../config/index.js';
import { connect, migrateToLatest, type Store } from '../db/index.js';
import { buildApp, type App } from './build-app.js';
import { seedDemoIfEmpty } from './seed.js';
import path from 'node:path';

export interface RunningServer {
  app: App;
  store: Store;
  url: string;
  /** Resolves when the demo paper has finished loading (at once when there was nothing to load). */
  demoLoaded: Promise<void>;
  stop(): Promise<void>;
}

export async function openStore(config: Config): Promise<Store> {
  return connect({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'dateline.sqlite') });
}

export async function startServer(config: Config): Promise<RunningServer> {
  const store = await openStore(config);
  try {
    await migrateToLatest(store.db, store.dialect);
    const app = await buildApp({ config, store });
    const log = app.server.log;
    log.info({ store: store.describe }, 'store ready');
    await app.server.listen({ port: config.port, host: config.host });
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
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        log.info('shutting down: finishing in-flight requests');
        await app.server.close();
        await demoLoaded;
        await store.close();
      })());
    return { app, store, url, demoLoaded, stop };
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
