import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import type { ArticleService } from '../articles/index.js';
import { createWireService } from './wire.service.js';
import { ninjs, wireKit } from './wire.test-kit.js';

/** The articles service, with one method failing like a crash (not a refusal) the first `times` calls. */
function crashing(real: ArticleService, method: 'create' | 'publish' | 'takeDown', times = 1, afterRealCall = false): ArticleService {
  let left = times;
  return new Proxy(real, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop !== method || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (left > 0) {
          left--;
          if (afterRealCall) await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          throw new Error('process died');
        }
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
}

describeEachDb('wire effects after a crash', (ctx) => {
  let kit: Awaited<ReturnType<typeof wireKit>>;
  let sectionId: number;
  beforeAll(async () => {
    kit = await wireKit(ctx());
    sectionId = (await kit.sections.create({ slug: 'nation', name: 'Nation' })).id;
  });
  afterAll(() => kit.cleanup());

  const storiesFrom = async (guid: string) => kit.db.selectFrom('articles').select(['id', 'status']).where('source_guid', '=', guid).execute();
  const serviceWith = (articles: ArticleService) => createWireService({ db: kit.db, clock: kit.clock, articles, media: kit.media });

  it('finishes a rule left undone by a crash after the item committed, exactly once', async () => {
    const src = await kit.source({ rules: [{ subjects: [], maxUrgency: null, sectionId, action: 'publish' }] });
    const broken = serviceWith(crashing(kit.articles, 'create'));
    const r = await broken.ingestFile(ninjs({ uri: 'urn:crash:1', headline: 'Crash before the story' }), { source: src, filename: 'c1.json' });
    const id = r.items[0]?.wireItemId ?? 0;
    expect(r.items[0]?.outcome).toBe('new');
    expect((await kit.wire.get(id)).articleId).toBeNull();
    expect(await storiesFrom('urn:crash:1')).toEqual([]);

    expect(await kit.wire.resumePending()).toBe(1);
    const stories = await storiesFrom('urn:crash:1');
    expect(stories).toEqual([expect.objectContaining({ status: 'published' })]);
    expect((await kit.wire.get(id)).articleId).toBe(stories[0]?.id);
    expect(await kit.wire.resumePending()).toBe(0);
    expect(await storiesFrom('urn:crash:1')).toHaveLength(1);
  });

  it('links the story a crash left unlinked instead of making a second one', async () => {
    const src = await kit.source({ rules: [{ subjects: [], maxUrgency: null, sectionId, action: 'publish' }] });
    const broken = serviceWith(crashing(kit.articles, 'create', 1, true));
    const r = await broken.ingestFile(ninjs({ uri: 'urn:crash:2', headline: 'Crash after the story' }), { source: src, filename: 'c2.json' });
    const id = r.items[0]?.wireItemId ?? 0;
    expect(await storiesFrom('urn:crash:2')).toEqual([expect.objectContaining({ status: 'draft' })]);

    await kit.wire.resumePending();
    const stories = await storiesFrom('urn:crash:2');
    expect(stories).toEqual([expect.objectContaining({ status: 'published' })]);
    expect((await kit.wire.get(id)).articleId).toBe(stories[0]?.id);
  });

  it('finishes a kill left undone', async () => {
    const src = await kit.source({ rules: [{ subjects: [], maxUrgency: null, sectionId, action: 'publish' }] });
    const r = await kit.wire.ingestFile(ninjs({ uri: 'urn:crash:3', headline: 'To be killed' }), { source: src, filename: 'c3.json' });
    const id = r.items[0]?.wireItemId ?? 0;
    const broken = serviceWith(crashing(kit.articles, 'takeDown'));
    await broken.ingestFile(ninjs({ uri: 'urn:crash:3', version: 2, pubstatus: 'canceled' }), { source: src, filename: 'c3k.json' });
    expect((await kit.wire.get(id)).articleStatus).toBe('published');
    await kit.wire.resumePending();
    expect((await kit.wire.get(id)).articleStatus).toBe('killed');
    expect(await kit.wire.resumePending()).toBe(0);
  });
});
