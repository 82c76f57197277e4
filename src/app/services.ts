/**
 * Builds every feature service once, from the store, clock and config, and
 * the one content-events bus they announce committed changes on; the reader
 * page cache listens to it and purges the pages a change touched.
 */
import path from 'node:path';
import type { Config } from '../config/index.js';
import type { Store } from '../db/index.js';
import type { Clock } from '../lib/clock.js';
import { createContentEvents } from '../lib/events.js';
import { createPageCache } from '../site/page-cache.js';
import { createLoginService, createSessionService, createSetupService, createTokenService, createUserService } from '../features/staff/index.js';
import { createSectionService } from '../features/sections/index.js';
import { createAuthorService } from '../features/authors/index.js';
import { createTagService } from '../features/tags/index.js';
import { createPageService } from '../features/pages/index.js';
import { createSettingsService } from '../features/settings/index.js';
import { createLocalMediaStore, createMediaService } from '../features/media/index.js';
import { createArticleService } from '../features/articles/index.js';
import { createSearchService } from '../features/search/index.js';
import { createAdsService, createInquiryService } from '../features/ads/index.js';
import { createWireEvents, createWireService, createWireSourceService } from '../features/wire/index.js';

export function buildServices(deps: {
  config: Config;
  store: Store;
  clock: Clock;
  /** Told when a content listener (e.g. the page cache) fails; the change itself is already committed. */
  onEventError?: (err: unknown) => void;
}) {
  const { config, store, clock } = deps;
  const db = store.db;
  const events = createContentEvents(deps.onEventError);
  // In-process: other processes (the CLI, other nodes) do not reach it, so their changes show within the page TTL.
  const pageCache = config.pageCache ? createPageCache() : null;
  if (pageCache) events.subscribe((change) => pageCache.purge(change.keys));
  const mediaStore = createLocalMediaStore(path.join(config.dataDir, 'media'));
  const media = createMediaService({ db, clock, mediaStore, dialect: store.dialect, events });
  const settings = createSettingsService({ db, clock, events });
  // Search hydrates results through the article service, which writes the search index inside its own transactions.
  const search = createSearchService({
    db,
    dialect: store.dialect.name,
    clock,
    stories: { getSummaries: (ids) => articles.getSummaries(ids) },
    wire: { getSummaries: (ids) => wire.getSummaries(ids) },
    onError: deps.onEventError,
  });
  const articles = createArticleService({ db, clock, publicUrl: config.publicUrl, events, indexer: search.indexer });
  const sessions = createSessionService({ db, clock });
  const tags = createTagService({ db, clock, events });
  const wire = createWireService({
    db,
    clock,
    articles,
    media,
    tags,
    events: createWireEvents(deps.onEventError),
    onError: deps.onEventError,
    maxFileBytes: config.wireMaxFileBytes,
    indexer: search.wireIndex,
  });
  const sections = createSectionService({ db, clock, events });
  return {
    config,
    store,
    clock,
    events,
    pageCache,
    mediaStore,
    media,
    settings,
    tokens: createTokenService({ db, clock }),
    sessions,
    users: createUserService({ db, clock, sessions }),
    login: createLoginService({ db, clock, sessions }),
    setup: createSetupService({ db, clock, sessions }),
    sections,
    authors: createAuthorService({ db, clock, events }),
    tags,
    pages: createPageService({ db, clock, events }),
    articles,
    search,
    /** The ad-ops inbox of /advertise inquiries. */
    adInquiries: createInquiryService({ db, clock }),
    /** Advertising: campaigns, the per-page decision and counting; startServer starts its count flushing. */
    ads: createAdsService({ db, clock, mediaStore, events }),
    wire,
    /** Wire sources (drop folders, feed polls, push endpoints); the runner that reads them is started by startServer. */
    wireSources: createWireSourceService({ db, clock, publicUrl: config.publicUrl, sections, reservedFolders: [config.dataDir] }),
  };
}

export type Services = ReturnType<typeof buildServices>;
