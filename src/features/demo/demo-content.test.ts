import { describe, it, expect } from 'vitest';
import sharp from 'sharp';
import {
  DEMO_AUTHORS,
  DEMO_PAGES,
  DEMO_PUBLICATION,
  DEMO_SECTIONS,
  DEMO_STORIES,
  DEMO_TAGS,
  IMAGE_THEMES,
  type DemoBlock,
  type DemoStory,
} from './demo-content.js';
import { renderIllustrationSvg, renderLogoSvg, renderPortraitSvg } from './demo-images.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const YOUTUBE = /^https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}$/;

const sectionBySlug = new Map(DEMO_SECTIONS.map((s) => [s.slug, s]));
const authorSlugs = new Set(DEMO_AUTHORS.map((a) => a.slug));
const tagSlugs = new Set(DEMO_TAGS.map((t) => t.slug));

/** The top-level section a (possibly child) section belongs to. */
function topSection(slug: string): string {
  let section = sectionBySlug.get(slug);
  while (section?.parentSlug) section = sectionBySlug.get(section.parentSlug);
  return section?.slug ?? '';
}

function storiesIn(top: string): DemoStory[] {
  return DEMO_STORIES.filter((s) => topSection(s.section) === top);
}

function blockText(b: DemoBlock): string {
  if ('p' in b) return b.p;
  if ('h' in b) return b.h;
  if ('quote' in b) return `${b.quote} ${b.cite ?? ''}`;
  return b.list.join(' ');
}

function wordCount(blocks: DemoBlock[]): number {
  return blocks.map(blockText).join(' ').split(/\s+/).filter(Boolean).length;
}

function expectUnique(values: string[]): void {
  expect(new Set(values).size).toBe(values.length);
}

