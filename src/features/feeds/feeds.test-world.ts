/**
 * A small newspaper for feed and sitemap tests: sections two deep, a
 * bylined story with a photo, wire copy, and stories readers must not see
 * (draft, scheduled, taken down). Built through the real services.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Store } from '../../db/index.js';
import { fixedClock } from '../../lib/clock.js';
import { SYSTEM_ACTOR, bodyFromParagraphs, createArticleService, type ArticleView } from '../articles/index.js';
import { createAuthorService } from '../authors/index.js';
import { createLocalMediaStore, createMediaService, type MediaStore } from '../media/index.js';
import { createPageService } from '../pages/index.js';
import { createSectionService } from '../sections/index.js';
import { createSettingsService } from '../settings/index.js';
import { createTagService } from '../tags/index.js';
import type { FeedDeps } from './feeds.service.js';

export const PUBLIC_URL = 'https://news.example.test';
export const NOW = '2026-11-28T10:00:00.000Z';
const HOUR = 3_600_000;
const ago = (hours: number): string => new Date(Date.parse(NOW) - hours * HOUR).toISOString();

export interface FeedWorld {
  deps: FeedDeps;
  mediaStore: MediaStore;
  dir: string;
  stories: { floods: ArticleView; summit: ArticleView; oldWire: ArticleView; draft: ArticleView; scheduled: ArticleView; killed: ArticleView };
  sections: { world: number; asia: number; nation: number };
  cleanup(): Promise<void>;
}

export async function buildFeedWorld(store: Store): Promise<FeedWorld> {
  const db = store.db;
  const clock = fixedClock(NOW);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-feeds-'));
  const mediaStore = createLocalMediaStore(dir);
  const media = createMediaService({ db, clock, mediaStore, dialect: store.dialect });
  const sections = createSectionService({ db, clock });
  const settings = createSettingsService({ db, clock });
  const articles = createArticleService({ db, clock, publicUrl: PUBLIC_URL });
  const authors = createAuthorService({ db, clock });
  const tags = createTagService({ db, clock });
  const pages = createPageService({ db, clock });

  await settings.update({ tagline: 'News & views from Pachhimdesh' });
  const world = await sections.create({ slug: 'world', name: 'World' });
  const asia = await sections.create({ slug: 'asia', name: 'Asia', parentId: world.id, description: 'Stories from <Asia>' });
  const nation = await sections.create({ slug: 'nation', name: 'Nation' });
  const asha = await authors.create({ slug: 'asha-rao', name: 'Asha Rao' });
  const floodsTag = await tags.create({ slug: 'floods', name: 'Floods' });
  await tags.create({ slug: 'unused', name: 'Unused' });
  await pages.create({ slug: 'about', title: 'About us', body: bodyFromParagraphs(['Since 1924.']), status: 'published' });
  await pages.create({ slug: 'secret-draft', title: 'Draft', body: bodyFromParagraphs(['Not yet.']) });
  const photo = await media.upload({
    data: await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3366aa' } }).jpeg().toBuffer(),
    caption: 'Water in the streets',
    credit: 'Staff Photographer',
    altText: 'A flooded street',
  });

  const body = bodyFromParagraphs(['Text.']);
  const floods = await articles.create(
    {
      headline: 'Floods <cut off> 3 districts & more\u0007',
      standfirst: 'Rivers rose "overnight".',
      sectionId: nation.id,
      authorIds: [asha.id],
      tagIds: [floodsTag.id],
      featuredImageId: photo.id,
      body,
      status: 'published',
      publishedAt: ago(1),
    },
    SYSTEM_ACTOR,
  );
  const summit = await articles.create({ headline: 'Summit ends in Hanoi', standfirst: 'Leaders agreed.', sectionId: asia.id, agencyCredit: 'AFP', body, status: 'published', publishedAt: ago(5) }, SYSTEM_ACTOR);
  const oldWire = await articles.create({ headline: 'Old news from the world desk', sectionId: world.id, agencyCredit: 'PTI', body, status: 'published', publishedAt: ago(72) }, SYSTEM_ACTOR);
  const draft = await articles.create({ headline: 'Not ready yet', sectionId: nation.id, body }, SYSTEM_ACTOR);
  const scheduled = await articles.create({ headline: 'Tomorrow’s story', sectionId: nation.id, body, status: 'published', publishedAt: new Date(Date.parse(NOW) + HOUR).toISOString() }, SYSTEM_ACTOR);
  const killed = await articles.takeDown(
    (await articles.create({ headline: 'Legal trouble', sectionId: nation.id, body, status: 'published', publishedAt: ago(2) }, SYSTEM_ACTOR)).id,
    'killed',
    SYSTEM_ACTOR,
  );

  return {
    deps: { db, clock, publicUrl: PUBLIC_URL, articles, sections, settings, media },
    mediaStore,
    dir,
    stories: { floods, summit, oldWire, draft, scheduled, killed },
    sections: { world: world.id, asia: asia.id, nation: nation.id },
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  };
}
