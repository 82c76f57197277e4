/**
 * Fills an empty, migrated database with a plausible newspaper for
 * benchmarks: 8 sections, 50 authors, 200 tags, 200 images and N published
 * stories of 8–15 paragraphs of varied text (no sentence appears twice).
 * Written straight through Kysely in one transaction, in batches, because
 * going through the services would take minutes for 10,000 stories.
 * Deterministic: the same seed gives the same paper.
 */
import type { Db } from '../src/db/index.js';
import { bodyFromParagraphs } from '../src/features/articles/index.js';
import { slugify } from '../src/lib/slug.js';

export interface GeneratedPaper {
  stories: number;
  sections: { id: number; slug: string; path: string }[];
  /** Story ids with their section id and slug, for building URLs. */
  storyRows: { id: number; sectionId: number; slug: string }[];
}

/** mulberry32: small, fast, good enough to vary text. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const w = (s: string): string[] => s.trim().split(/\s+/);
const FIRST = w('Meera Arjun Kavita Rahul Sunita Vikram Anjali Farhan Priya Imran Neha Rohan Divya Karan Aisha Suresh Lakshmi Manoj Fatima Gurpreet Harleen Joseph Maria Tenzin Nirmala Abdul Ritu Sanjay Zoya Deepak');
const LAST = w('Nair Sharma Iyer Khan Gill Das Menon Rao Kapoor Singh Banerjee Pillai Qureshi Verma Joshi Mehta Dutta Chatterjee Reddy Bhatt DSouza Thomas Fernandes Ahmed Kaur');
const ROLES = w('minister spokesperson director chairman economist analyst secretary mayor commissioner professor coach captain founder researcher inspector');
const ORGS = ['state transport board', 'municipal corporation', 'health department', 'chamber of commerce', 'weather office', 'port trust', 'university senate', 'cricket association', 'water authority', 'electricity board', 'farmers union', 'high court', 'planning commission', 'railway division', 'tourism council', 'central bank'];
const PLACES = w('Amritnagar Vladivostok Kochi Ludhiana Jaipur Guwahati Nagpur Mysuru Patna Surat Dhaka Colombo Kathmandu Singapore Nairobi Lisbon Toronto Hanoi Dubai Geneva Jakarta Manila Lagos Lima Osaka Seoul Perth Oslo Cairo Riyadh');
const ADJ = w('early late new old rising falling rapid slow quiet loud heavy light sudden gradual major minor local national regional fresh long short narrow wide bright dark cheaper costlier safer riskier busy empty crowded historic modest sharp steady unexpected overdue ambitious cautious fragile');
const NOUNS = w('monsoon harbour budget election bridge market festival highway hospital school factory river railway airport stadium farm port court council dam reservoir tariff subsidy vaccine curriculum metro ferry canal forest coastline harvest drought flood heatwave strike merger startup reform museum library census survey');
const VERBS = w('reopened delayed approved rejected expanded reduced announced postponed launched reviewed questioned welcomed criticised doubled halved restored challenged funded cancelled completed inspected extended suspended upgraded');
const VERB_BASE = w('reopen delay approve reject expand reduce announce postpone launch review question welcome restore challenge fund complete inspect extend suspend upgrade');
const TIME = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'over the weekend', 'last week', 'this month', 'earlier this year', 'before the monsoon', 'after months of talks', 'late on Sunday', 'within days', 'by the end of the year'];
const NUMBERS = w('two three four five six seven eight nine ten twelve fifteen twenty thirty forty fifty hundred');
const MONTHS = w('January February March April May June July August September October November December');

export const SECTION_DEFS = [
  { slug: 'nation', name: 'Nation', kind: 'news' },
  { slug: 'world', name: 'World', kind: 'news' },
  { slug: 'business', name: 'Business', kind: 'news' },
  { slug: 'sports', name: 'Sports', kind: 'news' },
  { slug: 'science', name: 'Science', kind: 'analysis' },
  { slug: 'culture', name: 'Culture', kind: 'feature' },
  { slug: 'opinion', name: 'Opinion', kind: 'opinion' },
  { slug: 'videos', name: 'Videos', kind: 'video' },
] as const;

export async function generatePaper(db: Db, options: { stories: number; seed?: number; now?: Date }): Promise<GeneratedPaper> {
  const rnd = prng(options.seed ?? 20261128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const now = options.now ?? new Date();
  const iso = (d: Date) => d.toISOString();
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;

  const used = new Set<string>();
  const templates: (() => string)[] = [
    () => `${person()}, ${pick(ROLES)} of the ${pick(ORGS)}, said the ${pick(ADJ)} ${pick(NOUNS)} would ${pick(VERB_BASE)} the ${pick(NOUNS)} ${pick(TIME)}.`,
    () => `The ${pick(ORGS)} ${pick(VERBS)} plans for a ${pick(ADJ)} ${pick(NOUNS)} near ${pick(PLACES)} ${pick(TIME)}.`,
    () => `About ${pick(NUMBERS)} ${pick(NUMBERS) === 'hundred' ? 'thousand' : 'hundred'} residents of ${pick(PLACES)} were affected when the ${pick(NOUNS)} was ${pick(VERBS)}.`,
    () => `"We have ${pick(VERBS)} the ${pick(NOUNS)} and we will ${pick(VERB_BASE)} the ${pick(NOUNS)} next," ${person()} told reporters in ${pick(PLACES)}.`,
    () => `Officials expect the ${pick(ADJ)} ${pick(NOUNS)} to cost ${pick(NUMBERS)} crore rupees more than planned in ${pick(MONTHS)}.`,
    () => `Critics say the ${pick(NOUNS)} in ${pick(PLACES)} is ${pick(ADJ)}, while supporters point to the ${pick(ADJ)} ${pick(NOUNS)} ${pick(TIME)}.`,
    () => `Since ${pick(MONTHS)}, traders at the ${pick(NOUNS)} have reported ${pick(ADJ)} demand and ${pick(ADJ)} prices.`,
    () => `The ${pick(ROLES)} ${pick(VERBS)} a ${pick(ADJ)} report on the ${pick(NOUNS)}, the ${pick(NUMBERS)}th such review since ${int(1990, 2025)}.`,
  ];
  const sentence = (): string => {
    for (;;) {
      const s = pick(templates)();
      if (!used.has(s)) {
        used.add(s);
        return s;
      }
    }
  };
  const paragraph = () => Array.from({ length: int(2, 4) }, sentence).join(' ');

  return db.transaction().execute(async (trx) => {
    const stamp = iso(now);
    const sections: GeneratedPaper['sections'] = [];
    for (const [i, s] of SECTION_DEFS.entries()) {
      const row = await trx
        .insertInto('sections')
        .values({ slug: s.slug, name: s.name, description: `${s.name} from the Daily Dateline.`, parent_id: null, position: i, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      sections.push({ id: row.id, slug: s.slug, path: s.slug });
    }

    const mediaIds: number[] = [];
    const media = Array.from({ length: 200 }, (_, i) => ({
      storage_key: `2026/11/bench-${i}.jpg`, original_name: `photo-${i}.jpg`, mime_type: 'image/jpeg', byte_size: 250_000,
      width: 1600, height: 900, sha256: i.toString(16).padStart(64, '0'), caption: `${pick(ADJ)} ${pick(NOUNS)} in ${pick(PLACES)}`,
      credit: `Photo: ${person()}`, alt_text: `A ${pick(ADJ)} ${pick(NOUNS)} seen from the ${pick(NOUNS)}`, focal_x: 0.5, focal_y: 0.5, created_at: stamp, updated_at: stamp,
    }));
    for (const r of await trx.insertInto('media').values(media).returning('id').execute()) mediaIds.push(r.id);

    const authors = Array.from({ length: 50 }, (_, i) => {
      const name = `${FIRST[i % FIRST.length] ?? 'Staff'} ${LAST[(i * 7) % LAST.length] ?? 'Writer'}`;
      return { slug: `${slugify(name)}-${i}`, name, title: `${pick(ADJ)} ${pick(ROLES)}`.replace(/^./, (c) => c.toUpperCase()), bio: paragraph(), photo_id: i < 20 ? (mediaIds[i] ?? null) : null, social: '{}', created_at: stamp, updated_at: stamp };
    });
    const authorIds = (await trx.insertInto('authors').values(authors).returning('id').execute()).map((r) => r.id);

    const tagNames = new Set<string>();
    while (tagNames.size < 200) tagNames.add(`${pick(rnd() < 0.5 ? PLACES : ADJ)} ${pick(NOUNS)}`);
    const tags = [...tagNames].map((name) => ({ slug: slugify(name), name, created_at: stamp }));
    const tagIds = (await trx.insertInto('tags').values(tags).returning('id').execute()).map((r) => r.id);

    const storyRows: GeneratedPaper['storyRows'] = [];
    const BATCH = 400;
    for (let start = 0; start < options.stories; start += BATCH) {
      const batch = [];
      const links: { authors: number[]; tags: number[] }[] = [];
      for (let i = start; i < Math.min(start + BATCH, options.stories); i++) {
        const def = SECTION_DEFS[i % SECTION_DEFS.length] ?? SECTION_DEFS[0];
        const section = sections[i % sections.length] ?? sections[0];
        if (!section) throw new Error('no sections');
        const headline = `${pick(ADJ).replace(/^./, (c) => c.toUpperCase())} ${pick(NOUNS)} ${pick(VERBS)} in ${pick(PLACES)} as ${pick(NOUNS)} ${pick(ADJ) === 'early' ? 'arrives' : 'waits'}`;
        // Spread over the last 90 days in random order, so id order is not publication order.
        const published = new Date(now.getTime() - Math.floor(rnd() * 90 * 86_400_000) - 60_000);
        const agency = rnd() < 0.2;
        batch.push({
          slug: `${slugify(headline, 90)}-${i + 1}`, section_id: section.id, kind: def.kind, status: 'published', headline,
          standfirst: sentence(), body: JSON.stringify(bodyFromParagraphs(Array.from({ length: int(8, 15) }, paragraph))),
          dateline_place: pick(PLACES), dateline_date: null, agency_credit: agency ? pick(['AFP', 'Reuters', 'PTI', 'AP']) : null,
          featured_image_id: rnd() < 0.85 ? (mediaIds[int(0, mediaIds.length - 1)] ?? null) : null, language: 'en',
          priority: rnd() < 0.02 ? 90 : rnd() < 0.1 ? 50 : int(0, 40), seo_title: '', seo_description: '',
          source_agency: null, source_guid: null, source_version: null,
          published_at: iso(published), updated_at: iso(published), created_at: iso(published), modified_at: iso(published), revision: 1,
        });
        const nAuthors = agency ? 0 : int(1, 2);
        links.push({
          authors: [...new Set(Array.from({ length: nAuthors }, () => authorIds[int(0, authorIds.length - 1)] ?? 0))],
          tags: [...new Set(Array.from({ length: int(2, 5) }, () => tagIds[int(0, tagIds.length - 1)] ?? 0))],
        });
      }
      const ids = await trx.insertInto('articles').values(batch).returning(['id', 'section_id', 'slug']).execute();
      const aa = ids.flatMap((r, k) => (links[k]?.authors ?? []).map((author_id, position) => ({ article_id: r.id, author_id, position })));
      const at = ids.flatMap((r, k) => (links[k]?.tags ?? []).map((tag_id, position) => ({ article_id: r.id, tag_id, position })));
      for (let k = 0; k < aa.length; k += 2000) await trx.insertInto('article_authors').values(aa.slice(k, k + 2000)).execute();
      for (let k = 0; k < at.length; k += 2000) await trx.insertInto('article_tags').values(at.slice(k, k + 2000)).execute();
      for (const r of ids) storyRows.push({ id: r.id, sectionId: r.section_id ?? 0, slug: r.slug });
    }
    return { stories: options.stories, sections, storyRows };
  });
}
