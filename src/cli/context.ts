/** Opens the store, migrates, builds the services for a command, and always closes the store afterwards. */
import type { Config } from '../config/index.js';
import { migrateToLatest } from '../db/index.js';
import { openStore } from '../app/server.js';
import { buildServices, type Services } from '../app/services.js';
import { systemClock } from '../lib/clock.js';

export async function runWithServices(config: Config, job: (services: Services) => Promise<number>): Promise<number> {
  const store = await openStore(config);
  try {
    await migrateToLatest(store.db, store.dialect);
    return await job(buildServices({ config, store, clock: systemClock }));
  } finally {
    await store.close();
  }
}
