/**
 * The wire inbox: agency copy as it arrives, newest first, live. A new item
 * goes straight on top while the reader is at the top of the unfiltered
 * list; otherwise it waits behind a "N new items" bar so the list never
 * moves under the reader. j / k move through the rows, Enter opens one.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { can, useSession } from '../session.js';
import { ErrorNote, SelectField, StatusNote } from '../ui/forms.js';
import { messageOf } from '../ui/use-action.js';
import { PRIORITY_CHOICES, STATES, TIME_RANGES, announcement, filtersFromQuery, inboxPath, isFiltered, type InboxFilters } from './inbox.js';
import { RefusalsPanel } from './RefusalsPanel.js';
import { agencyChoices, useWireFacets } from './use-wire-facets.js';
import type { WireAlert, WireEvent, WireItemSummary, WireRefusal } from './types.js';
import { useWireEvents, type LiveStatus } from './use-wire-events.js';
import { useWireInbox } from './use-wire-inbox.js';
import { WireTable } from './WireTable.js';

const REFUSALS_SHOWN = 20;
/** Scrolled further than this, the reader is reading: new items wait behind the bar. */
const READING_Y = 120;
const ANNOUNCE_MS = 1_500;

function LiveIndicator(props: { status: LiveStatus }): JSX.Element {
  const label = props.status === 'live' ? 'Live' : props.status === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  return (
    <span class={`wire-live wire-live--${props.status}`} title={props.status === 'live' ? 'New items appear as they arrive' : 'New items will appear once the connection is back'}>
      <span class="wire-live__dot" aria-hidden="true" />
      {label}
    </span>
  );
}

