/** The media library: search, upload (button or drop), and edit one image's details beside the grid. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { MediaAsset } from '../api.js';
import { navigate } from '../router.js';
import { can, useSession } from '../session.js';
import { ErrorNote, StatusNote } from '../ui/forms.js';
import { MediaDetails } from './MediaDetails.js';
import { MediaGrid } from './MediaGrid.js';
import { SearchBox } from './SearchBox.js';
import { UploadControl } from './UploadControl.js';
import { useLibrary } from './use-library.js';

export function MediaScreen(props: { query: Record<string, string> }): JSX.Element {
  const session = useSession();
  const canEdit = can(session, 'media:write');
  const q = props.query['q'] ?? '';
  const library = useLibrary(q);
  const [selected, setSelected] = useState<MediaAsset | null>(null);

  return (
    <section class="media">
      <div class="screen__head">
        <h1>Media</h1>
        {canEdit && (
          <UploadControl
            onUploaded={(a) => {
              library.put(a);
              setSelected(a);
            }}
          />
        )}
      </div>
      <SearchBox value={q} onSearch={(next) => navigate(next ? `/newsroom/media?q=${encodeURIComponent(next)}` : '/newsroom/media', { replace: true })} />
      <ErrorNote error={library.error} />
      <div class={selected ? 'media__layout media__layout--open' : 'media__layout'}>
        <div>
          {library.items === null ? (
            !library.error && <StatusNote>Loading images…</StatusNote>
          ) : library.items.length === 0 ? (
            <StatusNote>{q ? 'No images match.' : 'The library is empty. Upload the first image.'}</StatusNote>
          ) : (
            <MediaGrid items={library.items} selectedId={selected?.id ?? null} chooseLabel="Edit" onChoose={setSelected} />
          )}
          {library.nextCursor && (
            <div class="list-foot">
              <button type="button" disabled={library.loadingMore} onClick={library.loadMore}>
                {library.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </div>
        {selected && (
          <aside class="media__panel" aria-label="Selected image">
            <div class="media__panel-head">
              <h2>Image details</h2>
              <button type="button" class="link" onClick={() => setSelected(null)}>
                Close
              </button>
            </div>
            <MediaDetails
              asset={selected}
              canEdit={canEdit}
              onSaved={(a) => {
                library.put(a);
                setSelected(a);
              }}
              onDeleted={(id) => {
                library.drop(id);
                setSelected(null);
              }}
            />
          </aside>
        )}
      </div>
    </section>
  );
}
