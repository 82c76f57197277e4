/**
 * A campaign's creatives: previews (images as they are, HTML in a sandboxed
 * frame that may run no script), click-through, alt text, on/off, delete;
 * and adding one — an image per size (button or drop) or sanitised HTML.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorNote, Field, SelectField, StatusNote } from '../ui/forms.js';
import { messageOf, useAction } from '../ui/use-action.js';
import { uploadImageCreative } from './ads-api.js';
import { ADS_BASE, AD_SIZES, sizeDimensions, type AdCampaign, type AdCreative } from './ads.js';
import { clickUrlProblem } from './campaign-form.js';
import { ConfirmDelete } from './parts.js';

/** HTML shown in a frame with an empty sandbox: no script, no forms, no popups, no top navigation, its own opaque origin. */
export function HtmlFrame(props: { html: string; size: string; title: string }): JSX.Element {
  const { width, height } = sizeDimensions(props.size);
  return <iframe class="creative__frame" sandbox="" srcdoc={props.html} width={width} height={height} title={props.title} loading="lazy" />;
}

function Preview(props: { creative: AdCreative }): JSX.Element {
  const c = props.creative;
  if (c.kind === 'html') return <HtmlFrame html={c.html ?? ''} size={c.size} title={`Preview of ${c.name}`} />;
  return c.imageUrl ? <img class="creative__image" src={c.imageUrl} width={c.width} height={c.height} alt={c.altText} /> : <span class="muted">No image</span>;
}

