/**
 * What /advertise shows (the rate card: intro, one row per placement, other
 * ways to advertise) and the ad-network tag each slot falls back to when no
 * direct campaign wins.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorNote, Field, StatusNote } from '../ui/forms.js';
import { useAction } from '../ui/use-action.js';
import { ADS_BASE, AD_SLOTS, AD_SLOT_KINDS, type NetworkSettings, type RateCard } from './ads.js';
import { checkNetwork, checkRateCard, EMPTY_ROW, moveRow, networkForm, rateCardForm, type NetworkForm, type RateCardForm, type RowErrors, type RowForm } from './desk.js';
import { CheckGroup } from './parts.js';
import { useLoad } from './use-load.js';

function RowFields(props: { row: RowForm; index: number; count: number; errors: RowErrors; onChange: (r: RowForm) => void; onMove: (delta: number) => void; onRemove: () => void }): JSX.Element {
  const { row, index } = props;
  const set = (change: Partial<RowForm>): void => props.onChange({ ...row, ...change });
  return (
    <fieldset class="rate-row">
      <legend>Row {index + 1}</legend>
      <Field label="Placement" value={row.placement} onValue={(placement) => set({ placement })} maxLength={200} error={props.errors.placement ?? null} />
      <Field label="Size" value={row.size} onValue={(size) => set({ size })} maxLength={200} placeholder="300×250" error={props.errors.size ?? null} />
      <Field label="Price" value={row.price} onValue={(price) => set({ price })} maxLength={200} hint="As it should read: ₹250, On request." error={props.errors.price ?? null} />
      <Field label="Unit" value={row.unit} onValue={(unit) => set({ unit })} maxLength={200} placeholder="CPM" error={props.errors.unit ?? null} />
      <Field label="Notes" value={row.notes} onValue={(notes) => set({ notes })} maxLength={200} error={props.errors.notes ?? null} />
      <div class="actions rate-row__tools">
        <button type="button" disabled={index === 0} onClick={() => props.onMove(-1)} aria-label={`Move row ${index + 1} up`}>
          ↑
        </button>
        <button type="button" disabled={index === props.count - 1} onClick={() => props.onMove(1)} aria-label={`Move row ${index + 1} down`}>
          ↓
        </button>
        <button type="button" class="danger" onClick={props.onRemove}>
          Remove row
        </button>
      </div>
    </fieldset>
  );
}

function RateCardEditor(props: { card: RateCard }): JSX.Element {
  const [form, setForm] = useState<RateCardForm>(() => rateCardForm(props.card));
  const [problems, setProblems] = useState<Exclude<ReturnType<typeof checkRateCard>, { ok: true }> | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (change: Partial<RateCardForm>): void => {
    setForm((f) => ({ ...f, ...change }));
    setSaved(false);
  };
  const save = useAction(async () => {
    const checked = checkRateCard(form);
    if (!checked.ok) {
      setProblems(checked);
      throw new Error('Some rows need fixing: see the messages beside them.');
    }
    setProblems(null);
    // Unused rows go now, so the server's blame ('rows.2.price') names the row on screen.
    setForm((f) => ({ ...f, rows: checked.card.rows.map((r) => ({ ...r, price: String(r.price) })) }));
    const card = await api<RateCard>('PUT', `${ADS_BASE}/rate-card`, checked.card);
    setForm(rateCardForm(card));
    setSaved(true);
  });

  const m = save.field ? /^rows\.(\d+)\.(\w+)$/.exec(save.field) : null;
  const blamed = m ? { row: Number(m[1]), key: m[2] as keyof RowForm } : null;

  return (
    <form
      class="card rate-card-form"
      aria-labelledby="rate-h"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h2 id="rate-h">Rate card</h2>
      <p>
        Shown on{' '}
        <a href="/advertise" target="_blank" rel="noopener">
          the “Advertise with us” page
        </a>{' '}
        (opens the live page) above the inquiry form.
      </p>
      <Field label="Introduction" rows={4} value={form.intro} onValue={(intro) => set({ intro })} maxLength={2000} error={problems?.intro ?? (save.field === 'intro' ? save.error : null)} />
      {form.rows.map((row, i) => (
        <RowFields
          key={i}
          row={row}
          index={i}
          count={form.rows.length}
          errors={problems?.rows[i] ?? (blamed && blamed.row === i ? { [blamed.key]: save.error ?? '' } : {})}
          onChange={(r) => set({ rows: form.rows.map((x, j) => (j === i ? r : x)) })}
          onMove={(d) => set({ rows: moveRow(form.rows, i, d) })}
          onRemove={() => set({ rows: form.rows.filter((_, j) => j !== i) })}
        />
      ))}
      <div class="actions">
        <button type="button" onClick={() => set({ rows: [...form.rows, { ...EMPTY_ROW }] })}>
          Add row
        </button>
      </div>
      {form.more !== null && (
        <Field label="Other ways to advertise" rows={3} value={form.more} onValue={(more) => set({ more })} hint="One per line: classifieds, print, …" error={problems?.more ?? null} />
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={save.busy}>
          Save rate card
        </button>
        {saved && <StatusNote>Saved. The page shows it at once.</StatusNote>}
      </div>
      <ErrorNote error={problems?.form ?? (blamed || save.field === 'intro' ? null : save.error)} />
    </form>
  );
}

function NetworkEditor(props: { settings: NetworkSettings }): JSX.Element {
  const [form, setForm] = useState<NetworkForm>(() => networkForm(props.settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(networkForm(props.settings)), [props.settings]);
  const set = (slot: string, change: Partial<NetworkForm[string]>): void => {
    setForm((f) => ({ ...f, [slot]: { ...(f[slot] ?? { enabled: false, unitPath: '', sizes: [] }), ...change } }));
    setSaved(false);
  };
  const save = useAction(async () => {
    const checked = checkNetwork(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      throw new Error('Some slots need fixing: see the messages beside them.');
    }
    setErrors({});
    setForm(networkForm(await api<NetworkSettings>('PUT', `${ADS_BASE}/network`, checked.body)));
    setSaved(true);
  });
  const serverSlot = save.field?.replace(/^slots\./, '').split('.')[0];

  return (
    <form
      class="card network-form"
      aria-labelledby="network-h"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h2 id="network-h">Ad-network fallback</h2>
      <p class="hint">When no direct campaign wins a slot, it can load a Google Ad Manager tag (only then, lazily); otherwise the house promotion stays.</p>
      {AD_SLOT_KINDS.map((slot) => {
        const f = form[slot] ?? { enabled: false, unitPath: '', sizes: [] };
        const error = errors[slot] ?? (serverSlot === slot ? save.error : null);
        return (
          <fieldset key={slot} class="network-slot">
            <legend>{AD_SLOTS[slot].label}</legend>
            <label class="checks__item">
              <input type="checkbox" checked={f.enabled} onChange={(e) => set(slot, { enabled: e.currentTarget.checked })} />
              Fall back to Google Ad Manager
            </label>
            {f.enabled && (
              <>
                <Field label="Ad unit path" value={f.unitPath} onValue={(unitPath) => set(slot, { unitPath })} placeholder="/1234567/dateline/top" maxLength={300} />
                <CheckGroup legend="Sizes" options={AD_SLOTS[slot].sizes.map((s) => ({ value: s, label: s }))} values={f.sizes} onChange={(sizes) => set(slot, { sizes })} />
              </>
            )}
            <ErrorNote error={error} />
          </fieldset>
        );
      })}
      <div class="actions">
        <button type="submit" class="primary" disabled={save.busy}>
          Save fallbacks
        </button>
        {saved && <StatusNote>Saved.</StatusNote>}
      </div>
      <ErrorNote error={serverSlot && (AD_SLOT_KINDS as string[]).includes(serverSlot) ? null : save.error} />
    </form>
  );
}

export function RateCardScreen(): JSX.Element {
  const card = useLoad(() => api<RateCard>('GET', `${ADS_BASE}/rate-card`), 'rate-card');
  const network = useLoad(() => api<NetworkSettings>('GET', `${ADS_BASE}/network`), 'network');
  return (
    <>
      <h1>Rate card and network</h1>
      <div class="two-col">
        <div>
          <ErrorNote error={card.error} />
          {card.value ? <RateCardEditor card={card.value} /> : !card.error && <StatusNote>Loading the rate card…</StatusNote>}
        </div>
        <div>
          <ErrorNote error={network.error} />
          {network.value ? <NetworkEditor settings={network.value} /> : !network.error && <StatusNote>Loading the fallbacks…</StatusNote>}
        </div>
      </div>
    </>
  );
}
