/**
 * The editing session of one story: loads it, holds the form's fields, runs
 * the save controller (autosave, conflicts, offline retries), keeps the last
 * unsaved draft in this browser and warns before leaving with unsaved work.
 * The body is not held here: it is read from the body editor when needed.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { messageOf } from '../ui/use-action.js';
import type { BodyEditorHandle } from './BodyEditor.js';
import { dropDrafts, findDraft, keepDraft, type LocalDraft } from './draft-store.js';
import { mergeFields, type MergeResult } from './merge.js';
import { SaveController, type SaveStatus } from './save-controller.js';
import { fieldsFromStory, sameValue, type FieldName, type Story, type StoryFields } from './story.js';

const DRAFT_DELAY_MS = 800;

export interface DraftOffer {
  draft: LocalDraft;
  merge: MergeResult;
}

export interface StoryEditorModel {
  story: Story | null;
  loadError: string | null;
  fields: StoryFields | null;
  status: SaveStatus;
  editable: boolean;
  controller: SaveController | null;
  bodyHandle: RefObject<BodyEditorHandle | null>;
  setField: <K extends FieldName>(name: K, value: StoryFields[K]) => void;
  bodyChanged: () => void;
  /** The fields as they are now, body included. */
  read: () => StoryFields;
  /** A story the server answered after an action (status, revision); resetForm after a restore. */
  adoptStory: (story: Story, resetForm: boolean) => void;
  reloadTheirs: (theirs: Story) => void;
  keepMine: (theirs: Story) => MergeResult;
  draftOffer: DraftOffer | null;
  restoreDraft: () => void;
  discardDraft: () => void;
}

function sameStatus(a: SaveStatus, b: SaveStatus): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'saved' && b.kind === 'saved') return a.at?.getTime() === b.at?.getTime();
  if (a.kind === 'failed' && b.kind === 'failed') return a.message === b.message;
  if (a.kind === 'conflict' && b.kind === 'conflict') return a.theirs.revision === b.theirs.revision;
  return true;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked by the browser's privacy settings
  }
}

