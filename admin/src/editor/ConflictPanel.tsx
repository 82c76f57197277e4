/**
 * Someone else saved the story while this editor had unsaved changes. Shows
 * their version of what they changed and lets the person choose: reload
 * theirs (drop mine) or keep mine (my changed fields on top of theirs). No
 * choice, no save: nothing is ever overwritten silently.
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { BodyDocument } from './body-types.js';
import { mergeFields } from './merge.js';
import { FIELD_LABELS, fieldsFromStory, type FieldName, type Story, type StoryFields } from './story.js';
import { dateTime } from './time.js';

function bodyExcerpt(body: BodyDocument): string {
  const parts: string[] = [];
  for (const block of body.content) {
    const runs = block.type === 'list' ? block.items.flat() : 'content' in block ? block.content : [];
    parts.push(runs.map((r) => (r.type === 'text' ? r.text : ' ')).join(''));
  }
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > 400 ? `${text.slice(0, 400)}…` : text || '(empty)';
}

/** Their value of one field, in words (names rather than ids where their story has them). */
export function describeValue(name: FieldName, fields: StoryFields, story: Story): string {
  switch (name) {
    case 'body':
      return bodyExcerpt(fields.body);
    case 'sectionId':
      return story.section?.name ?? 'No section';
    case 'authorIds':
      return story.authors.map((a) => a.name).join(', ') || 'No authors';
    case 'tagIds':
      return story.tags.map((t) => t.name).join(', ') || 'No tags';
    case 'featuredImageId':
      return fields.featuredImageId === null ? 'No featured image' : `Image ${fields.featuredImageId}`;
    case 'embargoUntil':
      return fields.embargoUntil === null ? 'No embargo' : dateTime(fields.embargoUntil);
    default: {
      const value = fields[name];
      return value === null || value === '' ? '(empty)' : String(value);
    }
  }
}

export function ConflictPanel(props: { theirs: Story; base: StoryFields; mine: StoryFields; onReload: () => void; onKeep: () => void }): JSX.Element {
  const titleId = useId();
  const theirFields = fieldsFromStory(props.theirs);
  const preview = mergeFields(props.base, props.mine, theirFields);
  const theirChanges: FieldName[] = [...preview.theirs, ...preview.both];
  const who = props.theirs.lastEditedBy ?? 'Someone else';
  return (
    <section class="ed-conflict" aria-labelledby={titleId}>
      <h2 id={titleId}>{who} saved this story while you were editing</h2>
      <p>
        Their version is revision {props.theirs.revision}, saved {dateTime(props.theirs.modifiedAt)}. Your changes are not saved yet.
      </p>
      {theirChanges.length > 0 ? (
        <dl class="ed-conflict-fields">
          {theirChanges.map((name) => (
            <div key={name} class={preview.both.includes(name) ? 'ed-both' : undefined}>
              <dt>
                {FIELD_LABELS[name]}
                {preview.both.includes(name) && <strong> — you both changed this</strong>}
              </dt>
              <dd>{describeValue(name, theirFields, props.theirs)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>They changed nothing you see here (only the story's status or history).</p>
      )}
      <p class="hint">
        “Keep mine” puts your changes ({[...preview.mine, ...preview.both].map((n) => FIELD_LABELS[n]).join(', ') || 'none'}) on top of their version
        {preview.both.length > 0 && <> — for {preview.both.map((n) => FIELD_LABELS[n]).join(', ')} yours replaces theirs</>}. “Reload theirs” drops your unsaved changes.
      </p>
      <div class="ed-row">
        <button type="button" onClick={props.onReload}>
          Reload theirs
        </button>
        <button type="button" class="primary" onClick={props.onKeep}>
          Keep mine
        </button>
      </div>
    </section>
  );
}
