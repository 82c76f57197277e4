/**
 * Searching all wire copy held — new, used and killed items — by the words of
 * their current version (headline, standfirst and body), ranked or newest
 * first, a numbered page at a time. The inbox's own filter narrows the live
 * list; this finds the story an agency sent last week.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { api } from '../api.js';
import { shortTime } from '../stories/desk.js';
import { navigate } from '../router.js';
import { ErrorNote, SelectField, StatusNote } from '../ui/forms.js';
import { messageOf } from '../ui/use-action.js';
import { datelineOf } from './inbox.js';
import { SEARCH_RANGES, SEARCH_SORTS, countLabel, searchApiPath, searchFromQuery, searchScreenPath, type WireSearch, type WireSearchPage } from './search.js';
import { agencyChoices, useWireFacets } from './use-wire-facets.js';
import { ItemBadges, PriorityMark } from './WireTable.js';

function useResults(search: WireSearch): { page: WireSearchPage | null; error: string | null } {
  const [state, setState] = useState<{ page: WireSearchPage | null; error: string | null }>({ page: null, error: null });
  const path = searchApiPath(search);
  useEffect(() => {
    setState({ page: null, error: null });
    if (!path) return;
    let current = true;
    api<WireSearchPage>('GET', path).then(
      (page) => current && setState({ page, error: null }),
      (err: unknown) => current && setState({ page: null, error: messageOf(err) }),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return state;
}

export function SearchScreen(props: { query: Record<string, string> }): JSX.Element {
  const search = searchFromQuery(props.query);
  const agencies = agencyChoices(useWireFacets().agencies, search.agency);
  const [q, setQ] = useState(search.q);
  useEffect(() => setQ(search.q), [search.q]);
  const { page, error } = useResults(search);
  const qId = useId();
  const go = (change: Partial<WireSearch>): void => navigate(searchScreenPath({ ...search, page: 1, ...change }));
  const now = new Date();
  return (
    <section class="wire wire-search">
      <div class="screen__head">
        <h1>Search the wire</h1>
        <a href="/newsroom/wire">Back to the inbox</a>
      </div>
      <form
        class="filters"
        role="search"
        aria-label="Search all wire copy"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: q.trim() });
        }}
      >
        <div class="field">
          <label for={qId}>Words</label>
          <input id={qId} type="search" value={q} maxLength={200} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        <SelectField
          label="Agency"
          value={search.agency}
          onValue={(agency) => go({ q: q.trim(), agency })}
          options={[{ value: '', label: 'Any agency' }, ...agencies.map((a) => ({ value: a, label: a }))]}
        />
        <SelectField label="Received" value={search.range} onValue={(range) => go({ q: q.trim(), range: range as WireSearch['range'] })} options={SEARCH_RANGES.map((r) => ({ value: r.id, label: r.label }))} />
        <SelectField label="Order" value={search.sort} onValue={(sort) => go({ q: q.trim(), sort: sort as WireSearch['sort'] })} options={SEARCH_SORTS.map((s) => ({ value: s.id, label: s.label }))} />
        <button type="submit" class="primary">
          Search
        </button>
      </form>
      <p class="hint">Every item held, used and killed ones too, by the words of its latest version. "Exact phrase", -leave-out and OR work.</p>
      <ErrorNote error={error} />
      {!search.q.trim() ? null : page === null ? (
        !error && <StatusNote>Searching…</StatusNote>
      ) : page.items.length === 0 ? (
        <StatusNote>No wire copy matches.</StatusNote>
      ) : (
        <>
          <p role="status">{countLabel(page)}</p>
          <ol class="wire-results">
            {page.items.map(({ wire, headlineHtml, snippetHtml }) => (
              <li key={wire.id} class={wire.killed ? 'wire-row--killed' : undefined} data-wire-result={wire.id}>
                <PriorityMark priority={wire.priority} /> <a href={`/newsroom/wire/${wire.id}`} dangerouslySetInnerHTML={{ __html: headlineHtml || '(no headline)' }} />{' '}
                <ItemBadges item={wire} now={now} />
                <div class="muted">
                  {wire.agency}
                  {datelineOf(wire) && ` · ${datelineOf(wire)}`} · received <time dateTime={wire.receivedAt}>{shortTime(wire.receivedAt, now)}</time>
                  {wire.version > 1 && ` · version ${wire.version}`}
                </div>
                {snippetHtml && <p class="wire-results__snippet" dangerouslySetInnerHTML={{ __html: snippetHtml }} />}
              </li>
            ))}
          </ol>
          <nav class="list-foot" aria-label="Result pages">
            {page.page > 1 && <a href={searchScreenPath({ ...search, page: page.page - 1 })}>Previous page</a>}
            {page.hasMore && <a href={searchScreenPath({ ...search, page: page.page + 1 })}>Next page</a>}
          </nav>
        </>
      )}
    </section>
  );
}
