/**
 * The story editor screen (/newsroom/stories/:id): headline, standfirst and
 * the rich body on the left, the story's details on the right, its commands
 * and save state on top. Loaded as its own chunk with Tiptap (see
 * shell/lazy-editor.tsx); the styles come with it.
 */
import './editor.css';
import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useSession } from '../session.js';
import { commandForKey, type Panel } from './actions.js';
import { ActionBar } from './ActionBar.js';
import { BodyEditor } from './BodyEditor.js';
import { ConflictPanel } from './ConflictPanel.js';
import { HistoryPanel } from './HistoryPanel.js';
import { createMediaCache } from './media-cache.js';
import type { MergeResult } from './merge.js';
import { MetaPanel } from './MetaPanel.js';
import { PreviewPanel } from './PreviewPanel.js';
import type { SaveStatus } from './save-controller.js';
import { FIELD_LABELS, FIELD_NAMES, type FieldName, type Story } from './story.js';
import { clockTime, dateTime } from './time.js';
import { useCommands } from './use-commands.js';
import { useStoryEditor, type StoryEditorModel } from './use-story-editor.js';

const STATUS_NAMES: Readonly<Record<string, string>> = {
  draft: 'Draft',
  submitted: 'Submitted to the desk',
  in_edit: 'In edit',
  ready: 'Ready',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  killed: 'Killed',
};

function saveText(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return status.at ? `Saved ${clockTime(status.at)}` : 'Saved';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Offline — will retry';
    case 'failed':
      return 'Not saved';
    case 'conflict':
      return 'Not saved — someone else saved this story';
  }
}

function StatusBadge(props: { story: Story }): JSX.Element {
  const { story } = props;
  return (
    <p class="ed-status">
      <span class={`badge badge--${story.status}`}>{STATUS_NAMES[story.status] ?? story.status}</span>
      {story.status === 'scheduled' && story.scheduledAt && ` for ${dateTime(story.scheduledAt)}`}
      {story.embargoUntil && story.embargoUntil > new Date().toISOString() && ` · embargoed until ${dateTime(story.embargoUntil)}`}
    </p>
  );
}

function Banners(props: { model: StoryEditorModel; story: Story; merged: MergeResult | null; onKeepMine: (r: MergeResult) => void; onDismissMerge: () => void }): JSX.Element {
  const { model, story, merged } = props;
  const { status, draftOffer } = model;
  return (
    <>
      {status.kind === 'conflict' && model.controller && (
        <ConflictPanel
          theirs={status.theirs}
          base={model.controller.base}
          mine={model.read()}
          onReload={() => model.reloadTheirs(status.theirs)}
          onKeep={() => props.onKeepMine(model.keepMine(status.theirs))}
        />
      )}
      {merged && merged.both.length > 0 && (
        <div class="ed-banner ed-banner--info">
          <p>
            Your version was kept for {merged.both.map((n) => FIELD_LABELS[n]).join(', ')}, which the other person had also changed. Their other changes are in.
          </p>
          <button type="button" onClick={props.onDismissMerge}>
            Dismiss
          </button>
        </div>
      )}
      {draftOffer && (
        <div class="ed-banner ed-banner--warn">
          <p>
            This browser kept unsaved changes from {dateTime(draftOffer.draft.savedAt)} ({[...draftOffer.merge.mine, ...draftOffer.merge.both].map((n) => FIELD_LABELS[n]).join(', ')}).
          </p>
          <button type="button" class="primary" onClick={model.restoreDraft}>
            Restore unsaved changes
          </button>
          <button type="button" onClick={model.discardDraft}>
            Discard them
          </button>
        </div>
      )}
      {story.deskNote && (
        <div class="ed-banner ed-banner--note" role="note" aria-label="Note from the desk">
          <p>
            <strong>{story.status === 'draft' ? 'Sent back by the desk: ' : 'Note from the desk: '}</strong>
            {story.deskNote}
          </p>
        </div>
      )}
      {!model.editable && story.status !== 'killed' && (
        <p class="ed-banner ed-banner--info">This story is {(STATUS_NAMES[story.status] ?? story.status).toLowerCase()}: you can read it but not change it now.</p>
      )}
    </>
  );
}