function Alerts(props: { alerts: readonly WireAlert[]; onDismiss: (a: WireAlert) => void }): JSX.Element | null {
  if (props.alerts.length === 0) return null;
  return (
    <div class="wire-alerts" role="alert">
      {props.alerts.map((a, i) => (
        <div key={`${a.wireItemId}-${i}`} class="wire-alert">
          <strong>{a.message}</strong>{' '}
          {a.articleId !== null && <a href={`/newsroom/stories/${a.articleId}`}>Open the story</a>} <a href={`/newsroom/wire/${a.wireItemId}`}>Open the wire item</a>{' '}
          <button type="button" class="link" onClick={() => props.onDismiss(a)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}

function Filters(props: { filters: InboxFilters; agencies: readonly string[]; subjects: readonly string[] }): JSX.Element {
  const { filters } = props;
  const [q, setQ] = useState(filters.q);
  const [subject, setSubject] = useState(filters.subject);
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => setSubject(filters.subject), [filters.subject]);
  const apply = (change: Partial<InboxFilters>): void => navigate(inboxPath({ ...filters, ...change }), { replace: true });
  const qId = useId();
  const subjectId = useId();
  const listId = useId();
  const agencies = agencyChoices(props.agencies, filters.agency);
  return (
    <form
      class="filters"
      role="search"
      aria-label="Filter wire items"
      onSubmit={(e) => {
        e.preventDefault();
        apply({ q: q.trim(), subject: subject.trim() });
      }}
    >
      <div class="field">
        <label for={qId}>Search wire copy</label>
        <input id={qId} type="search" value={q} maxLength={200} onInput={(e) => setQ(e.currentTarget.value)} />
      </div>
      <SelectField
        label="Agency"
        value={filters.agency}
        onValue={(agency) => apply({ agency })}
        options={[{ value: '', label: 'Any agency' }, ...agencies.map((a) => ({ value: a, label: a }))]}
      />
      <div class="field">
        <label for={subjectId}>Subject</label>
        <input id={subjectId} type="search" list={listId} value={subject} maxLength={200} onInput={(e) => setSubject(e.currentTarget.value)} />
        <datalist id={listId}>
          {props.subjects.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>
      <SelectField label="Priority" value={filters.priority} onValue={(priority) => apply({ priority })} options={PRIORITY_CHOICES} />
      <SelectField
        label="Received"
        value={filters.time}
        onValue={(time) => apply({ time: time as InboxFilters['time'] })}
        options={[{ value: '', label: 'Any time' }, ...TIME_RANGES.map((t) => ({ value: t.id, label: t.label }))]}
      />
      <SelectField label="State" value={filters.state} onValue={(state) => apply({ state: state as InboxFilters['state'] })} options={STATES.map((s) => ({ value: s.id, label: s.label }))} />
      <button type="submit">Filter</button>
      {isFiltered(filters) && <a href="/newsroom/wire">Clear filters</a>}
    </form>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** j / k move the cursor through the rows (focus follows, so Enter opens the row's link). */
function useRowKeys(items: readonly WireItemSummary[], selected: number | null, setSelected: (id: number) => void): void {
  const state = useRef({ items, selected });
  state.current = { items, selected };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const { items: rows, selected: sel } = state.current;
      if (rows.length === 0) return;
      const at = rows.findIndex((r) => r.id === sel);
      let next: WireItemSummary | undefined;
      if (e.key === 'j') next = rows[at < 0 ? 0 : Math.min(rows.length - 1, at + 1)];
      else if (e.key === 'k') next = rows[at < 0 ? 0 : Math.max(0, at - 1)];
      else if (e.key === 'Enter' && at >= 0 && e.target === document.body) {
        // Focus on a row's link opens it by itself; this is for a cursor left after focus moved away.
        e.preventDefault();
        navigate(`/newsroom/wire/${sel}`);
        return;
      } else return;
      if (!next) return;
      e.preventDefault();
      setSelected(next.id);
      const link = document.querySelector<HTMLElement>(`[data-wire-row="${next.id}"] a`);
      link?.focus({ preventScroll: true });
      link?.closest('tr')?.scrollIntoView({ block: 'nearest' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [setSelected]);
}

function useRefusals(): { refusals: WireRefusal[] | null; error: string | null; add: (r: WireRefusal) => void } {
  const [refusals, setRefusals] = useState<WireRefusal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: WireRefusal[] }>('GET', `/admin/wire/refusals?limit=${REFUSALS_SHOWN}`).then(
      (r) => setRefusals((cur) => [...(cur ?? []), ...r.items.filter((x) => !(cur ?? []).some((c) => c.id === x.id))].slice(0, REFUSALS_SHOWN)),
      (err: unknown) => setError(messageOf(err)),
    );
  }, []);
  const add = useCallback((r: WireRefusal) => setRefusals((cur) => [r, ...(cur ?? []).filter((c) => c.id !== r.id)].slice(0, REFUSALS_SHOWN)), []);
  return { refusals, error, add };
}

export function InboxScreen(props: { query: Record<string, string> }): JSX.Element {
  const session = useSession();
  const filters = useMemo(() => filtersFromQuery(props.query), [props.query]);
  const { agencies, subjects } = useWireFacets();
  const inbox = useWireInbox(filters);
  const refusals = useRefusals();
  const [unseenRefusals, setUnseenRefusals] = useState(0);
  const [alerts, setAlerts] = useState<WireAlert[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const listKey = inboxPath(filters);
  // Other filters, another list: the cursor starts again at the top.
  useEffect(() => setSelected(null), [listKey]);
  const [said, setSaid] = useState('');
  const toAnnounce = useRef<WireItemSummary[]>([]);
  const announceTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(announceTimer.current), []);

  const items = inbox.list?.items ?? [];
  const pending = inbox.list?.pending ?? [];
  const reading = useRef(false);
  // The reader is reading when scrolled down, filtered, or moving a cursor below the first row.
  reading.current = isFiltered(filters) || (selected !== null && items[0]?.id !== selected);

  const onEvent = useCallback(
    (e: WireEvent) => {
      if (e.type === 'item') {
        const hold = reading.current || window.scrollY > READING_Y;
        const outcome = inbox.live(e.item, hold);
        if (outcome !== 'inserted' && outcome !== 'held') return;
        // Bursts (a whole newsMessage) are announced once.
        toAnnounce.current.push(e.item);
        window.clearTimeout(announceTimer.current);
        announceTimer.current = window.setTimeout(() => {
          setSaid(announcement(toAnnounce.current));
          toAnnounce.current = [];
        }, ANNOUNCE_MS);
      } else if (e.type === 'refusal') {
        refusals.add(e.refusal);
        setUnseenRefusals((n) => n + 1);
      } else {
        setAlerts((cur) => [e.alert, ...cur].slice(0, 10));
      }
    },
    [inbox.live, refusals.add],
  );
  const status = useWireEvents(onEvent, inbox.refresh);
  useRowKeys(items, selected, setSelected);

  const showNew = (): void => {
    inbox.showPending();
    window.scrollTo({ top: 0 });
    const first = pending[0];
    if (first) window.setTimeout(() => document.querySelector<HTMLElement>(`[data-wire-row="${first.id}"] a`)?.focus({ preventScroll: true }), 0);
  };

  return (
    <section class="wire">
      <div class="screen__head">
        <h1>Wire</h1>
        <div class="inline-action">
          <LiveIndicator status={status} />
          <a class="button" href={filters.q ? `/newsroom/wire/search?q=${encodeURIComponent(filters.q)}` : '/newsroom/wire/search'}>
            Search all wire copy
          </a>
          {can(session, 'wire:manage') && (
            <a class="button" href="/newsroom/wire/sources">
              Sources
            </a>
          )}
        </div>
      </div>
      <p class="visually-hidden" aria-live="polite">
        {said}
      </p>
      <Alerts alerts={alerts} onDismiss={(a) => setAlerts((cur) => cur.filter((x) => x !== a))} />
      <Filters filters={filters} agencies={agencies} subjects={subjects} />
      <RefusalsPanel refusals={refusals.refusals} error={refusals.error} unseen={unseenRefusals} onOpen={() => setUnseenRefusals(0)} />
      {pending.length > 0 && (
        <div class="wire-newbar">
          <button type="button" class="primary" onClick={showNew}>
            {pending.length === 1 ? 'Show 1 new item' : `Show ${pending.length} new items`}
          </button>
        </div>
      )}
      <ErrorNote error={inbox.error} />
      {inbox.list === null ? (
        !inbox.error && <StatusNote>Loading the wire…</StatusNote>
      ) : items.length === 0 ? (
        <StatusNote>{isFiltered(filters) ? 'No wire items match.' : 'No wire items yet. They appear here as they arrive.'}</StatusNote>
      ) : (
        <>
          <p class="hint wire-keys">
            Keys: <kbd>j</kbd> next, <kbd>k</kbd> previous, <kbd>Enter</kbd> open.
          </p>
          <WireTable items={items} selected={selected} onSelect={setSelected} />
        </>
      )}
      <div class="list-foot">
        {inbox.nextCursor && (
          <button type="button" disabled={inbox.loadingMore} onClick={inbox.loadMore}>
            {inbox.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
    </section>
  );
}
