/** Test-only: small ninjs items and a wire service wired to real articles, media and tags services on a test store. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../../db/index.js';
import { fixedClock } from '../../lib/clock.js';
import { createArticleService, type ArticleIndexer } from '../articles/index.js';
import { createLocalMediaStore, createMediaService } from '../media/index.js';
import { createSectionService } from '../sections/index.js';
import { createTagService } from '../tags/index.js';
import { createWireEvents } from './wire.events.js';
import type { FetchImpl } from './wire.pictures.js';
import { createWireService } from './wire.service.js';
import type { WireEvent, WireIndexer, WireRule } from './wire.js';

export interface NinjsOptions {
  uri: string;
  version?: number;
  headline?: string;
  standfirst?: string;
  bodyHtml?: string;
  pubstatus?: 'usable' | 'withheld' | 'canceled';
  correction?: boolean;
  subjects?: string[];
  urgency?: number;
  embargoed?: string;
  located?: string;
  pictures?: string[];
}

/** One ninjs 1.x item as an agency would send it. */
export function ninjs(o: NinjsOptions): Buffer {
  return Buffer.from(
    JSON.stringify({
      uri: o.uri,
      version: String(o.version ?? 1),
      type: 'text',
      pubstatus: o.pubstatus ?? 'usable',
      versioncreated: '2026-11-28T09:00:00Z',
      headline: o.headline ?? 'Monsoon reaches Kerala early',
      description_text: o.standfirst ?? 'The rains arrived a week ahead of schedule.',
      body_html: o.bodyHtml ?? '<p>The monsoon reached the coast on Thursday, the weather office said.</p><p>Farmers welcomed the rain.</p>',
      ...(o.located !== undefined && { located: o.located }),
      ...(o.urgency !== undefined && { urgency: o.urgency }),
      ...(o.embargoed !== undefined && { embargoed: o.embargoed }),
      ...(o.correction && { signals: [{ code: 'correction' }] }),
      subject: (o.subjects ?? ['Weather']).map((name) => ({ name })),
      ...(o.pictures && {
        associations: Object.fromEntries(
          o.pictures.map((href, i) => [`pic${i}`, { type: 'picture', description_text: `Picture ${i + 1}`, renditions: { original: { href } } }]),
        ),
      }),
    }),
  );
}

export const START = '2026-11-29T08:00:00.000Z';

/** The wire service and what it works with, on `store`; media files in a temp folder. */
export async function wireKit(store: Store, options: { fetchImpl?: FetchImpl; indexer?: WireIndexer; articleIndexer?: ArticleIndexer } = {}) {
  const clock = fixedClock(START);
  const db = store.db;
  const mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-wire-media-'));
  const media = createMediaService({ db, clock, mediaStore: createLocalMediaStore(mediaDir), dialect: store.dialect });
  const articles = createArticleService({ db, clock, publicUrl: 'https://news.example.test', indexer: options.articleIndexer });
  const tags = createTagService({ db, clock });
  const sections = createSectionService({ db, clock });
  const events = createWireEvents();
  const seen: WireEvent[] = [];
  events.subscribe((e) => seen.push(e));
  const wire = createWireService({ db, clock, articles, media, tags, events, indexer: options.indexer, ...(options.fetchImpl && { fetchImpl: options.fetchImpl }) });
  let sourceCount = 0;
  return {
    clock,
    db,
    media,
    articles,
    sections,
    wire,
    events: seen,
    mediaDir,
    /** A source row with these rules, as the sources feature stores it. */
    async source(opts: { agency?: string; rules?: WireRule[]; autoApplyUpdates?: boolean } = {}) {
      const now = clock.now().toISOString();
      const r = await db
        .insertInto('wire_sources')
        .values({
          name: `Source ${++sourceCount}`,
          agency: opts.agency ?? 'AFP',
          credit: opts.agency ?? 'AFP',
          kind: 'folder',
          folder_path: null,
          feed_url: null,
          push_secret: null,
          rules: JSON.stringify(opts.rules ?? []),
          auto_apply_updates: opts.autoApplyUpdates ? 1 : 0,
          etag: null,
          last_modified: null,
          last_run_at: null,
          next_run_at: null,
          last_error: null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return r;
    },
    cleanup: () => fs.rm(mediaDir, { recursive: true, force: true }),
  };
}
