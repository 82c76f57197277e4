/** The story's details beside the copy: section, kind, dateline, byline, tags, featured image, SEO, embargo. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { api, type MediaAsset } from '../api.js';
import { MediaPicker } from '../media/MediaPicker.js';
import { messageOf } from '../ui/use-action.js';
import type { MediaCache } from './media-cache.js';
import { AuthorPicker, TagPicker } from './pickers.js';
import { ARTICLE_KINDS, type FieldName, type Story, type StoryFields } from './story.js';
import { fromLocalInput, toLocalInput } from './time.js';

interface Section {
  id: number;
  name: string;
  path: string;
}

export interface MetaPanelProps {
  story: Story;
  fields: StoryFields;
  disabled: boolean;
  media: MediaCache;
  setField: <K extends FieldName>(name: K, value: StoryFields[K]) => void;
  errorFor: (name: FieldName) => string | null;
}

function FieldError(props: { message: string | null; id: string }): JSX.Element | null {
  return props.message ? (
    <p id={props.id} class="error" role="alert">
      {props.message}
    </p>
  ) : null;
}

/** One labelled control with its error; `render` gets the control's id and its aria-describedby. */
function Labelled(props: { label: string; error: string | null; hint?: string; children: (id: string, describedBy: string | undefined) => ComponentChildren }): JSX.Element {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.children(id, describedBy)}
      {props.hint && (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

function useSections(): { sections: Section[]; error: string | null } {
  const [sections, setSections] = useState<Section[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: Section[] }>('GET', '/admin/sections').then(
      (r) => setSections(r.items),
      (err: unknown) => setError(messageOf(err)),
    );
  }, []);
  return { sections, error };
}

