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
    if (config.seedDemo) {
      const seeded = await seedDemoIfEmpty(app.services, (msg) => log.info(msg));
      if (seeded) log.info('demo newspaper loaded');
    }
    await app.server.listen({ port: config.port, host: config.host });
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${(app.server.server.address() as { port: number }).port}`;
    log.info(`Dateline is serving ${url} (public URL ${config.publicUrl})`);
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        log.info('shutting down: finishing in-flight requests');
        await app.server.close();
        await store.close();
      })());
    return { app, store, url, stop };
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
