import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { SYSTEM_ACTOR } from '../articles/index.js';
import { searchWorld } from './search.fixtures.js';

describeEachDb('search keeps in step with the stories', (ctx) => {
  const w = searchWorld(ctx);

  it('finds a published story by a word in its body', async () => {
    await w.story('Council approves budget', ['The vote on the zanzibarite proposal passed late at night.']);
    expect(await w.find('zanzibarite')).toEqual(['Council approves budget']);
  });

  it('never finds a draft, and finds the story the moment it is published', async () => {
    const { articles } = w.build();
    const s = await w.section();
    const draft = await articles.create({ headline: 'Quokkaland draft', sectionId: s.id, body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quokkaland news' }] }] } }, SYSTEM_ACTOR);
    expect(await w.find('quokkaland')).toEqual([]);
    await articles.publish(draft.id, SYSTEM_ACTOR);
    expect(await w.find('quokkaland')).toEqual(['Quokkaland draft']);
  });

  it('drops a story when it is unpublished, killed or deleted', async () => {
    const { articles } = w.build();
    const a = await w.story('Unpublished thing', ['wombatopolis one']);
    const b = await w.story('Killed thing', ['wombatopolis two']);
    const c = await w.story('Deleted thing', ['wombatopolis three']);
    expect((await w.find('wombatopolis')).sort()).toEqual(['Deleted thing', 'Killed thing', 'Unpublished thing']);
    await articles.takeDown(a.id, 'unpublished', SYSTEM_ACTOR);
    await articles.takeDown(b.id, 'killed', SYSTEM_ACTOR);
    await articles.remove(c.id);
    expect(await w.find('wombatopolis')).toEqual([]);
    await articles.publish(a.id, SYSTEM_ACTOR);
    expect(await w.find('wombatopolis')).toEqual(['Unpublished thing']);
  });

  it('follows edits: old words stop matching, new ones match', async () => {
    const { articles } = w.build();
    const a = await w.story('Ferry timetable', ['The ferry to Pelicanport leaves at dawn.']);
    expect(await w.find('pelicanport')).toEqual(['Ferry timetable']);
    await articles.update(a.id, { headline: 'Ferry timetable changes', body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Now it sails to Flamingoville.' }] }] } }, SYSTEM_ACTOR);
    expect(await w.find('pelicanport')).toEqual([]);
    expect(await w.find('flamingoville')).toEqual(['Ferry timetable changes']);
  });

  it('rolls the index back with the story when a save fails', async () => {
    const { articles } = w.build();
    const a = await w.story('Stable headline', ['ocelotburg text']);
    await expect(articles.update(a.id, { headline: 'Tapirtown', sectionId: 999_999 }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'ARTICLE_SECTION_NOT_FOUND' });
    expect(await w.find('tapirtown')).toEqual([]);
    expect(await w.find('ocelotburg')).toEqual(['Stable headline']);
  });

  it('does not show a story scheduled for later until its time comes', async () => {
    await w.story('Future piece', ['narwhalcity report'], { publishedAt: '2026-12-01T00:00:00.000Z' });
    expect(await w.find('narwhalcity')).toEqual([]);
    expect((await w.build().search.searchDesk({ q: 'narwhalcity' })).items.map((i) => i.story.headline)).toEqual(['Future piece']);
  });

  it('lets the newsroom find drafts and killed stories, by status', async () => {
    const { articles, search } = w.build();
    const s = await w.section();
    await articles.create({ headline: 'Draft about lynxharbour', sectionId: s.id }, SYSTEM_ACTOR);
    const k = await w.story('Killed lynxharbour story', ['body']);
    await articles.takeDown(k.id, 'killed', SYSTEM_ACTOR);
    const all = await search.searchDesk({ q: 'lynxharbour' });
    expect(all.items.map((i) => i.story.headline).sort()).toEqual(['Draft about lynxharbour', 'Killed lynxharbour story']);
    const killed = await search.searchDesk({ q: 'lynxharbour', statuses: ['killed'] });
    expect(killed.items.map((i) => i.story.status)).toEqual(['killed']);
  });

  it('reindex rebuilds the same answers', async () => {
    await w.story('Reindexed story', ['gazelleton market']);
    await ctx().db.deleteFrom('search_documents').execute();
    expect(await w.find('gazelleton')).toEqual([]);
    const progress: number[] = [];
    const r = await w.build().search.reindex((done) => progress.push(done));
    expect(r.stories).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(1);
    expect(await w.find('gazelleton')).toEqual(['Reindexed story']);
    expect(await w.find('gazeleton')).toEqual([]);
    expect((await w.build().search.search({ q: 'gazeleton' })).suggestion).toBe('gazelleton');
  });
});
