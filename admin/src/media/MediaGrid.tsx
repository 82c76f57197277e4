/** Thumbnails of the library; choosing one selects it (the Media screen edits it, the picker hands it over). */
import type { JSX } from 'preact';
import type { MediaAsset } from '../api.js';
import { variantUrl } from './library.js';

export function MediaGrid(props: { items: readonly MediaAsset[]; selectedId?: number | null; onChoose: (asset: MediaAsset) => void; chooseLabel: string }): JSX.Element {
  return (
    <ul class="media-grid">
      {props.items.map((a) => {
        const name = a.caption || a.altText || a.originalName;
        return (
          <li key={a.id}>
            <button
              type="button"
              class="media-grid__item"
              aria-pressed={props.selectedId === undefined ? undefined : props.selectedId === a.id}
              aria-label={`${props.chooseLabel}: ${name}`}
              onClick={() => props.onChoose(a)}
            >
              <img src={variantUrl(a, 320)} alt="" width={160} height={Math.round((160 * a.height) / Math.max(1, a.width))} loading="lazy" decoding="async" />
              <span class="media-grid__name">{name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
