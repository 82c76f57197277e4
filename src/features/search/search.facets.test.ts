import { describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fillFacets } from '../../db/migrations/0005_search_facets.js';
import { SYSTEM_ACTOR } from '../articles/index.js';
import { facetGroups, facetsOf } from './search.facets.js';
import { searchWorld } from './search.fixtures.js';

describe('facet tokens', () => {
  it('writes a story’s section, authors, tags, language, status and kind as whole tokens in a stable order', () => {
    const facets = facetsOf({ section_id: 3, authorIds: [9, 6, 6], tagIds: [12], language: 'en-GB', status: 'in_edit', kind: 'news' });
    expect(facets).toBe('zzsec3 zzauth6 zzauth9 zztag12 zzlangengb zzstinedit zzkindnews');
  });

  it('turns an unknown filter (id -1) into a group nothing matches, not into story 1’s author', () => {
    expect(facetGroups({ authorId: -1, sectionIds: [4, 5] })).toEqual([['zzsec4', 'zzsec5'], []]);
  });
});

describeEachDb('search filters keep in step with the stories', (ctx) => {
  const w = searchWorld(ctx);

  it('finds a story moved to another section under the new section, not the old', async () => {
    const { articles } = w.build();
    const home = await w.section('Home');
    const away = await w.section('Away');
    const s = await w.story('Ferry strike ends', ['The quollharbour ferries sail again.'], { sectionId: home.id });
    expect(await w.find('quollharbour', { section: home.slug })).toEqual(['Ferry strike ends']);
    await articles.update(s.id, { sectionId: away.id }, SYSTEM_ACTOR);
    expect(await w.find('quollharbour', { section: home.slug })).toEqual([]);
    expect(await w.find('quollharbour', { section: away.slug })).toEqual(['Ferry strike ends']);
  });

  it('follows a change of authors and tags', async () => {
    const { articles } = w.build();
    const meera = await w.author('Meera Nair');
    const arjun = await w.author('Arjun Rao');
    const ports = await w.tag('Ports');
    const rail = await w.tag('Rail');
    const s = await w.story('Dock workers vote', ['Numbatport dockers voted today.'], { authorIds: [meera.id], tagIds: [ports.id] });
    expect(await w.find('numbatport', { author: meera.slug, tag: ports.slug })).toEqual(['Dock workers vote']);
    await articles.update(s.id, { authorIds: [arjun.id], tagIds: [rail.id] }, SYSTEM_ACTOR);
    expect(await w.find('numbatport', { author: meera.slug })).toEqual([]);
    expect(await w.find('numbatport', { tag: ports.slug })).toEqual([]);
    expect(await w.find('numbatport', { author: arjun.slug, tag: rail.slug })).toEqual(['Dock workers vote']);
  });

  it('keeps OR, exclusions and phrases meaning the same under a filter', async () => {
    const s = await w.section('Filtered');
    await w.story('First', ['The dingoville market opened.'], { sectionId: s.id });
    await w.story('Second', ['The dingoville harbour closed.'], { sectionId: s.id });
    await w.story('Elsewhere', ['The dingoville market again.']);
    expect(await w.find('dingoville -harbour', { section: s.slug })).toEqual(['First']);
    expect((await w.find('market OR harbour dingoville', { section: s.slug })).sort()).toEqual(['First', 'Second']);
    expect(await w.find('"dingoville market"', { section: s.slug })).toEqual(['First']);
  });

  it('never lets a reader match the facet tokens themselves', async () => {
    const sec = await w.section('Tokens');
    await w.story('Plain story', ['Nothing special in kinkajouville.'], { sectionId: sec.id });
    expect(await w.find('kinkajouville')).toEqual(['Plain story']);
    expect(await w.find(`zzsec${sec.id}`)).toEqual([]);
    expect(await w.find(`kinkajouville zzsec${sec.id}`)).toEqual([]);
    expect(await w.find('zzstpublished')).toEqual([]);
  });

  it('lets the newsroom filter by status and kind', async () => {
    const { articles, search } = w.build();
    const sec = await w.section('Desk');
    await articles.create({ headline: 'Draft on wallabyton', sectionId: sec.id, kind: 'analysis' }, SYSTEM_ACTOR);
    await w.story('Live wallabyton news', ['wallabyton'], { kind: 'news' });
    const drafts = await search.searchDesk({ q: 'wallabyton', statuses: ['draft'] });
    expect(drafts.items.map((i) => i.story.headline)).toEqual(['Draft on wallabyton']);
    const news = await search.searchDesk({ q: 'wallabyton', kind: 'news' });
    expect(news.items.map((i) => i.story.headline)).toEqual(['Live wallabyton news']);
    expect((await search.searchDesk({ q: 'wallabyton', kind: 'obituary' })).items).toEqual([]);
  });

  it('gets the same facets from the upgrade migration as from the indexer', async () => {
    const db = ctx().db;
    const a = await w.author('Fatima Khan');
    const t1 = await w.tag('Floods');
    const t2 = await w.tag('Relief');
    await w.story('Relief reaches villages', ['Boats reached cassowarypur.'], { authorIds: [a.id], tagIds: [t2.id, t1.id], language: 'en' });
    const before = await db.selectFrom('search_documents').select(['id', 'facets']).orderBy('id').execute();
    expect(before.some((d) => d.facets.includes(`zzauth${a.id}`) && d.facets.includes(`zztag${t1.id}`))).toBe(true);
    await db.updateTable('search_documents').set({ facets: '' }).execute();
    await fillFacets(db, ctx().dialect);
    expect(await db.selectFrom('search_documents').select(['id', 'facets']).orderBy('id').execute()).toEqual(before);
    expect(await w.find('cassowarypur', { author: a.slug, tag: t1.slug })).toEqual(['Relief reaches villages']);
  });
});
