/**
 * Loads the demo newspaper through the feature services, so the demo obeys
 * every rule real content does. Idempotent: sections, authors, tags and pages
 * are found by slug before they are created, and stories are only added to a
 * paper that has none — a seed interrupted half-way completes on the next start.
 */
import sharp from 'sharp';
import { SYSTEM_ACTOR, type ArticleService, type BodyDocument, type Block } from '../articles/index.js';
import type { AuthorService } from '../authors/index.js';
import type { MediaService } from '../media/index.js';
import type { PageService } from '../pages/index.js';
import type { SectionService } from '../sections/index.js';
import type { SettingsService } from '../settings/index.js';
import type { TagService } from '../tags/index.js';
import type { Clock } from '../../lib/clock.js';
import { DEMO_AUTHORS, DEMO_PAGES, DEMO_PUBLICATION, DEMO_SECTIONS, DEMO_STORIES, DEMO_TAGS, type DemoBlock, type DemoStory } from './demo-content.js';
import { renderIllustrationSvg, renderLogoSvg, renderPortraitSvg } from './demo-images.js';

export interface DemoDeps {
  clock: Clock;
  settings: SettingsService;
  sections: SectionService;
  authors: AuthorService;
  tags: TagService;
  media: MediaService;
  pages: PageService;
  articles: ArticleService;
}

export interface DemoSummary {
  stories: number;
  sections: number;
  authors: number;
  pages: number;
}

// 1200×675 is what a featured image needs on the widest layout; rasterising SVG is the slow part of seeding.
const IMAGE_WIDTH = 1200;
const IMAGE_HEIGHT = 675;
// Two images are drawn at once: sharp works off the main thread, and the machines we target have two cores.
const IMAGE_CONCURRENCY = 2;

/** Runs `fn` over `items` with at most `limit` in flight, keeping results in input order. */
async function inPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function demoBody(blocks: readonly DemoBlock[], embed?: DemoStory['embed']): BodyDocument {
  const content: Block[] = [];
  if (embed) content.push({ type: 'embed', provider: embed.provider, url: embed.url });
  for (const b of blocks) {
    if ('p' in b) content.push({ type: 'paragraph', content: [{ type: 'text', text: b.p }] });
    else if ('h' in b) content.push({ type: 'heading', level: 2, content: [{ type: 'text', text: b.h }] });
    else if ('quote' in b) content.push({ type: 'quote', content: [{ type: 'text', text: b.quote }], ...(b.cite && { cite: b.cite }) });
    else content.push({ type: 'list', ordered: false, items: b.list.map((text) => [{ type: 'text', text }]) });
  }
  return { type: 'doc', version: 1, content };
}

function kindOf(story: DemoStory): 'news' | 'opinion' | 'editorial' | 'video' {
  if (story.section === 'editorials') return 'editorial';
  if (story.section === 'columns' || story.section === 'opinion') return 'opinion';
  if (story.section === 'videos' || story.embed) return 'video';
  return 'news';
}

async function jpeg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

async function findOrCreate<T extends { slug: string }>(existing: readonly T[], slug: string, create: () => Promise<T>): Promise<T> {
  return existing.find((e) => e.slug === slug) ?? create();
}