function CreativeCard(props: { creative: AdCreative; onChanged: () => void }): JSX.Element {
  const c = props.creative;
  const [name, setName] = useState(c.name);
  const [clickUrl, setClickUrl] = useState(c.clickUrl);
  const [altText, setAltText] = useState(c.altText);
  const [urlError, setUrlError] = useState<string | null>(null);
  useEffect(() => {
    setName(c.name);
    setClickUrl(c.clickUrl);
    setAltText(c.altText);
  }, [c]);
  const patch = useAction(async (body: Partial<Pick<AdCreative, 'name' | 'clickUrl' | 'altText' | 'active'>>) => {
    await api('PATCH', `${ADS_BASE}/creatives/${c.id}`, body);
    props.onChanged();
  });
  const changed = name !== c.name || clickUrl !== c.clickUrl || altText !== c.altText;

  return (
    <li class={c.active ? 'creative' : 'creative creative--off'}>
      <div class="creative__preview">
        <Preview creative={c} />
      </div>
      <form
        class="creative__details"
        aria-label={`Creative ${c.name}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problem = clickUrlProblem(clickUrl);
          setUrlError(problem);
          if (!problem) void patch.run({ name: name.trim(), clickUrl: clickUrl.trim(), altText: altText.trim() });
        }}
      >
        <p class="muted">
          {c.kind === 'html' ? 'HTML' : 'Image'} · {c.size}
          {c.kind === 'image' && ` · ${c.width}×${c.height}`}
        </p>
        <label class="checks__item">
          <input type="checkbox" checked={c.active} disabled={patch.busy} onChange={(e) => void patch.run({ active: e.currentTarget.checked })} />
          Active (may be served)
        </label>
        <Field label="Name" value={name} onValue={setName} maxLength={200} error={patch.field === 'name' ? patch.error : null} />
        <Field label="Click-through address" type="text" value={clickUrl} onValue={setClickUrl} maxLength={2000} error={urlError ?? (patch.field === 'clickUrl' ? patch.error : null)} />
        <Field label="Alt text" value={altText} onValue={setAltText} maxLength={300} error={patch.field === 'altText' ? patch.error : null} />
        <div class="actions">
          <button type="submit" disabled={!changed || patch.busy}>
            Save creative
          </button>
          <ConfirmDelete
            label="Delete"
            confirm="Yes, delete this creative"
            onDelete={async () => {
              await api('DELETE', `${ADS_BASE}/creatives/${c.id}`);
              props.onChanged();
            }}
          />
        </div>
        <ErrorNote error={patch.field && ['name', 'clickUrl', 'altText'].includes(patch.field) ? null : patch.error} />
      </form>
    </li>
  );
}

interface Common {
  name: string;
  size: string;
  clickUrl: string;
  altText: string;
}

/** The image's bytes: a file button that also takes a dropped file; refusals (too large, not an image, wrong size) show here. */
function ImageDrop(props: { onFile: (file: File) => Promise<unknown>; busy: boolean; problem: string | null }): JSX.Element {
  const id = useId();
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined): void => {
    const file = files?.[0];
    if (file && !props.busy) void props.onFile(file);
  };
  return (
    <div
      class={over ? 'upload upload--over' : 'upload'}
      onDragOver={(e) => {
        e.preventDefault();
        if (!over) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <label class="button primary" for={id}>
        Upload image creative
      </label>
      <input
        id={id}
        class="visually-hidden"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        disabled={props.busy}
        onChange={(e) => {
          const files = e.currentTarget.files;
          take(files);
          e.currentTarget.value = '';
        }}
      />
      <span class="muted upload__hint">or drop the image here · JPEG, PNG, WebP or GIF in the chosen size</span>
      {props.busy && <StatusNote>Uploading…</StatusNote>}
      {props.problem && (
        <p class="error" role="alert">
          {props.problem}
        </p>
      )}
    </div>
  );
}

function NewCreative(props: { campaign: AdCampaign; onAdded: () => void }): JSX.Element {
  const [kind, setKind] = useState<'image' | 'html'>('image');
  const [common, setCommon] = useState<Common>({ name: '', size: AD_SIZES[2], clickUrl: '', altText: '' });
  const [html, setHtml] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof Common | 'html', string>>>({});
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (change: Partial<Common>): void => setCommon((c) => ({ ...c, ...change }));

  /** The form's own checks; true when the creative may go to the server. */
  const check = (): boolean => {
    const e: typeof errors = {};
    const url = clickUrlProblem(common.clickUrl);
    if (url) e.clickUrl = url;
    if (kind === 'image' && !common.altText.trim()) e.altText = 'Say what the ad shows, for readers who cannot see it.';
    if (kind === 'html' && !html.trim()) e.html = 'Paste the creative’s HTML.';
    setErrors(e);
    return Object.keys(e).length === 0;
  };
  const meta = (fallbackName: string): Common => ({ name: common.name.trim() || fallbackName, size: common.size, clickUrl: common.clickUrl.trim(), altText: common.altText.trim() });
  const added = (c: AdCreative): void => {
    setDone(`Added “${c.name}”.`);
    setHtml('');
    set({ name: '', altText: '' });
    props.onAdded();
  };

  const upload = useAction(async (file: File) => {
    setUploadError(null);
    setDone(null);
    if (!check()) return;
    try {
      added(await uploadImageCreative(props.campaign.id, file, meta(file.name.replace(/\.[a-z0-9]+$/i, '') || 'Image')));
    } catch (err) {
      // named, like the media library's refusals: “banner.png: This image is 100 × 100 pixels; …”
      setUploadError(`${file.name}: ${messageOf(err)}`);
    }
  });
  const addHtml = useAction(async () => {
    setDone(null);
    if (!check()) return;
    added(await api<AdCreative>('POST', `${ADS_BASE}/campaigns/${props.campaign.id}/creatives`, { kind: 'html', html, ...meta(`HTML ${common.size}`) }));
  });
  const blame = (f: keyof Common | 'html', action: { field: string | null; error: string | null }): string | null => errors[f] ?? (action.field === f ? action.error : null);
  const action = kind === 'image' ? upload : addHtml;

  return (
    <form
      class="card new-creative"
      aria-label="Add a creative"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (kind === 'html') void addHtml.run();
      }}
    >
      <h3>Add a creative</h3>
      <div class="ad-form__grid">
        <SelectField label="Kind" value={kind} onValue={(k) => setKind(k === 'html' ? 'html' : 'image')} options={[{ value: 'image', label: 'Image' }, { value: 'html', label: 'HTML' }]} />
        <SelectField label="Size" value={common.size} onValue={(size) => set({ size })} options={AD_SIZES.map((s) => ({ value: s, label: s.replace('x', ' × ') }))} />
        <Field label="Name" value={common.name} onValue={(name) => set({ name })} maxLength={200} hint="Empty: the file name." error={blame('name', action)} />
        <Field label="Click-through address" value={common.clickUrl} onValue={(clickUrl) => set({ clickUrl })} maxLength={2000} placeholder="https://" error={blame('clickUrl', action)} />
        <Field label="Alt text" value={common.altText} onValue={(altText) => set({ altText })} maxLength={300} hint={kind === 'image' ? 'What the ad says and shows.' : 'Optional for HTML.'} error={blame('altText', action)} />
      </div>
      {kind === 'image' ? (
        <ImageDrop busy={upload.busy} onFile={(f) => upload.run(f)} problem={uploadError} />
      ) : (
        <>
          <Field
            label="HTML"
            rows={8}
            value={html}
            onValue={setHtml}
            maxLength={20000}
            hint="Sanitised when saved: no scripts, forms or styles; every link goes to the click-through address."
            error={blame('html', addHtml)}
          />
          {html.trim() && (
            <figure class="creative__preview">
              <HtmlFrame html={html} size={common.size} title="Preview of the HTML creative" />
              <figcaption class="muted">Preview (scripts do not run here or on the site).</figcaption>
            </figure>
          )}
          <div class="actions">
            <button type="submit" class="primary" disabled={addHtml.busy}>
              Add HTML creative
            </button>
          </div>
          <ErrorNote error={addHtml.field && ['name', 'clickUrl', 'altText', 'html'].includes(addHtml.field) ? null : addHtml.error} />
        </>
      )}
      {done && <StatusNote>{done}</StatusNote>}
    </form>
  );
}

export function CreativesPanel(props: { campaign: AdCampaign; onChanged: () => void }): JSX.Element {
  const { creatives } = props.campaign;
  return (
    <section class="ad-panel" aria-labelledby="creatives-h">
      <h2 id="creatives-h">Creatives</h2>
      {creatives.length === 0 ? (
        <p class="muted">No creatives yet: the campaign serves nothing until it has an active one in a slot’s size.</p>
      ) : (
        <ul class="creatives">
          {creatives.map((c) => (
            <CreativeCard key={c.id} creative={c} onChanged={props.onChanged} />
          ))}
        </ul>
      )}
      <NewCreative campaign={props.campaign} onAdded={props.onChanged} />
    </section>
  );
}
