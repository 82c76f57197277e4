/**
 * When and what the editor saves. Autosave runs 2 s after the last change,
 * only when something changed; an explicit save runs at once. Never two
 * PATCHes in flight: a save asked for while one runs waits for it, then sends
 * whatever is still unsaved. Every PATCH carries the revision it was based on,
 * so a newer save by someone else comes back as a conflict (never a silent
 * overwrite); a lost connection retries with growing pauses.
 *
 * Framework-free so it can be tested with fake timers; the screen feeds it
 * edits and renders its status.
 */
import { mergeFields, type MergeResult } from './merge.js';
import { changedFields, fieldsFromStory, isStory, patchOf, type FieldName, type Story, type StoryFields } from './story.js';

export const AUTOSAVE_MS = 2000;
const RETRY_MS = [3000, 6000, 15_000, 30_000] as const;

export type SaveStatus =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'failed'; message: string; field: string | null }
  | { kind: 'conflict'; theirs: Story };

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SaveDeps {
  /** PATCH the story; rejects with the API's error (status, code, message, field, body). */
  send(patch: Record<string, unknown>): Promise<Story>;
  /** The fields as the form holds them now. */
  read(): StoryFields;
  onStatus(status: SaveStatus): void;
  /** A save went through: the fresh story (status, revision, actions) and the fields it carried. */
  onSaved(story: Story, sent: readonly FieldName[]): void;
  timers: Timers;
  now(): Date;
}

interface ErrorLike {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  field?: unknown;
  body?: unknown;
}

function errorParts(err: unknown): { status: number; code: string; message: string; field: string | null; body: unknown } {
  const e: ErrorLike = typeof err === 'object' && err !== null ? err : {};
  return {
    status: typeof e.status === 'number' ? e.status : 0,
    code: typeof e.code === 'string' ? e.code : '',
    message: typeof e.message === 'string' && e.message !== '' ? e.message : 'The story could not be saved.',
    field: typeof e.field === 'string' ? e.field : null,
    body: e.body,
  };
}

/** The story as saved by someone else, from a 409 ARTICLE_REVISION_CONFLICT body. */
export function conflictStory(err: unknown): Story | null {
  const { status, code, body } = errorParts(err);
  if (status !== 409 || code !== 'ARTICLE_REVISION_CONFLICT') return null;
  const current = typeof body === 'object' && body !== null ? (body as { current?: unknown }).current : undefined;
  return isStory(current) ? current : null;
}

/** No answer, or the server briefly unable to answer: worth trying again by itself. */
function isTransient(status: number): boolean {
  return status === 0 || status === 502 || status === 503 || status === 504;
}

export class SaveController {
  private baseline: StoryFields;
  private revisionNo: number;
  private timer: unknown = null;
  private running: Promise<boolean> | null = null;
  private current: SaveStatus = { kind: 'saved', at: null };
  private retries = 0;
  private lastSaved: Date | null = null;

  constructor(
    private readonly deps: SaveDeps,
    story: Story,
  ) {
    this.baseline = fieldsFromStory(story);
    this.revisionNo = story.revision;
  }

  get status(): SaveStatus {
    return this.current;
  }

  get revision(): number {
    return this.revisionNo;
  }

  /** The fields as last saved or loaded: the common ancestor for a merge. */
  get base(): StoryFields {
    return this.baseline;
  }

  isDirty(): boolean {
    return changedFields(this.baseline, this.deps.read()).length > 0;
  }

  isBusy(): boolean {
    return this.running !== null;
  }

  /** Something was edited: (re)start the autosave countdown. */
  changed(): void {
    if (this.current.kind === 'conflict') return; // waiting for the person to choose
    this.retries = 0;
    if (this.current.kind !== 'saving') this.setStatus({ kind: 'dirty' });
    this.schedule(AUTOSAVE_MS);
  }

  /** Save now (or right after the save in flight). Resolves true when nothing is left unsaved. */
  save(): Promise<boolean> {
    this.cancel();
    if (this.current.kind === 'conflict') return Promise.resolve(false);
    if (this.running) return this.running.then(() => this.save());
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Save until nothing is unsaved (edits made during a save get their own), or a save fails. */
  async flush(): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.save()) return true;
      if (this.current.kind !== 'dirty') return false;
    }
    return false;
  }

  /** The connection came back: retry a pending offline save at once. */
  online(): void {
    if (this.current.kind === 'offline') void this.save();
  }

  /** Take `story` as the new base (after a workflow action, a restore, or "reload theirs"). */
  rebase(story: Story): void {
    this.cancel();
    this.baseline = fieldsFromStory(story);
    this.revisionNo = story.revision;
    this.setStatus(this.isDirty() ? { kind: 'dirty' } : { kind: 'saved', at: this.lastSaved });
    if (this.current.kind === 'dirty') this.schedule(AUTOSAVE_MS);
  }

  /**
   * "Keep mine" after a conflict: my changes on top of theirs. The caller puts
   * `merged` into the form, then calls save(), which sends my fields with
   * their revision.
   */
  keepMine(theirs: Story): MergeResult {
    const result = mergeFields(this.baseline, this.deps.read(), fieldsFromStory(theirs));
    this.baseline = fieldsFromStory(theirs);
    this.revisionNo = theirs.revision;
    this.setStatus({ kind: 'dirty' });
    return result;
  }

  dispose(): void {
    this.cancel();
  }

  private async run(): Promise<boolean> {
    const fields = this.deps.read();
    const names = changedFields(this.baseline, fields);
    if (names.length === 0) {
      this.setStatus({ kind: 'saved', at: this.lastSaved });
      return true;
    }
    this.setStatus({ kind: 'saving' });
    let story: Story;
    try {
      story = await this.deps.send({ ...patchOf(fields, names), revision: this.revisionNo });
    } catch (err) {
      this.failed(err);
      return false;
    }
    // The base becomes what was sent (not the server's echo), so a value the server
    // normalises differently can never start an endless round of saves.
    const next: StoryFields = { ...this.baseline };
    for (const name of names) copyField(next, name, fields);
    this.baseline = next;
    this.revisionNo = story.revision;
    this.retries = 0;
    this.lastSaved = this.deps.now();
    this.deps.onSaved(story, names);
    if (this.isDirty()) {
      this.setStatus({ kind: 'dirty' });
      this.schedule(AUTOSAVE_MS);
      return false;
    }
    this.setStatus({ kind: 'saved', at: this.lastSaved });
    return true;
  }

  private failed(err: unknown): void {
    const theirs = conflictStory(err);
    if (theirs) {
      this.setStatus({ kind: 'conflict', theirs });
      return;
    }
    const { status, message, field } = errorParts(err);
    if (isTransient(status)) {
      this.setStatus({ kind: 'offline' });
      this.schedule(RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)] ?? AUTOSAVE_MS);
      this.retries += 1;
      return;
    }
    // Refused (a field the server will not take): no retry until the next edit.
    this.setStatus({ kind: 'failed', message, field });
  }

  private schedule(ms: number): void {
    this.cancel();
    this.timer = this.deps.timers.set(() => {
      this.timer = null;
      void this.save();
    }, ms);
  }

  private cancel(): void {
    if (this.timer !== null) this.deps.timers.clear(this.timer);
    this.timer = null;
  }

  private setStatus(status: SaveStatus): void {
    this.current = status;
    this.deps.onStatus(status);
  }
}

function copyField<K extends FieldName>(target: StoryFields, name: K, source: StoryFields): void {
  target[name] = source[name];
}
