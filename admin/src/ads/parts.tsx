/** Small pieces the advertising screens share: the area's tabs, a group of checkboxes, a goal bar, a confirmed delete. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { RouteName } from '../router.js';
import { ErrorNote } from '../ui/forms.js';
import { useAction } from '../ui/use-action.js';
import { toggle } from './campaign-form.js';
import { formatPercent } from './report.js';

const TABS: readonly { href: string; label: string; routes: RouteName[] }[] = [
  { href: '/newsroom/ads', label: 'Campaigns', routes: ['ads', 'adCampaign'] },
  { href: '/newsroom/ads/inquiries', label: 'Inquiries', routes: ['adInquiries'] },
  { href: '/newsroom/ads/rate-card', label: 'Rate card and network', routes: ['adRateCard'] },
];

export function AdsTabs(props: { current: RouteName }): JSX.Element {
  return (
    <nav class="views" aria-label="Advertising">
      {TABS.map((t) => (
        <a key={t.href} href={t.href} aria-current={t.routes.includes(props.current) ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </nav>
  );
}

/** A fieldset of checkboxes for a multi-choice list; `hint` says what none chosen means. */
export function CheckGroup<T extends string | number>(props: {
  legend: string;
  options: readonly { value: T; label: string }[];
  values: readonly T[];
  onChange: (values: T[]) => void;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
}): JSX.Element {
  const { values } = props;
  return (
    <fieldset class="checks" aria-invalid={props.error ? true : undefined}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={String(o.value)} class="checks__item">
          <input
            type="checkbox"
            checked={values.includes(o.value)}
            disabled={props.disabled}
            onChange={(e) => {
              props.onChange(toggle(values, o.value, e.currentTarget.checked));
            }}
          />
          {o.label}
        </label>
      ))}
      {props.options.length === 0 && <span class="muted">None to choose from.</span>}
      {props.hint && <small class="hint checks__hint">{props.hint}</small>}
      <ErrorNote error={props.error ?? null} />
    </fieldset>
  );
}

/** Delivery against the goal as a bar; without a goal nothing is drawn. */
export function GoalBar(props: { value: number | null; label: string }): JSX.Element | null {
  if (props.value === null) return null;
  return <progress class="goal" max={1} value={props.value} aria-label={props.label} title={formatPercent(props.value, 1)} />;
}

/** "Delete …" that asks once more before it acts; the API's refusal shows beside it. */
export function ConfirmDelete(props: { label: string; confirm: string; onDelete: () => Promise<unknown> }): JSX.Element {
  const [asking, setAsking] = useState(false);
  const remove = useAction(props.onDelete);
  return (
    <span class="inline-action">
      {asking ? (
        <>
          <button type="button" class="danger" disabled={remove.busy} onClick={() => void remove.run()}>
            {props.confirm}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" class="danger" onClick={() => setAsking(true)}>
          {props.label}
        </button>
      )}
      <ErrorNote error={remove.error} />
    </span>
  );
}

/** A date and time for lists: '1 Dec 2026, 09:30' in the newsroom's local time. */
export function when(iso: string, locale?: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(locale ?? 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
