import { describe, expect, it } from 'vitest';
import { AUTOSAVE_MS, SaveController, type SaveStatus } from './save-controller.js';
import { fieldsFromStory, type Story, type StoryFields } from './story.js';
import { makeStory } from './test-story.js';

/** Timers that move only when the test says so. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    set: (fn: () => void, ms: number): unknown => {
      const id = next++;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clear: (handle: unknown): void => void due.delete(handle as number),
    advance(ms: number): void {
      now += ms;
      for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue;
        due.delete(id);
        t.fn();
      }
    },
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

function setup(story: Story = makeStory()) {
  const timers = manualTimers();
  let fields: StoryFields = fieldsFromStory(story);
  const sent: Record<string, unknown>[] = [];
  const statuses: SaveStatus[] = [];
  const answers: ((patch: Record<string, unknown>) => Promise<Story>)[] = [];
  let revision = story.revision;
  const controller = new SaveController(
    {
      send: (patch) => {
        sent.push(patch);
        const answer = answers.shift();
        if (answer) return answer(patch);
        revision += 1;
        return Promise.resolve({ ...story, revision });
      },
      read: () => fields,
      onStatus: (s) => statuses.push(s),
      onSaved: () => undefined,
      timers,
      now: () => new Date('2026-11-28T10:42:00'),
    },
    story,
  );
  const edit = (change: Partial<StoryFields>): void => {
    fields = { ...fields, ...change };
    controller.changed();
  };
  const status = (): SaveStatus['kind'] => controller.status.kind;
  return { controller, timers, sent, statuses, answers, edit, status, fields: () => fields };
}

describe('autosave', () => {
  it('saves 2 s after the last change, sending only the changed fields and the revision it was based on', async () => {
    const t = setup();
    t.edit({ headline: 'Council approves budget at last' });
    t.timers.advance(AUTOSAVE_MS - 1);
    t.edit({ standfirst: 'Fares frozen' }); // typing again restarts the countdown
    t.timers.advance(AUTOSAVE_MS - 1);
    expect(t.sent).toEqual([]);
    expect(t.status()).toBe('dirty');
    t.timers.advance(1);
    await settle();
    expect(t.sent).toEqual([{ headline: 'Council approves budget at last', standfirst: 'Fares frozen', revision: 3 }]);
    expect(t.controller.status).toEqual({ kind: 'saved', at: new Date('2026-11-28T10:42:00') });
    expect(t.controller.revision).toBe(4);
  });

  it('sends nothing when the fields are back to what was saved', async () => {
    const t = setup();
    t.edit({ headline: 'Changed' });
    t.edit({ headline: 'Council approves budget' });
    t.timers.advance(AUTOSAVE_MS);
    await settle();
    expect(t.sent).toEqual([]);
    expect(t.status()).toBe('saved');
  });

  it('never has two saves in flight: a save asked for during one waits, then sends what is still unsaved', async () => {
    const t = setup();
    let release: (s: Story) => void = () => undefined;
    t.answers.push(() => new Promise<Story>((resolve) => (release = resolve)));
    t.edit({ headline: 'First' });
    const first = t.controller.save();
    t.edit({ standfirst: 'Typed while saving' });
    const second = t.controller.save();
    await settle();
    expect(t.sent).toHaveLength(1);
    expect(t.status()).toBe('saving');
    release(makeStory({ revision: 4 }));
    expect(await first).toBe(false); // something was still unsaved when it finished
    expect(await second).toBe(true);
    expect(t.sent).toEqual([
      { headline: 'First', revision: 3 },
      { standfirst: 'Typed while saving', revision: 4 },
    ]);
    expect(t.status()).toBe('saved');
  });
});

describe('conflicts', () => {
  const theirs = makeStory({ revision: 5, standfirst: 'Their standfirst', seoTitle: 'Their SEO title', lastEditedBy: 'Ola Desk' });
  const conflict = new ApiFailure(409, 'ARTICLE_REVISION_CONFLICT', 'Someone else saved this story.', undefined, { error: {}, current: theirs });

  it('stops on a newer save by someone else and sends nothing more until the person chooses', async () => {
    const t = setup();
    t.answers.push(() => Promise.reject(conflict));
    t.edit({ headline: 'Mine' });
    await t.controller.save();
    expect(t.controller.status).toEqual({ kind: 'conflict', theirs });
    t.edit({ headline: 'Mine, again' });
    t.timers.advance(AUTOSAVE_MS * 10);
    await settle();
    expect(t.sent).toHaveLength(1);
  });

  it('"keep mine" takes their changes, keeps mine (reporting fields we both changed) and saves with their revision', async () => {
    const t = setup();
    t.answers.push(() => Promise.reject(conflict));
    t.edit({ headline: 'My headline', standfirst: 'My standfirst' });
    await t.controller.save();
    const result = t.controller.keepMine(theirs);
    expect(result.mine).toEqual(['headline']);
    expect(result.both).toEqual(['standfirst']);
    expect(result.theirs).toEqual(['seoTitle']);
    expect(result.merged).toMatchObject({ headline: 'My headline', standfirst: 'My standfirst', seoTitle: 'Their SEO title' });
    t.edit(result.merged);
    await t.controller.save();
    expect(t.sent.at(-1)).toEqual({ headline: 'My headline', standfirst: 'My standfirst', revision: 5 });
  });

  it('"reload theirs" drops my changes: nothing is left to save', async () => {
    const t = setup();
    t.answers.push(() => Promise.reject(conflict));
    t.edit({ headline: 'Mine' });
    await t.controller.save();
    t.edit(fieldsFromStory(theirs));
    t.controller.rebase(theirs);
    expect(t.status()).toBe('saved');
    expect(t.controller.isDirty()).toBe(false);
    expect(t.controller.revision).toBe(5);
  });
});

describe('failures', () => {
  it('goes offline when the server cannot be reached, and retries by itself', async () => {
    const t = setup();
    t.answers.push(() => Promise.reject(new ApiFailure(0, 'NETWORK', 'Could not reach the server.')));
    t.edit({ headline: 'Written on a train' });
    await t.controller.save();
    expect(t.status()).toBe('offline');
    t.timers.advance(3000);
    await settle();
    expect(t.sent).toHaveLength(2);
    expect(t.status()).toBe('saved');
  });

  it('shows a refused save with the field at fault and does not retry until the next edit', async () => {
    const t = setup();
    t.answers.push(() => Promise.reject(new ApiFailure(409, 'ARTICLE_SLUG_TAKEN', 'Another story already uses the slug "x".', 'slug')));
    t.edit({ slug: 'x' });
    await t.controller.save();
    expect(t.controller.status).toEqual({ kind: 'failed', message: 'Another story already uses the slug "x".', field: 'slug' });
    t.timers.advance(60_000);
    await settle();
    expect(t.sent).toHaveLength(1);
    t.edit({ slug: 'x-2' });
    t.timers.advance(AUTOSAVE_MS);
    await settle();
    expect(t.sent.at(-1)).toEqual({ slug: 'x-2', revision: 3 });
  });

  it('after a workflow action, bases the next save on the revision the action made', async () => {
    const t = setup();
    t.controller.rebase(makeStory({ revision: 8, status: 'submitted' }));
    t.edit({ headline: 'After submitting' });
    await t.controller.save();
    expect(t.sent).toEqual([{ headline: 'After submitting', revision: 8 }]);
  });
});