export function StoryEditor(props: { id: number }): JSX.Element {
  const model = useStoryEditor(props.id);
  const { story, fields, status, controller, editable } = model;
  const media = useMemo(createMediaCache, [props.id]);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [merged, setMerged] = useState<MergeResult | null>(null);
  const { permissions } = useSession();
  const runner = useCommands({ story, permissions, controller, openPanel: setPanel, onStory: (s) => model.adoptStory(s, false) });

  // Shortcuts read the same command list as the buttons.
  const shortcuts = useRef(runner);
  shortcuts.current = runner;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const command = commandForKey(event, shortcuts.current.available);
      if (command) {
        event.preventDefault();
        void shortcuts.current.invoke(command);
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault(); // never the browser's "save page" over the editor
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const errorFor = useCallback(
    (name: FieldName): string | null => {
      if (status.kind !== 'failed' || status.field === null) return null;
      const f = status.field;
      return f === name || f.startsWith(`${name}.`) || f.startsWith(`${name}[`) ? status.message : null;
    },
    [status],
  );

  if (model.loadError) {
    return (
      <div class="ed">
        <p class="error" role="alert">
          {model.loadError}
        </p>
        <p>
          <a href="/newsroom">Back to all stories</a>
        </p>
      </div>
    );
  }
  if (!story || !fields) {
    return (
      <div class="ed">
        <p class="status" role="status">
          Opening the story…
        </p>
      </div>
    );
  }

  // A refused save is shown beside the field the server blamed; otherwise here, under the save state.
  const saveError = status.kind === 'failed' && !FIELD_NAMES.some((n) => errorFor(n) !== null) ? status.message : null;
  return (
    <div class="ed">
      <header class="ed-head">
        <div class="ed-head-line">
          <a href="/newsroom" class="ed-back">
            All stories
          </a>
          <h1 id="ed-title" class="visually-hidden">
            Edit story: {fields.headline || 'Untitled'}
          </h1>
          <StatusBadge story={story} />
          <p class="ed-save" role="status" data-state={status.kind}>
            {saveText(status)}
          </p>
        </div>
        {saveError && (
          <p class="error" role="alert">
            {saveError}
          </p>
        )}
        <ActionBar runner={runner} />
      </header>
      <Banners model={model} story={story} merged={merged} onKeepMine={setMerged} onDismissMerge={() => setMerged(null)} />
      <div class="ed-main">
        <div class="ed-copy">
          <CopyField label="Headline" rows={2} maxLength={300} value={fields.headline} disabled={!editable} error={errorFor('headline')} onValue={(v) => model.setField('headline', v)} big />
          <CopyField label="Standfirst" rows={3} maxLength={1000} value={fields.standfirst} disabled={!editable} error={errorFor('standfirst')} onValue={(v) => model.setField('standfirst', v)} />
          <div class="field">
            <span class="label" aria-hidden="true">
              Story body
            </span>
            <BodyEditor
              key={story.id}
              initial={fields.body}
              editable={editable}
              onChange={model.bodyChanged}
              handle={model.bodyHandle}
              resolveMediaUrl={media.url}
              onMediaPicked={media.remember}
            />
            {errorFor('body') && (
              <p class="error" role="alert">
                {errorFor('body')}
              </p>
            )}
          </div>
        </div>
        <aside class="ed-meta" aria-label="Story details">
          <MetaPanel story={story} fields={fields} disabled={!editable} media={media} setField={model.setField} errorFor={errorFor} />
        </aside>
      </div>
      {panel === 'preview' && <PreviewPanel storyId={story.id} revision={story.revision} onClose={() => setPanel(null)} />}
      {panel === 'history' && (
        <HistoryPanel
          storyId={story.id}
          revision={controller?.revision ?? story.revision}
          canRestore={editable}
          beforeRestore={() => controller?.flush() ?? Promise.resolve(false)}
          onRestored={(s) => model.adoptStory(s, true)}
          onClose={() => setPanel(null)}
        />
      )}
    </div>
  );
}

function CopyField(props: { label: string; value: string; rows: number; maxLength: number; disabled: boolean; error: string | null; big?: boolean; onValue: (v: string) => void }): JSX.Element {
  const id = `ed-${props.label.toLowerCase()}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        class={props.big ? 'ed-headline' : 'ed-standfirst'}
        rows={props.rows}
        maxLength={props.maxLength}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
      {props.error && (
        <p id={`${id}-error`} class="error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
