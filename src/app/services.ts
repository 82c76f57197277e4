/** Builds every feature service once, from the store, clock and config. */
import path from 'node:path';
import type { Config } from '../config/index.js';
import type { Store } from '../db/index.js';
import type { Clock } from '../lib/clock.js';
import { createTokenService } from '../features/staff/index.js';
import { createSectionService } from '../features/sections/index.js';
import { createAuthorService } from '../features/authors/index.js';
import { createTagService } from '../features/tags/index.js';
import { createPageService } from '../features/pages/index.js';
import { createSettingsService } from '../features/settings/index.js';
import { createLocalMediaStore, createMediaService } from '../features/media/index.js';
import { createArticleService } from '../features/articles/index.js';

export function buildServices(deps: { config: Config; store: Store; clock: Clock }) {
  const { config, store, clock } = deps;
  const db = store.db;
  const mediaStore = createLocalMediaStore(path.join(config.dataDir, 'media'));
  const media = createMediaService({ db, clock, mediaStore, dialect: store.dialect });
  const settings = createSettingsService({ db, clock });
  return {
    config,
    store,
    clock,
    mediaStore,
    media,
    settings,
    tokens: createTokenService({ db, clock }),
    sections: createSectionService({ db, clock }),
    authors: createAuthorService({ db, clock }),
    tags: createTagService({ db, clock }),
    pages: createPageService({ db, clock }),
    articles: createArticleService({ db, clock, publicUrl: config.publicUrl }),
  };
}

export type Services = ReturnType<typeof buildServices>;
