import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import type { Role } from '../staff/index.js';
import { bodyFromParagraphs } from './body/index.js';

interface Story {
  id: number;
  status: string;
  revision: number;
  headline: string;
  deskNote: string | null;
  scheduledAt: string | null;
  embargoUntil: string | null;
  lastEditedBy: string | null;
  actions: string[];
}

for (const kind of DIALECTS) {
  describe(`workflow routes [${kind}]`, () => {
    const clock = fixedClock('2026-11-28T10:00:00.000Z');
    let t: TestApp;
    const tokens = new Map<Role, string>();
    let sectionId = 0;

    beforeAll(async () => {
      t = await createTestApp(kind, { clock });
      for (const role of ['contributor', 'reporter', 'sub-editor', 'editor'] as const) {
        tokens.set(role, (await t.services.tokens.create({ name: `The ${role}`, role })).token);
      }
      sectionId = (await t.services.sections.create({ slug: 'city', name: 'City' })).id;
    });
    afterAll(async () => {
      await t?.close();
    });

    const as = (role: Role, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.server.inject({ method, url: `/api/admin${url}`, headers: { authorization: `Bearer ${tokens.get(role) ?? ''}` }, ...(payload && { payload }) });

    async function newDraft(role: Role = 'reporter'): Promise<Story> {
      const res = await as(role, 'POST', '/articles', { headline: 'Flyover opens', sectionId, body: bodyFromParagraphs(['Traffic eased.']) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Story>();
    }

    it('carries a story from the writer through the desk to the site, offering each role only its buttons', async () => {
      const draft = await newDraft();
      expect(draft.actions).toEqual(['edit', 'submit']);
      const submitted = (await as('reporter', 'POST', `/articles/${draft.id}/submit`)).json<Story>();
      expect(submitted).toMatchObject({ status: 'submitted', actions: [] });

      expect((await as('sub-editor', 'GET', `/articles/${draft.id}`)).json<Story>().actions).toEqual(['edit', 'take', 'ready', 'send-back']);
      expect((await as('sub-editor', 'POST', `/articles/${draft.id}/take`)).json<Story>().status).toBe('in_edit');
      const ready = (await as('sub-editor', 'POST', `/articles/${draft.id}/ready`)).json<Story>();
      expect(ready).toMatchObject({ status: 'ready', actions: ['edit', 'send-back'] });

      const publish = await as('sub-editor', 'POST', `/articles/${draft.id}/publish`);
      expect(publish.statusCode).toBe(403);
      expect(publish.json()).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });

      const live = await as('editor', 'POST', `/articles/${draft.id}/publish`);
      expect(live.json<Story>()).toMatchObject({ status: 'published', actions: ['edit', 'unpublish', 'kill', 'correct'] });
      expect((await t.server.inject({ url: `/api/v1/articles/${draft.id}` })).statusCode).toBe(200);
      const again = await as('editor', 'POST', `/articles/${draft.id}/publish`);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'ARTICLE_TRANSITION_INVALID', field: 'status' } });
    });

    it('sends a story back with a note the writer sees, and lets only the desk edit it once submitted', async () => {
      const draft = await newDraft('contributor');
      await as('contributor', 'POST', `/articles/${draft.id}/submit`);
      const locked = await as('contributor', 'PATCH', `/articles/${draft.id}`, { headline: 'Writer changes' });
      expect(locked.statusCode).toBe(403);
      expect(locked.json()).toMatchObject({ error: { code: 'PERMISSION_DENIED', message: 'This story is submitted: only the desk can edit it now.' } });

      const noNote = await as('sub-editor', 'POST', `/articles/${draft.id}/send-back`, {});
      expect(noNote.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'note' } });
      await as('sub-editor', 'POST', `/articles/${draft.id}/send-back`, { note: 'Who said the flyover cost ₹40 crore?' });
      const seen = (await as('contributor', 'GET', `/articles/${draft.id}`)).json<Story>();
      expect(seen).toMatchObject({ status: 'draft', deskNote: 'Who said the flyover cost ₹40 crore?', actions: ['edit', 'submit'] });
      expect((await as('contributor', 'PATCH', `/articles/${draft.id}`, { headline: 'Flyover cost ₹40 crore, says minister' })).statusCode).toBe(200);
    });

    it('answers a save made against an old revision with 409 and the story as now saved', async () => {
      const draft = await newDraft();
      await as('reporter', 'PATCH', `/articles/${draft.id}`, { headline: 'First save', revision: draft.revision });
      const stale = await as('sub-editor', 'PATCH', `/articles/${draft.id}`, { headline: 'Second save', revision: draft.revision });
      expect(stale.statusCode).toBe(409);
      const body = stale.json<{ error: { code: string; field: string }; current: Story }>();
      expect(body.error).toMatchObject({ code: 'ARTICLE_REVISION_CONFLICT', field: 'revision' });
      expect(body.current).toMatchObject({ id: draft.id, headline: 'First save', revision: draft.revision + 1, lastEditedBy: 'The reporter', actions: ['edit', 'submit'] });
      const slug = await as('reporter', 'PATCH', `/articles/${draft.id}`, { slug: 'flyover-opens-at-last', revision: body.current.revision });
      expect(slug.statusCode).toBe(200);
    });

    it('keeps to the embargo when scheduling and publishing, and refuses a contributor', async () => {
      const draft = await newDraft();
      const embargoed = await as('reporter', 'PATCH', `/articles/${draft.id}`, { embargoUntil: '2026-11-28T17:30:00+05:30' });
      expect(embargoed.json<Story>().embargoUntil).toBe('2026-11-28T12:00:00.000Z');
      expect((await as('contributor', 'POST', `/articles/${draft.id}/schedule`, { at: '2026-11-29T00:00:00Z' })).statusCode).toBe(403);
      const past = await as('editor', 'POST', `/articles/${draft.id}/schedule`, { at: '2026-11-28T09:30:00Z' });
      expect(past.json()).toMatchObject({ error: { code: 'ARTICLE_SCHEDULE_PAST', field: 'at' } });
      const beforeEmbargo = await as('editor', 'POST', `/articles/${draft.id}/schedule`, { at: '2026-11-28T11:00:00Z' });
      expect(beforeEmbargo.statusCode).toBe(409);
      expect(beforeEmbargo.json()).toMatchObject({ error: { code: 'ARTICLE_EMBARGOED', field: 'embargoUntil' } });
      const ok = await as('editor', 'POST', `/articles/${draft.id}/schedule`, { at: '2026-11-28T12:00:00Z' });
      expect(ok.json<Story>()).toMatchObject({ status: 'scheduled', scheduledAt: '2026-11-28T12:00:00.000Z', actions: ['edit', 'publish', 'schedule', 'unschedule', 'kill'] });
      const publishNow = await as('editor', 'POST', `/articles/${draft.id}/publish`);
      expect(publishNow.statusCode).toBe(409);
      expect(publishNow.json()).toMatchObject({ error: { code: 'ARTICLE_EMBARGOED', field: 'embargoUntil' } });
      expect((await as('editor', 'POST', `/articles/${draft.id}/unschedule`)).json<Story>()).toMatchObject({ status: 'ready', scheduledAt: null });
    });

    it('lists, shows, compares and restores revisions', async () => {
      const draft = await newDraft();
      await as('reporter', 'PATCH', `/articles/${draft.id}`, { body: bodyFromParagraphs(['Traffic got worse.']) });
      const list = (await as('reporter', 'GET', `/articles/${draft.id}/revisions`)).json<{ items: { revision: number; by: string; action: string; changed: string[] }[] }>();
      expect(list.items).toEqual([
        expect.objectContaining({ revision: 2, by: 'The reporter', action: 'save', changed: ['body'] }),
        expect.objectContaining({ revision: 1, by: 'The reporter', action: 'create' }),
      ]);
      const one = (await as('reporter', 'GET', `/articles/${draft.id}/revisions/1`)).json<{ story: { headline: string; body: unknown } }>();
      expect(one.story.headline).toBe('Flyover opens');
      const diff = (await as('reporter', 'GET', `/articles/${draft.id}/diff?from=1&to=2`)).json<{ fields: unknown[]; body: { op: string; text: string }[] }>();
      expect(diff.fields).toEqual([]);
      expect(diff.body).toEqual([
        { op: 'equal', text: 'Traffic ' },
        { op: 'delete', text: 'eased' },
        { op: 'insert', text: 'got worse' },
        { op: 'equal', text: '.' },
      ]);
      const stale = await as('reporter', 'POST', `/articles/${draft.id}/revisions/1/restore`, { revision: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json<{ current: Story }>().current.revision).toBe(2);
      const restored = await as('reporter', 'POST', `/articles/${draft.id}/revisions/1/restore`, { revision: 2 });
      expect(restored.json<Story>()).toMatchObject({ revision: 3 });
      expect((await as('reporter', 'GET', `/articles/${draft.id}/revisions`)).json<{ items: unknown[] }>().items).toHaveLength(3);
      expect((await as('reporter', 'GET', `/articles/${draft.id}/revisions/9`)).statusCode).toBe(404);
    });

    it('lists the desk queue (several statuses at once) and refuses an unknown status', async () => {
      const waiting = await newDraft();
      await as('reporter', 'POST', `/articles/${waiting.id}/submit`);
      const taken = await newDraft();
      await as('reporter', 'POST', `/articles/${taken.id}/submit`);
      await as('sub-editor', 'POST', `/articles/${taken.id}/take`);
      const stillDraft = await newDraft();
      const queue = await as('sub-editor', 'GET', '/articles?status=submitted,in_edit&limit=100');
      expect(queue.statusCode, queue.body).toBe(200);
      const ids = queue.json<{ items: { id: number; status: string }[] }>().items.map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining([waiting.id, taken.id]));
      expect(ids).not.toContain(stillDraft.id);
      const bad = await as('sub-editor', 'GET', '/articles?status=submitted,lost');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { field: 'status' } });
    });

    it('documents every workflow route in the OpenAPI description', async () => {
      const doc = (await t.server.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
      for (const p of ['submit', 'take', 'ready', 'send-back', 'publish', 'schedule', 'unschedule', 'unpublish', 'kill', 'revisions', 'diff', 'preview-link']) {
        expect(Object.keys(doc.paths)).toContain(`/api/admin/articles/{id}/${p}`);
      }
      expect(Object.keys(doc.paths)).toContain('/api/admin/articles/{id}/revisions/{rev}/restore');
    });
  });
}
