/** Add or edit a wire source: where its copy comes from, how it is credited, and its auto-publish rules. */
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import { api } from '../api.js';
import { useFocusOnOpen } from '../editor/focus.js';
import { ErrorNote, Field, SelectField } from '../ui/forms.js';
import { useAction } from '../ui/use-action.js';
import { RulesEditor, type Section } from './RulesEditor.js';
import { KINDS, POLL_MIN_S, checkForm, emptyForm, formFieldOf, formFromSource, type FormErrors, type SourceForm } from './source-form.js';
import type { SourceKind, WireSourceView } from './types.js';

function Check(props: { label: string; checked: boolean; onValue: (v: boolean) => void; hint?: string }): JSX.Element {
  const id = useId();
  return (
    <div class="field wire-check">
      <label for={id}>
        <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onValue(e.currentTarget.checked)} aria-describedby={props.hint ? `${id}-hint` : undefined} />{' '}
        {props.label}
      </label>
      {props.hint && (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

export function SourceEditor(props: { source: WireSourceView | null; sections: readonly Section[]; onSaved: (s: WireSourceView) => void; onCancel: () => void }): JSX.Element {
  const { source } = props;
  const [form, setForm] = useState<SourceForm>(() => (source ? formFromSource(source) : emptyForm()));
  const [checked, setChecked] = useState<FormErrors>({});
  const root = useFocusOnOpen<HTMLFormElement>();
  const set = (change: Partial<SourceForm>): void => setForm((f) => ({ ...f, ...change }));

  const save = useAction(async () => {
    const { body, errors } = checkForm(form);
    setChecked(errors ?? {});
    if (!body) return;
    const saved = source ? await api<WireSourceView>('PATCH', `/admin/wire/sources/${source.id}`, body) : await api<WireSourceView>('POST', '/admin/wire/sources', body);
    props.onSaved(saved);
  });
  const blamed = formFieldOf(save.field);
  const errors: FormErrors = { ...checked, ...(save.error && blamed ? { [blamed]: save.error } : {}) };
  const err = (field: string): string | null => errors[field] ?? null;
  const kindHint = KINDS.find((k) => k.value === form.kind)?.hint;

  return (
    <form
      ref={root}
      class="card wire-source-form"
      aria-label={source ? `Edit ${source.name}` : 'New wire source'}
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h2>{source ? `Edit ${source.name}` : 'New wire source'}</h2>
      <Field label="Name" value={form.name} onValue={(name) => set({ name })} error={err('name')} required maxLength={200} />
      <Field label="Agency" hint="As its items are keyed: AFP, Reuters, PTI …" value={form.agency} onValue={(agency) => set({ agency })} error={err('agency')} required maxLength={100} />
      <Field label="Credit line" hint="Put on stories made from this copy when the copy names none; the agency’s name when empty." value={form.credit} onValue={(credit) => set({ credit })} error={err('credit')} maxLength={200} />
      <SelectField label="Kind" value={form.kind} onValue={(kind) => set({ kind: kind as SourceKind })} options={KINDS} />
      {kindHint && <p class="hint">{kindHint}</p>}
      {err('kind') && (
        <p class="error" role="alert">
          {err('kind')}
        </p>
      )}
      {form.kind === 'folder' && (
        <Field label="Folder path" hint="An absolute path on the server. Files move to processed/ or quarantine/ inside it." value={form.folderPath} onValue={(folderPath) => set({ folderPath })} error={err('folderPath')} required />
      )}
      {form.kind === 'poll' && (
        <>
          <Field label="Feed URL" value={form.feedUrl} onValue={(feedUrl) => set({ feedUrl })} error={err('feedUrl')} required placeholder="https://" />
          <Field label="Poll every (seconds)" type="number" hint={`At least ${POLL_MIN_S}.`} value={form.pollInterval} onValue={(pollInterval) => set({ pollInterval })} error={err('pollIntervalSeconds')} />
        </>
      )}
      {form.kind === 'push' && <p class="hint">After saving, make a push secret: the agency signs each post with it.</p>}
      <Check label="Enabled" checked={form.enabled} onValue={(enabled) => set({ enabled })} />
      <Check
        label="Apply updates automatically"
        hint="A newer version of an item goes straight into the story made from it; otherwise the desk sees “update available”."
        checked={form.autoApplyUpdates}
        onValue={(autoApplyUpdates) => set({ autoApplyUpdates })}
      />
      <RulesEditor rows={form.rules} sections={props.sections} errors={errors} onChange={(rules) => set({ rules })} />
      <div class="actions">
        <button type="submit" class="primary" disabled={save.busy}>
          {save.busy ? 'Saving…' : source ? 'Save source' : 'Add source'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      {Object.keys(checked).length > 0 && (
        <p class="error" role="alert">
          Check the fields marked above.
        </p>
      )}
      <ErrorNote error={blamed ? null : save.error} />
    </form>
  );
}
