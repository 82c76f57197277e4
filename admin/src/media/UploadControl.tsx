/**
 * "Upload image": a button-like file chooser that also takes files dropped
 * on it. Each file is uploaded in turn; the server's refusal of any of them
 * (too large, not an image) is shown right here, naming the file.
 */
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import { uploadMedia, type MediaAsset } from '../api.js';
import { StatusNote } from '../ui/forms.js';
import { uploadProblem } from './library.js';

export function UploadControl(props: { onUploaded: (asset: MediaAsset) => void; multiple?: boolean }): JSX.Element {
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  async function upload(files: readonly File[]): Promise<void> {
    if (files.length === 0 || busy) return;
    const failed: string[] = [];
    let ok = 0;
    setProblems([]);
    setDone(null);
    for (const file of files) {
      setBusy(`Uploading ${file.name}…`);
      try {
        props.onUploaded(await uploadMedia(file));
        ok += 1;
      } catch (err) {
        failed.push(uploadProblem(file.name, err));
      }
    }
    setBusy(null);
    setProblems(failed);
    if (ok > 0) setDone(ok === 1 ? 'Uploaded 1 image.' : `Uploaded ${ok} images.`);
  }

  return (
    <div
      class={over ? 'upload upload--over' : 'upload'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void upload([...(e.dataTransfer?.files ?? [])]);
      }}
    >
      <label class="button primary" for={id}>
        Upload image
      </label>
      <input
        id={id}
        class="visually-hidden"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        multiple={props.multiple ?? true}
        disabled={busy !== null}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          void upload(files);
        }}
      />
      <span class="muted upload__hint">or drop images here · JPEG, PNG, WebP, AVIF or GIF, up to 25 MB</span>
      {busy && <StatusNote>{busy}</StatusNote>}
      {!busy && done && <StatusNote>{done}</StatusNote>}
      {problems.length > 0 && (
        <div class="error" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
    </div>
  );
}