export function useStoryEditor(id: number): StoryEditorModel {
  const [story, setStory] = useState<Story | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fields, setFields] = useState<StoryFields | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const [controller, setController] = useState<SaveController | null>(null);
  const [draftOffer, setDraftOffer] = useState<DraftOffer | null>(null);
  const fieldsRef = useRef<StoryFields | null>(null);
  const bodyHandle = useRef<BodyEditorHandle | null>(null);
  const controllerRef = useRef<SaveController | null>(null);
  const draftTimer = useRef<number | null>(null);

  const read = useCallback((): StoryFields => {
    const current = fieldsRef.current;
    if (!current) throw new Error('The story is not loaded yet.');
    return { ...current, body: bodyHandle.current?.getBody() ?? current.body };
  }, []);

  const writeDraft = useCallback((): void => {
    const c = controllerRef.current;
    const store = storage();
    if (!c || !store || !fieldsRef.current) return;
    if (c.isDirty()) keepDraft(store, { storyId: id, revision: c.revision, savedAt: new Date().toISOString(), base: c.base, fields: read() });
  }, [id, read]);

  const edited = useCallback((): void => {
    controllerRef.current?.changed();
    if (draftTimer.current !== null) window.clearTimeout(draftTimer.current);
    draftTimer.current = window.setTimeout(writeDraft, DRAFT_DELAY_MS);
  }, [writeDraft]);

  /** Put fields into the form (and the body editor) without counting it as an edit. */
  const applyFields = useCallback((next: StoryFields): void => {
    const handle = bodyHandle.current;
    if (handle && !sameValue(handle.getBody(), next.body)) handle.setBody(next.body);
    fieldsRef.current = next;
    setFields(next);
  }, []);

  useEffect(() => {
    let live = true;
    setStory(null);
    setFields(null);
    setLoadError(null);
    api<Story>('GET', `/admin/articles/${id}`).then(
      (loaded) => {
        if (!live) return;
        const initial = fieldsFromStory(loaded);
        fieldsRef.current = initial;
        const c = new SaveController(
          {
            send: (patch) => api<Story>('PATCH', `/admin/articles/${id}`, patch),
            read,
            onStatus: (s) => setStatus((prev) => (sameStatus(prev, s) ? prev : s)),
            onSaved: (saved) => {
              setStory(saved);
              const store = storage();
              if (store && !controllerRef.current?.isDirty()) dropDrafts(store, id);
            },
            timers: { set: (fn, ms) => window.setTimeout(fn, ms), clear: (h) => window.clearTimeout(h as number) },
            now: () => new Date(),
          },
          loaded,
        );
        controllerRef.current = c;
        setController(c);
        setStory(loaded);
        setFields(initial);
        const store = storage();
        const draft = store ? findDraft(store, id) : null;
        if (draft && store) {
          const merge = mergeFields(draft.base, draft.fields, initial);
          if (merge.mine.length + merge.both.length > 0) setDraftOffer({ draft, merge });
          else dropDrafts(store, id);
        }
      },
      (err: unknown) => {
        if (live) setLoadError(messageOf(err));
      },
    );
    return () => {
      live = false;
      const c = controllerRef.current;
      controllerRef.current = null;
      if (draftTimer.current !== null) window.clearTimeout(draftTimer.current);
      // Leaving the screen inside the app: send what is unsaved (the draft stays in this browser if it fails).
      if (c?.isDirty()) void c.flush().finally(() => c.dispose());
      else c?.dispose();
    };
  }, [id, read]);

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent): void => {
      const c = controllerRef.current;
      if (!c || (!c.isDirty() && !c.isBusy())) return;
      writeDraft();
      event.preventDefault();
      event.returnValue = ''; // older browsers need it to show the prompt
    };
    const online = (): void => controllerRef.current?.online();
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('online', online);
    };
  }, [writeDraft]);

  const setField = useCallback(
    <K extends FieldName>(name: K, value: StoryFields[K]): void => {
      const current = fieldsRef.current;
      if (!current) return;
      const next = { ...current, [name]: value };
      fieldsRef.current = next;
      setFields(next);
      edited();
    },
    [edited],
  );

  const adoptStory = useCallback(
    (next: Story, resetForm: boolean): void => {
      setStory(next);
      if (resetForm) applyFields(fieldsFromStory(next));
      controllerRef.current?.rebase(next);
    },
    [applyFields],
  );

  const reloadTheirs = useCallback(
    (theirs: Story): void => {
      applyFields(fieldsFromStory(theirs));
      setStory(theirs);
      controllerRef.current?.rebase(theirs);
      const store = storage();
      if (store) dropDrafts(store, id);
    },
    [applyFields, id],
  );

  const keepMine = useCallback(
    (theirs: Story): MergeResult => {
      const c = controllerRef.current;
      if (!c) throw new Error('The story is not loaded yet.');
      const result = c.keepMine(theirs);
      applyFields(result.merged);
      setStory(theirs);
      void c.save();
      return result;
    },
    [applyFields],
  );

  const restoreDraft = useCallback((): void => {
    if (!draftOffer) return;
    applyFields(draftOffer.merge.merged);
    setDraftOffer(null);
    edited();
  }, [draftOffer, applyFields, edited]);

  const discardDraft = useCallback((): void => {
    const store = storage();
    if (store) dropDrafts(store, id);
    setDraftOffer(null);
  }, [id]);

  return {
    story,
    loadError,
    fields,
    status,
    editable: (story?.actions ?? []).includes('edit'),
    controller,
    bodyHandle,
    setField,
    bodyChanged: edited,
    read,
    adoptStory,
    reloadTheirs,
    keepMine,
    draftOffer,
    restoreDraft,
    discardDraft,
  };
}
