/** One image's caption, credit, alt text and focal point (click or tap the picture, or use the arrow keys). */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, type MediaAsset } from '../api.js';
import { ErrorNote, Field, StatusNote } from '../ui/forms.js';
import { useAction } from '../ui/use-action.js';
import { focalFromPoint, humanSize, variantUrl } from './library.js';

const STEP = 0.05;

function FocalPicker(props: { asset: MediaAsset; x: number; y: number; onChange: (x: number, y: number) => void; disabled: boolean }): JSX.Element {
  const { asset, x, y } = props;
  const move = (dx: number, dy: number): void => props.onChange(Math.min(1, Math.max(0, Math.round((x + dx) * 1000) / 1000)), Math.min(1, Math.max(0, Math.round((y + dy) * 1000) / 1000)));
  return (
    <div class="focal">
      <button
        type="button"
        class="focal__image"
        disabled={props.disabled}
        aria-label={`Focal point at ${Math.round(x * 100)}% across, ${Math.round(y * 100)}% down. Click the picture or use the arrow keys to move it.`}
        onClick={(e) => {
          const { focalX, focalY } = focalFromPoint(e.currentTarget.getBoundingClientRect(), e.clientX, e.clientY);
          props.onChange(focalX, focalY);
        }}
        onKeyDown={(e) => {
          const d = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] }[e.key];
          if (!d) return;
          e.preventDefault();
          move(d[0] ?? 0, d[1] ?? 0);
        }}
      >
        <img src={variantUrl(asset, 800)} alt={asset.altText} width={asset.width} height={asset.height} />
        <span class="focal__mark" style={{ left: `${x * 100}%`, top: `${y * 100}%` }} aria-hidden="true" />
      </button>
      <small class="muted">Crops for search and social cards keep the focal point in view.</small>
    </div>
  );
}

export function MediaDetails(props: { asset: MediaAsset; canEdit: boolean; onSaved: (a: MediaAsset) => void; onDeleted: (id: number) => void }): JSX.Element {
  const { asset } = props;
  const [caption, setCaption] = useState(asset.caption);
  const [credit, setCredit] = useState(asset.credit);
  const [altText, setAltText] = useState(asset.altText);
  const [focal, setFocal] = useState({ x: asset.focalX, y: asset.focalY });
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    setConfirming(false);
    setCaption(asset.caption);
    setCredit(asset.credit);
    setAltText(asset.altText);
    setFocal({ x: asset.focalX, y: asset.focalY });
  }, [asset]);

  const save = useAction(async () => {
    setSaved(false);
    const updated = await api<MediaAsset>('PATCH', `/admin/media/${asset.id}`, { caption, credit, altText, focalX: focal.x, focalY: focal.y });
    props.onSaved(updated);
    setSaved(true);
  });
  const remove = useAction(async () => {
    await api('DELETE', `/admin/media/${asset.id}`);
    props.onDeleted(asset.id);
  });
  const blame = (field: string): string | null => (save.field === field ? save.error : null);
  const changed = caption !== asset.caption || credit !== asset.credit || altText !== asset.altText || focal.x !== asset.focalX || focal.y !== asset.focalY;

  return (
    <form
      class="media-details"
      aria-label="Image details"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <FocalPicker asset={asset} x={focal.x} y={focal.y} disabled={!props.canEdit} onChange={(x, y) => setFocal({ x, y })} />
      <p class="muted">
        {asset.originalName} · {asset.width}×{asset.height}
        {asset.byteSize !== undefined && ` · ${humanSize(asset.byteSize)}`} ·{' '}
        <a href={asset.url} target="_blank" rel="noopener">
          Original
        </a>
      </p>
      <Field label="Caption" rows={3} value={caption} onValue={setCaption} maxLength={2000} disabled={!props.canEdit} error={blame('caption')} />
      <Field label="Credit" value={credit} onValue={setCredit} maxLength={200} disabled={!props.canEdit} error={blame('credit')} />
      <Field label="Alt text" rows={2} value={altText} onValue={setAltText} maxLength={500} disabled={!props.canEdit} hint="What the picture shows, for readers who cannot see it." error={blame('altText')} />
      {props.canEdit && (
        <div class="actions">
          <button type="submit" class="primary" disabled={save.busy || !changed}>
            Save
          </button>
          {confirming ? (
            <>
              <button type="button" class="danger" disabled={remove.busy} onClick={() => void remove.run()}>
                Yes, delete it
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              Delete image
            </button>
          )}
        </div>
      )}
      <ErrorNote error={save.field && ['caption', 'credit', 'altText'].includes(save.field) ? null : save.error} />
      <ErrorNote error={remove.error} />
      {saved && !changed && <StatusNote>Saved.</StatusNote>}
    </form>
  );
}