describe('demo publication', () => {
  it('has the identity, locale and links the site frame needs', () => {
    expect(DEMO_PUBLICATION.name).toBe('The Daily Dateline');
    expect(DEMO_PUBLICATION.locale).toBe('en-IN');
    expect(DEMO_PUBLICATION.timeZone).toBe('Asia/Kolkata');
    for (const url of Object.values(DEMO_PUBLICATION.social)) expect(url).toMatch(/^https:\/\//);
    expect(DEMO_PUBLICATION.utilityLinks.map((l) => l.href)).toEqual([
      '/subscribe',
      '/about',
      '/code-of-ethics',
      '/app',
      '/advertise',
      '/classifieds',
    ]);
  });

  it('has a static page for every utility link', () => {
    const pages = new Set(DEMO_PAGES.map((p) => p.slug));
    for (const link of DEMO_PUBLICATION.utilityLinks) expect(pages.has(link.href.slice(1))).toBe(true);
    for (const slug of ['contact', 'privacy', 'terms']) expect(pages.has(slug)).toBe(true);
  });
});

describe('demo taxonomy', () => {
  it('uses unique, valid slugs everywhere', () => {
    for (const list of [DEMO_SECTIONS, DEMO_AUTHORS, DEMO_TAGS, DEMO_STORIES, DEMO_PAGES]) {
      const slugs = list.map((x) => x.slug);
      expectUnique(slugs);
      for (const slug of slugs) expect(slug, slug).toMatch(SLUG);
    }
  });

  it('has the seven top-level sections in order, and children with existing parents', () => {
    const top = DEMO_SECTIONS.filter((s) => !s.parentSlug).sort((a, b) => a.position - b.position);
    expect(top.map((s) => s.slug)).toEqual(['nation', 'world', 'city', 'business', 'sports', 'opinion', 'videos']);
    const children = DEMO_SECTIONS.filter((s) => s.parentSlug);
    expect(children.length).toBeGreaterThanOrEqual(5);
    for (const child of children) {
      const parent = sectionBySlug.get(child.parentSlug ?? '');
      expect(parent, child.slug).toBeDefined();
      expect(parent?.parentSlug, `${child.slug} nests too deep`).toBeUndefined();
    }
    for (const slug of ['asia', 'europe', 'amritnagar-civic', 'cricket', 'editorials', 'columns']) {
      expect(sectionBySlug.has(slug), slug).toBe(true);
    }
  });

  it('has three columnists with a column, reporters, and an editorial board', () => {
    const columnists = DEMO_AUTHORS.filter((a) => a.title === 'Columnist');
    expect(columnists).toHaveLength(3);
    for (const c of columnists) {
      expect(c.column, c.slug).toBeTruthy();
      expect(c.bio).toContain(c.column ?? '');
    }
    const staff = DEMO_AUTHORS.filter((a) => a.title !== 'Columnist' && a.slug !== 'editorial-board');
    expect(staff.length).toBeGreaterThanOrEqual(5);
    expect(staff.length).toBeLessThanOrEqual(7);
    expect(authorSlugs.has('editorial-board')).toBe(true);
    for (const a of DEMO_AUTHORS) {
      expect(a.bio.length, a.slug).toBeGreaterThan(60);
      if (a.social?.x) expect(a.social.x).toMatch(/^https:\/\/x\.com\/[A-Za-z0-9_]+$/);
      if (a.social?.email) expect(a.social.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+$/);
    }
  });

  it('has about 25 tags, all used', () => {
    expect(DEMO_TAGS.length).toBeGreaterThanOrEqual(20);
    const used = new Set(DEMO_STORIES.flatMap((s) => s.tags));
    for (const tag of DEMO_TAGS) expect(used.has(tag.slug), tag.slug).toBe(true);
  });
});

describe('demo stories', () => {
  it('has 40 to 44 stories', () => {
    expect(DEMO_STORIES.length).toBeGreaterThanOrEqual(40);
    expect(DEMO_STORIES.length).toBeLessThanOrEqual(44);
  });

  it('fills every section as specified', () => {
    expect(storiesIn('nation').length).toBeGreaterThanOrEqual(6);
    expect(storiesIn('world').length).toBeGreaterThanOrEqual(6);
    expect(storiesIn('city').length).toBeGreaterThanOrEqual(4);
    expect(storiesIn('business').length).toBeGreaterThanOrEqual(5);
    expect(storiesIn('sports').length).toBeGreaterThanOrEqual(5);
    expect(storiesIn('videos')).toHaveLength(4);
    const opinion = storiesIn('opinion');
    expect(opinion.filter((s) => s.section === 'editorials')).toHaveLength(3);
    const columns = opinion.filter((s) => s.section === 'columns');
    expect(columns).toHaveLength(9);
    for (const columnist of DEMO_AUTHORS.filter((a) => a.title === 'Columnist')) {
      expect(columns.filter((s) => s.authors?.includes(columnist.slug)), columnist.slug).toHaveLength(3);
    }
  });

  it('references only existing sections, authors and tags', () => {
    for (const s of DEMO_STORIES) {
      expect(sectionBySlug.has(s.section), `${s.slug}: section ${s.section}`).toBe(true);
      for (const a of s.authors ?? []) expect(authorSlugs.has(a), `${s.slug}: author ${a}`).toBe(true);
      expect(s.tags.length, s.slug).toBeGreaterThan(0);
      for (const t of s.tags) expect(tagSlugs.has(t), `${s.slug}: tag ${t}`).toBe(true);
      expectUnique(s.tags);
    }
  });

  it('credits each story to authors or an agency, never both', () => {
    for (const s of DEMO_STORIES) {
      const hasAuthors = (s.authors?.length ?? 0) > 0;
      const hasAgency = s.agency !== undefined;
      expect(hasAuthors !== hasAgency, s.slug).toBe(true);
    }
    const world = storiesIn('world');
    expect(world.filter((s) => s.agency).length).toBeGreaterThan(world.length / 2);
    for (const s of storiesIn('opinion')) expect(s.agency, s.slug).toBeUndefined();
    for (const s of DEMO_STORIES.filter((x) => x.section === 'editorials')) expect(s.authors).toEqual(['editorial-board']);
  });

  it('has newspaper-length headlines and standfirsts', () => {
    for (const s of DEMO_STORIES) {
      expect(s.headline.length, s.slug).toBeLessThanOrEqual(110);
      expect(s.headline.length, s.slug).toBeGreaterThan(15);
      expect(s.standfirst.length, s.slug).toBeLessThanOrEqual(240);
      expect(s.standfirst.length, s.slug).toBeGreaterThan(40);
      expect(s.datelinePlace.trim(), s.slug).toBe(s.datelinePlace);
      expect(s.datelinePlace.length, s.slug).toBeGreaterThan(2);
    }
  });

  it('has real bodies: at least 4 blocks, enough words, no dateline in the first paragraph', () => {
    for (const s of DEMO_STORIES) {
      expect(s.body.length, s.slug).toBeGreaterThanOrEqual(4);
      const first = s.body[0];
      expect(first && 'p' in first, `${s.slug} must open with a paragraph`).toBe(true);
      // the page prints "Place, Mon DD" in bold itself; the copy must not repeat it
      if (first && 'p' in first) {
        expect(/^[^.]{0,40}?(,|:| —| -)\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d/.test(first.p), s.slug).toBe(false);
        for (const sep of [',', ':', ' —', ' -', ' (']) expect(first.p.startsWith(s.datelinePlace + sep), s.slug).toBe(false);
      }
      const minWords = topSection(s.section) === 'videos' ? 120 : 240;
      expect(wordCount(s.body), s.slug).toBeGreaterThanOrEqual(minWords);
      for (const b of s.body) {
        expect(blockText(b).trim().length, s.slug).toBeGreaterThan(0);
        if ('list' in b) expect(b.list.length, s.slug).toBeGreaterThan(1);
      }
    }
  });

  it('contains no placeholder text', () => {
    const all = JSON.stringify({ DEMO_PUBLICATION, DEMO_SECTIONS, DEMO_AUTHORS, DEMO_TAGS, DEMO_STORIES, DEMO_PAGES });
    expect(all).not.toMatch(/lorem|ipsum|TODO|TBD|xxx/i);
    // typographic quotes only; a stray ASCII double quote would show up escaped in JSON
    expect(all).not.toContain('\\"');
  });

  it('has image metadata and a known illustration theme for every story', () => {
    for (const s of DEMO_STORIES) {
      expect(IMAGE_THEMES).toContain(s.imageTheme);
      expect(s.imageCaption.length, s.slug).toBeGreaterThan(10);
      expect(s.imageCredit.length, s.slug).toBeGreaterThan(2);
      expect(s.imageAlt.length, s.slug).toBeGreaterThan(10);
      if (s.agency) expect(s.imageCredit, s.slug).toBe(s.agency);
    }
  });

  it('spreads publication times over the last week with one lead and about five top stories', () => {
    for (const s of DEMO_STORIES) {
      expect(s.hoursAgo, s.slug).toBeGreaterThan(0);
      expect(s.hoursAgo, s.slug).toBeLessThanOrEqual(7 * 24);
      if (s.updatedHoursAgo !== undefined) {
        expect(s.updatedHoursAgo, s.slug).toBeGreaterThanOrEqual(0);
        expect(s.updatedHoursAgo, s.slug).toBeLessThan(s.hoursAgo);
      }
    }
    const leads = DEMO_STORIES.filter((s) => s.lead);
    expect(leads).toHaveLength(1);
    const lead = leads[0];
    expect(lead?.featured).toBe(true);
    expect(lead?.hoursAgo).toBeLessThanOrEqual(3);
    const featured = DEMO_STORIES.filter((s) => s.featured);
    expect(featured.length).toBeGreaterThanOrEqual(4);
    expect(featured.length).toBeLessThanOrEqual(7);
    // the last 24 hours has a healthy spread of stories for "latest"
    expect(DEMO_STORIES.filter((s) => s.hoursAgo <= 24).length).toBeGreaterThanOrEqual(10);
  });

  it('gives every video a YouTube embed, and nothing else an embed', () => {
    for (const s of DEMO_STORIES) {
      if (topSection(s.section) === 'videos') {
        expect(s.embed?.provider, s.slug).toBe('youtube');
        expect(s.embed?.url, s.slug).toMatch(YOUTUBE);
      } else {
        expect(s.embed, s.slug).toBeUndefined();
      }
    }
    expectUnique(storiesIn('videos').map((s) => s.embed?.url ?? ''));
  });

  it('has well-formed corrections on a couple of stories', () => {
    const corrected = DEMO_STORIES.filter((s) => s.corrections?.length);
    expect(corrected.length).toBeGreaterThanOrEqual(1);
    expect(corrected.length).toBeLessThanOrEqual(3);
    for (const s of corrected) {
      for (const c of s.corrections ?? []) {
        expect(c.hoursAgo, s.slug).toBeLessThan(s.hoursAgo);
        expect(c.text.length, s.slug).toBeGreaterThan(30);
      }
    }
  });
});

describe('demo pages', () => {
  it('have titles and substantial bodies', () => {
    for (const page of DEMO_PAGES) {
      expect(page.title.length, page.slug).toBeGreaterThan(3);
      expect(page.summary.length, page.slug).toBeGreaterThan(20);
      expect(page.body.length, page.slug).toBeGreaterThanOrEqual(3);
      expect(wordCount(page.body), page.slug).toBeGreaterThan(80);
    }
  });

  it('carries a rate card in INR and a serious code of ethics', () => {
    const advertise = DEMO_PAGES.find((p) => p.slug === 'advertise');
    const rateCard = advertise?.body.find((b): b is { list: string[] } => 'list' in b);
    expect(rateCard?.list.every((item) => item.includes('₹'))).toBe(true);
    const ethics = DEMO_PAGES.find((p) => p.slug === 'code-of-ethics');
    const headings = (ethics?.body ?? []).filter((b): b is { h: string } => 'h' in b).map((b) => b.h.toLowerCase());
    for (const topic of ['accuracy', 'corrections', 'independence', 'conflicts of interest', 'sources', 'children', 'plagiarism', 'artificial intelligence', 'complaints']) {
      expect(headings.some((h) => h.includes(topic)), topic).toBe(true);
    }
  });
});

describe('demo illustrations', () => {
  it('are deterministic per seed and differ between seeds', () => {
    for (const theme of IMAGE_THEMES) {
      const a = renderIllustrationSvg(theme, 'seed-one');
      expect(renderIllustrationSvg(theme, 'seed-one')).toBe(a);
      expect(renderIllustrationSvg(theme, 'seed-two')).not.toBe(a);
    }
    expect(renderPortraitSvg('Sana Mirza', 'sana-mirza')).toBe(renderPortraitSvg('Sana Mirza', 'sana-mirza'));
    expect(renderPortraitSvg('Sana Mirza', 'sana-mirza')).not.toBe(renderPortraitSvg('Rohan Bhatia', 'rohan-bhatia'));
    expect(renderLogoSvg()).toBe(renderLogoSvg());
  });

  it('contain no text, scripts, links or external references', () => {
    const svgs = [
      ...IMAGE_THEMES.flatMap((theme) => [renderIllustrationSvg(theme, 'x'), renderIllustrationSvg(theme, 'y', 640, 360)]),
      ...DEMO_AUTHORS.map((a) => renderPortraitSvg(a.name, a.slug)),
      renderLogoSvg(),
    ];
    for (const svg of svgs) {
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.endsWith('</svg>')).toBe(true);
      expect(svg).not.toMatch(/<script|<text|<image|<use|<foreignObject|href=|@import|NaN|undefined|Infinity/i);
      expect(svg.match(/url\(([^)]*)\)/g)?.every((u) => u.startsWith('url(#')) ?? true).toBe(true);
    }
  });

  it('uses ids that are unique within each SVG', () => {
    const svg = renderIllustrationSvg('stadium', 'ids');
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(ids.length).toBeGreaterThan(0);
    expectUnique(ids);
  });

  it('rasterise with sharp at the requested size', async () => {
    for (const theme of IMAGE_THEMES) {
      const buf = await sharp(Buffer.from(renderIllustrationSvg(theme, `raster-${theme}`, 800, 450))).jpeg().toBuffer();
      const meta = await sharp(buf).metadata();
      expect(meta.format, theme).toBe('jpeg');
      expect(meta.width, theme).toBe(800);
      expect(meta.height, theme).toBe(450);
    }
    const full = await sharp(Buffer.from(renderIllustrationSvg('city', 'full-size'))).jpeg().toBuffer();
    expect((await sharp(full).metadata()).width).toBe(1600);
    const portrait = await sharp(Buffer.from(renderPortraitSvg('Meera Sabharwal', 'meera-sabharwal'))).jpeg().toBuffer();
    const pm = await sharp(portrait).metadata();
    expect([pm.width, pm.height]).toEqual([400, 400]);
    const logo = await sharp(Buffer.from(renderLogoSvg())).png().toBuffer();
    const lm = await sharp(logo).metadata();
    expect([lm.width, lm.height]).toEqual([512, 512]);
  });

  it('draws something, not a blank canvas', async () => {
    const { data, info } = await sharp(Buffer.from(renderIllustrationSvg('market', 'variance', 320, 180)))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += info.channels * 7) {
      colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    }
    expect(colours.size).toBeGreaterThan(50);
  });
});