export async function seedDemo(d: DemoDeps, log: (msg: string) => void = () => undefined): Promise<DemoSummary> {
  const now = d.clock.now().getTime();
  const logo = await d.media.upload({ data: await jpeg(renderLogoSvg()), originalName: 'logo.jpg', caption: '', credit: DEMO_PUBLICATION.name, altText: `${DEMO_PUBLICATION.name} emblem` });
  await d.settings.update({
    name: DEMO_PUBLICATION.name,
    tagline: DEMO_PUBLICATION.tagline,
    locale: DEMO_PUBLICATION.locale,
    timeZone: DEMO_PUBLICATION.timeZone,
    logoMediaId: logo.id,
    social: { ...DEMO_PUBLICATION.social },
    utilityLinks: DEMO_PUBLICATION.utilityLinks.map((l) => ({ ...l })),
  });

  const sectionIds = new Map<string, number>();
  let existingSections = await d.sections.list();
  for (const s of [...DEMO_SECTIONS].sort((a, b) => Number(a.parentSlug !== undefined) - Number(b.parentSlug !== undefined))) {
    const parentId = s.parentSlug ? sectionIds.get(s.parentSlug) : undefined;
    const section = await findOrCreate(existingSections, s.slug, () =>
      d.sections.create({ slug: s.slug, name: s.name, description: s.description, position: s.position, ...(parentId !== undefined && { parentId }) }),
    );
    sectionIds.set(s.slug, section.id);
  }
  existingSections = await d.sections.list();

  const authorIds = new Map<string, number>();
  const existingAuthors = await d.authors.list();
  const missingAuthors = DEMO_AUTHORS.filter((a) => !existingAuthors.some((e) => e.slug === a.slug));
  const portraits = new Map(
    await inPool(missingAuthors, IMAGE_CONCURRENCY, async (a) => {
      const photo = await d.media.upload({ data: await jpeg(renderPortraitSvg(a.name, a.slug)), originalName: `${a.slug}.jpg`, caption: a.name, credit: DEMO_PUBLICATION.name, altText: `Portrait of ${a.name}` });
      return [a.slug, photo.id] as const;
    }),
  );
  for (const [i, a] of DEMO_AUTHORS.entries()) {
    const author = await findOrCreate(existingAuthors, a.slug, async () => {
      const photoId = portraits.get(a.slug) ?? null;
      return d.authors.create({
        slug: a.slug,
        name: a.name,
        title: a.title,
        bio: a.bio,
        photoId,
        social: { ...(a.social?.x && { x: a.social.x }), ...(a.social?.email && { email: a.social.email }) },
      });
    });
    authorIds.set(a.slug, author.id);
    log(`demo: author ${i + 1}/${DEMO_AUTHORS.length}`);
  }

  const tagIds = new Map<string, number>();
  const existingTags = await d.tags.list();
  for (const t of DEMO_TAGS) tagIds.set(t.slug, (await findOrCreate(existingTags, t.slug, () => d.tags.create({ slug: t.slug, name: t.name }))).id);

  const existingPages = await d.pages.list({ includeDrafts: true });
  for (const p of DEMO_PAGES) {
    await findOrCreate(existingPages, p.slug, () => d.pages.create({ slug: p.slug, title: p.title, body: demoBody(p.body), seoDescription: p.summary, status: 'published' }));
  }

  const already = await d.articles.listForDesk({ limit: 1 });
  let stories = 0;
  if (already.items.length === 0) {
    // Oldest first, so ids rise with publication time as they would in a real newsroom.
    const ordered = [...DEMO_STORIES].sort((a, b) => b.hoursAgo - a.hoursAgo);
    const images = await inPool(ordered, IMAGE_CONCURRENCY, async (s, i) => {
      const image = await d.media.upload({
        data: await jpeg(renderIllustrationSvg(s.imageTheme, s.slug, IMAGE_WIDTH, IMAGE_HEIGHT)),
        originalName: `${s.slug}.jpg`,
        caption: s.imageCaption,
        credit: s.imageCredit,
        altText: s.imageAlt,
      });
      if ((i + 1) % 10 === 0) log(`demo: picture ${i + 1}/${ordered.length}`);
      return image;
    });
    for (const [i, s] of ordered.entries()) {
      const image = images[i];
      const article = await d.articles.create(
        {
          headline: s.headline,
          slug: s.slug,
          standfirst: s.standfirst,
          body: demoBody(s.body, s.embed),
          sectionId: sectionIds.get(s.section) ?? null,
          kind: kindOf(s),
          datelinePlace: s.datelinePlace,
          authorIds: (s.authors ?? []).flatMap((slug) => authorIds.get(slug) ?? []),
          agencyCredit: s.agency ?? null,
          tagIds: s.tags.flatMap((slug) => tagIds.get(slug) ?? []),
          featuredImageId: image?.id ?? null,
          priority: s.lead ? 90 : s.featured ? 50 : 0,
          status: 'published',
          publishedAt: new Date(now - s.hoursAgo * 3_600_000).toISOString(),
        },
        SYSTEM_ACTOR,
      );
      for (const c of s.corrections ?? []) await d.articles.addCorrection(article.id, { kind: 'correction', text: c.text }, SYSTEM_ACTOR);
      stories++;
      if ((i + 1) % 10 === 0 || i + 1 === ordered.length) log(`demo: story ${i + 1}/${ordered.length}`);
    }
  }
  return { stories, sections: existingSections.length, authors: authorIds.size, pages: DEMO_PAGES.length };
}
