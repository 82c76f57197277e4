/** The ad-ops inbox: inquiries from /advertise by status (new first), newest first, with status changes and notes. */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, query } from '../api.js';
import { ErrorNote, Field, SelectField, StatusNote } from '../ui/forms.js';
import { useAction } from '../ui/use-action.js';
import { ADS_BASE, INQUIRY_STATUSES, INQUIRY_STATUS_LABELS, labelOf, type Inquiry } from './ads.js';
import { inquiriesPath, inquiryTabFrom, mailtoHref, newestFirst, telHref } from './desk.js';
import { when } from './parts.js';
import { useLoad } from './use-load.js';

/** Inquiries per page (the API's default; it pages on by id). */
const PAGE = 50;

interface Page {
  items: Inquiry[];
  /** A full page came back: there may be older ones. */
  more: boolean;
}

function Contact(props: { href: string | null; text: string }): JSX.Element {
  if (!props.text) return <span class="muted">—</span>;
  return props.href ? <a href={props.href}>{props.text}</a> : <span>{props.text}</span>;
}

function InquiryCard(props: { inquiry: Inquiry; onSaved: (i: Inquiry) => void }): JSX.Element {
  const i = props.inquiry;
  const [notes, setNotes] = useState(i.notes);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setNotes(i.notes), [i.notes]);
  const patch = useAction(async (body: { status?: string; notes?: string }) => {
    setSaved(null);
    const updated = await api<Inquiry>('PATCH', `${ADS_BASE}/inquiries/${i.id}`, body);
    setSaved(body.status ? `Marked ${labelOf(INQUIRY_STATUS_LABELS, updated.status).toLowerCase()}.` : 'Notes saved.');
    props.onSaved(updated);
  });
  const headingId = `inquiry-${i.id}`;
  return (
    <article class="card inquiry" aria-labelledby={headingId}>
      <header class="inquiry__head">
        <h2 id={headingId}>
          {i.name}
          {i.company && <span class="muted"> · {i.company}</span>}
        </h2>
        <time class="muted" dateTime={i.createdAt}>
          {when(i.createdAt)}
        </time>
      </header>
      <dl class="inquiry__facts">
        <dt>Email</dt>
        <dd>
          <Contact href={mailtoHref(i.email)} text={i.email} />
        </dd>
        <dt>Phone</dt>
        <dd>
          <Contact href={telHref(i.phone)} text={i.phone} />
        </dd>
        <dt>Budget</dt>
        <dd>{i.budget || <span class="muted">—</span>}</dd>
      </dl>
      {/* Plain text as the reader typed it: escaped by Preact, line breaks kept by CSS. */}
      <p class="inquiry__message">{i.message}</p>
      <div class="inquiry__work">
        <SelectField
          label="Status"
          value={i.status}
          disabled={patch.busy}
          onValue={(status) => void patch.run({ status })}
          options={INQUIRY_STATUSES.map((s) => ({ value: s, label: INQUIRY_STATUS_LABELS[s] }))}
        />
        <form
          aria-label={`Notes on ${i.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            void patch.run({ notes });
          }}
        >
          <Field label="Notes" rows={3} value={notes} onValue={setNotes} maxLength={10000} hint="For the ad team only." error={patch.field === 'notes' ? patch.error : null} />
          <button type="submit" disabled={patch.busy || notes === i.notes}>
            Save notes
          </button>
        </form>
      </div>
      <ErrorNote error={patch.field === 'notes' ? null : patch.error} />
      {saved && <StatusNote>{saved}</StatusNote>}
    </article>
  );
}

export function InquiriesScreen(props: { query: Record<string, string> }): JSX.Element {
  const tab = useMemo(() => inquiryTabFrom(props.query), [props.query]);
  const page = (beforeId?: number): Promise<Page> =>
    api<{ items: Inquiry[] }>('GET', `${ADS_BASE}/inquiries${query({ status: tab, limit: PAGE, beforeId })}`).then((r) => ({ items: r.items, more: r.items.length === PAGE }));
  const list = useLoad(() => page(), tab);
  const items = useMemo(() => (list.value ? newestFirst(list.value.items) : null), [list.value]);
  const more = useAction(async () => {
    const last = items?.[items.length - 1];
    if (!last) return;
    const next = await page(last.id);
    list.set((cur) => cur && { items: [...cur.items, ...next.items.filter((n) => !cur.items.some((x) => x.id === n.id))], more: next.more });
  });
  // An inquiry moved to another status stays on screen (marked) until the tab is opened again.
  const onSaved = (updated: Inquiry): void => list.set((cur) => cur && { ...cur, items: cur.items.map((x) => (x.id === updated.id ? updated : x)) });

  return (
    <>
      <h1>Ad inquiries</h1>
      <nav class="views" aria-label="Inquiries by status">
        {INQUIRY_STATUSES.map((s) => (
          <a key={s} href={inquiriesPath(s)} aria-current={s === tab ? 'page' : undefined}>
            {INQUIRY_STATUS_LABELS[s]}
          </a>
        ))}
      </nav>
      <ErrorNote error={list.error} />
      {items === null ? (
        !list.error && <StatusNote>Loading inquiries…</StatusNote>
      ) : items.length === 0 ? (
        <StatusNote>No {INQUIRY_STATUS_LABELS[tab].toLowerCase()} inquiries.</StatusNote>
      ) : (
        <div class="inquiries">
          {items.map((i) => (
            <InquiryCard key={i.id} inquiry={i} onSaved={onSaved} />
          ))}
        </div>
      )}
      {list.value?.more && (
        <div class="list-foot">
          <button type="button" disabled={more.busy} onClick={() => void more.run()}>
            {more.busy ? 'Loading…' : 'Load more'}
          </button>
          <ErrorNote error={more.error} />
        </div>
      )}
    </>
  );
}
