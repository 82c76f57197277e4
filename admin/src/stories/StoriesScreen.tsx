/** The desk's story list: views, filters, a live table and "New story". */
import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { can, useSession } from '../session.js';
import { ErrorNote, SelectField, StatusNote } from '../ui/forms.js';
import { useAction } from '../ui/use-action.js';
import { DESK_VIEWS, STATUSES, STATUS_LABELS, filtersFromQuery, listPath, type ListFilters } from './desk.js';
import { fetchStories, waitsForSlugs, type Cursor, type SourceContext } from './source.js';
import { StoryTable } from './StoryTable.js';
import { useStoryList } from './use-story-list.js';

interface Named {
  id: number;
  slug: string;
  name: string;
}

function useChoices(): { sections: Named[]; authors: Named[] } {
  const [sections, setSections] = useState<Named[]>([]);
  const [authors, setAuthors] = useState<Named[]>([]);
  useEffect(() => {
    // Filter choices only: if they fail to load, the list still works unfiltered.
    api<{ items: Named[] }>('GET', '/admin/sections').then((r) => setSections(r.items), () => undefined);
    api<{ items: Named[] }>('GET', '/admin/authors?limit=200').then((r) => setAuthors(r.items), () => undefined);
  }, []);
  return { sections, authors };
}

const slugIn = (list: readonly Named[]) => (id: string) => list.find((x) => String(x.id) === id)?.slug;

export function StoriesScreen(props: { query: Record<string, string> }): JSX.Element {
  const session = useSession();
  const filters = useMemo(() => filtersFromQuery(props.query), [props.query]);
  const { sections, authors } = useChoices();
  const ctx = useMemo<SourceContext>(() => ({ me: session.user.name, sectionSlug: slugIn(sections), authorSlug: slugIn(authors) }), [session.user.name, sections, authors]);
  const read = useCallback((from: Cursor | null, limit: number) => fetchStories((path) => api('GET', path), filters, ctx, from, limit), [filters, ctx]);
  const stories = useStoryList(read, listPath(filters), !waitsForSlugs(filters, ctx));
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);

  const apply = (change: Partial<ListFilters>): void => navigate(listPath({ ...filters, ...change }), { replace: true });
  const create = useAction(async () => {
    const story = await api<{ id: number }>('POST', '/admin/articles', { headline: 'Untitled story' });
    navigate(`/newsroom/stories/${story.id}`);
  });

  return (
    <section class="stories">
      <div class="screen__head">
        <h1>Stories</h1>
        {can(session, 'articles:write') && (
          <div class="inline-action">
            <button type="button" class="primary" disabled={create.busy} onClick={() => void create.run()}>
              New story
            </button>
            <ErrorNote error={create.error} />
          </div>
        )}
      </div>

      <nav class="views" aria-label="Desk views">
        {DESK_VIEWS.map((v) => (
          <a key={v.id} href={listPath({ ...filters, view: v.id, status: '' })} aria-current={v.id === filters.view ? 'page' : undefined}>
            {v.label}
          </a>
        ))}
      </nav>

      <form
        class="filters"
        role="search"
        aria-label="Filter stories"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ q });
        }}
      >
        <div class="field">
          <label for="story-q">Search stories</label>
          <input id="story-q" type="search" value={q} maxLength={200} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        {filters.view === 'all' && (
          <SelectField
            label="Status"
            value={filters.status}
            onValue={(status) => apply({ status })}
            options={[{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
          />
        )}
        <SelectField
          label="Section"
          value={filters.section}
          onValue={(section) => apply({ section })}
          options={[{ value: '', label: 'Any section' }, ...sections.map((s) => ({ value: String(s.id), label: s.name }))]}
        />
        <SelectField
          label="Author"
          value={filters.author}
          onValue={(author) => apply({ author })}
          options={[{ value: '', label: 'Any author' }, ...authors.map((a) => ({ value: String(a.id), label: a.name }))]}
        />
        <button type="submit">Filter</button>
      </form>

      <ErrorNote error={stories.error} />
      {stories.list === null ? (
        !stories.error && <StatusNote>Loading stories…</StatusNote>
      ) : stories.list.items.length === 0 ? (
        <StatusNote>No stories match.</StatusNote>
      ) : (
        <StoryTable stories={stories.list.items} />
      )}
      <div class="list-foot">
        {stories.list?.nextCursor && (
          <button type="button" disabled={stories.loadingMore} onClick={stories.loadMore}>
            {stories.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        )}
        {stories.updatedAt && (
          <small class="muted" aria-live="off">
            Updated {stories.updatedAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
          </small>
        )}
      </div>
    </section>
  );
}
