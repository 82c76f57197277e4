/**
 * Choosing an image for a story (featured image, image block): a modal
 * dialog to search the library or upload a new picture, which is then
 * picked at once.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MediaAsset } from '../api.js';
import { can, useSession } from '../session.js';
import { ErrorNote, StatusNote } from '../ui/forms.js';
import { MediaGrid } from './MediaGrid.js';
import { SearchBox } from './SearchBox.js';
import { UploadControl } from './UploadControl.js';
import { useLibrary } from './use-library.js';

export function MediaPicker(props: { onPick: (a: MediaAsset) => void; onClose: () => void }): JSX.Element {
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [q, setQ] = useState('');
  const library = useLibrary(q);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    // showModal: focus moves in, the page behind is inert, Escape closes.
    if (!d.open) d.showModal();
    const onCancel = (e: Event): void => {
      e.preventDefault();
      onClose.current();
    };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open) d.close();
    };
  }, []);

  return (
    <dialog ref={dialog} class="picker" aria-labelledby="picker-title">
      <div class="picker__head">
        <h2 id="picker-title">Choose an image</h2>
        <button type="button" onClick={() => props.onClose()}>
          Cancel
        </button>
      </div>
      <div class="picker__tools">
        <SearchBox value={q} onSearch={setQ} />
        {can(session, 'media:write') && <UploadControl multiple={false} onUploaded={props.onPick} />}
      </div>
      <ErrorNote error={library.error} />
      <div class="picker__body">
        {library.items === null ? (
          !library.error && <StatusNote>Loading images…</StatusNote>
        ) : library.items.length === 0 ? (
          <StatusNote>{q ? 'No images match.' : 'The library is empty.'}</StatusNote>
        ) : (
          <MediaGrid items={library.items} chooseLabel="Choose" onChoose={props.onPick} />
        )}
        {library.nextCursor && (
          <div class="list-foot">
            <button type="button" disabled={library.loadingMore} onClick={library.loadMore}>
              {library.loadingMore ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </div>
    </dialog>
  );
}