function FeaturedImage(props: MetaPanelProps): JSX.Element {
  const { fields, story, media } = props;
  const [picking, setPicking] = useState(false);
  const [src, setSrc] = useState<string | null>(null);
  const imageId = fields.featuredImageId;
  const savedId = story.featuredImage?.id ?? null;
  const savedSrc = story.featuredImage?.src ?? null;
  useEffect(() => {
    if (imageId === null) return setSrc(null);
    if (savedId === imageId) return setSrc(savedSrc);
    let live = true;
    void media.url(imageId).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [imageId, savedId, savedSrc, media]);
  const pick = (asset: MediaAsset): void => {
    media.remember(asset);
    setPicking(false);
    props.setField('featuredImageId', asset.id);
  };
  return (
    <div class="field ed-featured" role="group" aria-label="Featured image">
      <span class="ed-group-label" aria-hidden="true">
        Featured image
      </span>
      {imageId !== null && (src ? <img class="ed-featured-img" src={src} alt="The featured image" /> : <p class="hint">Image {imageId}</p>)}
      {imageId === null && <p class="hint">No featured image.</p>}
      {!props.disabled && (
        <div class="ed-row">
          <button type="button" onClick={() => setPicking(true)}>
            {imageId === null ? 'Choose featured image' : 'Change featured image'}
          </button>
          {imageId !== null && (
            <button type="button" onClick={() => props.setField('featuredImageId', null)}>
              Remove featured image
            </button>
          )}
        </div>
      )}
      <FieldError id="featured-image-error" message={props.errorFor('featuredImageId')} />
      {picking && <MediaPicker onPick={pick} onClose={() => setPicking(false)} />}
    </div>
  );
}

function Byline(props: MetaPanelProps): JSX.Element {
  const { fields, disabled, setField } = props;
  const [mode, setMode] = useState<'authors' | 'agency'>(fields.agencyCredit !== null ? 'agency' : 'authors');
  const name = useId();
  // A reload or a merge can bring the other kind of byline.
  useEffect(() => {
    if (fields.agencyCredit !== null) setMode('agency');
    else if (fields.authorIds.length > 0) setMode('authors');
  }, [fields.agencyCredit, fields.authorIds.length]);
  const choose = (next: 'authors' | 'agency'): void => {
    setMode(next);
    // A story is signed by its authors or by an agency, never both (the API refuses it).
    if (next === 'agency' && fields.authorIds.length > 0) setField('authorIds', []);
    if (next === 'authors' && fields.agencyCredit !== null) setField('agencyCredit', null);
  };
  return (
    <fieldset class="ed-byline" disabled={disabled}>
      <legend>Byline</legend>
      <label class="ed-radio">
        <input type="radio" name={name} checked={mode === 'authors'} onChange={() => choose('authors')} /> By our authors
      </label>
      <label class="ed-radio">
        <input type="radio" name={name} checked={mode === 'agency'} onChange={() => choose('agency')} /> By an agency
      </label>
      {mode === 'authors' ? (
        <AuthorPicker value={fields.authorIds} initial={props.story.authors} disabled={disabled} onChange={(ids) => setField('authorIds', ids)} />
      ) : (
        <Labelled label="Agency credit" error={props.errorFor('agencyCredit')}>
          {(id, describedBy) => (
            <input id={id} type="text" maxLength={60} value={fields.agencyCredit ?? ''} aria-describedby={describedBy} onInput={(e) => setField('agencyCredit', e.currentTarget.value === '' ? null : e.currentTarget.value)} />
          )}
        </Labelled>
      )}
      <FieldError id="authors-error" message={props.errorFor('authorIds') ?? (mode === 'authors' ? props.errorFor('agencyCredit') : null)} />
    </fieldset>
  );
}

export function MetaPanel(props: MetaPanelProps): JSX.Element {
  const { fields, disabled, setField, errorFor } = props;
  const { sections, error: sectionsError } = useSections();
  return (
    <div class="ed-meta-fields">
      <Labelled label="Section" error={errorFor('sectionId') ?? sectionsError}>
        {(id, describedBy) => (
          <select id={id} disabled={disabled} aria-describedby={describedBy} value={fields.sectionId === null ? '' : String(fields.sectionId)} onChange={(e) => setField('sectionId', e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
            <option value="">No section</option>
            {sections.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {'— '.repeat(s.path.split('/').length - 1)}
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <Labelled label="Kind" error={errorFor('kind')}>
        {(id) => (
          <select id={id} disabled={disabled} value={fields.kind} onChange={(e) => setField('kind', e.currentTarget.value)}>
            {ARTICLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k[0]?.toUpperCase()}
                {k.slice(1)}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <div class="ed-row">
        <Labelled label="Dateline place" error={errorFor('datelinePlace')}>
          {(id, describedBy) => <input id={id} type="text" maxLength={120} disabled={disabled} aria-describedby={describedBy} value={fields.datelinePlace} onInput={(e) => setField('datelinePlace', e.currentTarget.value)} />}
        </Labelled>
        <Labelled label="Dateline date" error={errorFor('datelineDate')}>
          {(id, describedBy) => <input id={id} type="date" disabled={disabled} aria-describedby={describedBy} value={fields.datelineDate ?? ''} onInput={(e) => setField('datelineDate', e.currentTarget.value === '' ? null : e.currentTarget.value)} />}
        </Labelled>
      </div>
      <Byline {...props} />
      <TagPicker value={fields.tagIds} initial={props.story.tags} disabled={disabled} onChange={(ids) => setField('tagIds', ids)} />
      <FeaturedImage {...props} />
      <Labelled label="Embargo until" error={errorFor('embargoUntil')} hint="Publishing before this time is refused.">
        {(id, describedBy) => (
          <div class="ed-row">
            <input id={id} type="datetime-local" disabled={disabled} aria-describedby={describedBy} value={toLocalInput(fields.embargoUntil)} onInput={(e) => setField('embargoUntil', fromLocalInput(e.currentTarget.value))} />
            {fields.embargoUntil !== null && !disabled && (
              <button type="button" onClick={() => setField('embargoUntil', null)}>
                Clear embargo
              </button>
            )}
          </div>
        )}
      </Labelled>
      <fieldset class="ed-seo">
        <legend>Search and sharing</legend>
        <Labelled label="SEO title" error={errorFor('seoTitle')} hint="Leave empty to use the headline.">
          {(id, describedBy) => <input id={id} type="text" maxLength={200} disabled={disabled} aria-describedby={describedBy} value={fields.seoTitle} onInput={(e) => setField('seoTitle', e.currentTarget.value)} />}
        </Labelled>
        <Labelled label="SEO description" error={errorFor('seoDescription')} hint="Leave empty to use the standfirst.">
          {(id, describedBy) => <textarea id={id} rows={3} maxLength={400} disabled={disabled} aria-describedby={describedBy} value={fields.seoDescription} onInput={(e) => setField('seoDescription', e.currentTarget.value)} />}
        </Labelled>
        <Labelled label="Slug" error={errorFor('slug')} hint="The last part of the story's address: lowercase letters, digits and hyphens.">
          {(id, describedBy) => <input id={id} type="text" disabled={disabled} aria-describedby={describedBy} value={fields.slug} onInput={(e) => setField('slug', e.currentTarget.value)} />}
        </Labelled>
      </fieldset>
    </div>
  );
}
