/** Pickers for a story's tags (search, or create a new one) and authors (from the authors list). */
import type { JSX } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { api } from '../api.js';
import { messageOf } from '../ui/use-action.js';
import type { NamedRef } from './story.js';

/** A query string from the values that are set. */
function qs(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

function Chips(props: { ids: readonly number[]; names: ReadonlyMap<number, string>; noun: string; disabled: boolean; onRemove: (id: number) => void }): JSX.Element | null {
  if (props.ids.length === 0) return null;
  return (
    <ul class="ed-chips">
      {props.ids.map((id) => {
        const name = props.names.get(id) ?? `${props.noun} ${id}`;
        return (
          <li key={id} class="ed-chip">
            <span>{name}</span>
            {!props.disabled && (
              <button type="button" class="ed-chip-remove" aria-label={`Remove ${props.noun} ${name}`} onClick={() => props.onRemove(id)}>
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function TagPicker(props: { value: number[]; initial: readonly NamedRef[]; disabled: boolean; onChange: (ids: number[]) => void }): JSX.Element {
  const id = useId();
  const [names, setNames] = useState<Map<number, string>>(() => new Map(props.initial.map((t) => [t.id, t.name])));
  const [q, setQ] = useState('');
  const [found, setFound] = useState<NamedRef[]>([]);
  const [error, setError] = useState<string | null>(null);

  // Tags that arrived by a merge or a restore: look their names up.
  useEffect(() => {
    for (const tagId of props.value) {
      if (names.has(tagId)) continue;
      api<NamedRef>('GET', `/admin/tags/${tagId}`).then(
        (t) => setNames((m) => new Map(m).set(t.id, t.name)),
        () => undefined,
      );
    }
  }, [props.value, names]);

  useEffect(() => {
    const term = q.trim();
    if (term === '') {
      setFound([]);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      api<{ items: NamedRef[] }>('GET', `/admin/tags${qs({ q: term, limit: 8 })}`).then(
        (r) => live && setFound(r.items),
        (err: unknown) => live && setError(messageOf(err)),
      );
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q]);

  const add = (tag: NamedRef): void => {
    setNames((m) => new Map(m).set(tag.id, tag.name));
    if (!props.value.includes(tag.id)) props.onChange([...props.value, tag.id]);
    setQ('');
    setError(null);
  };
  const create = async (): Promise<void> => {
    try {
      add(await api<NamedRef>('POST', '/admin/tags', { name: q.trim() }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const term = q.trim();
  const exact = found.find((t) => t.name.toLowerCase() === term.toLowerCase());
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || term === '') return;
    e.preventDefault();
    if (exact) add(exact);
    else void create();
  };

  return (
    <div class="field ed-picker">
      <label for={id}>Tags</label>
      <Chips ids={props.value} names={names} noun="tag" disabled={props.disabled} onRemove={(t) => props.onChange(props.value.filter((x) => x !== t))} />
      {!props.disabled && (
        <>
          <input id={id} type="text" value={q} autocomplete="off" placeholder="Find or create a tag" onInput={(e) => setQ(e.currentTarget.value)} onKeyDown={onKey} />
          {term !== '' && (
            <ul class="ed-suggestions">
              {found
                .filter((t) => !props.value.includes(t.id))
                .map((t) => (
                  <li key={t.id}>
                    <button type="button" onClick={() => add(t)}>
                      Add tag {t.name}
                    </button>
                  </li>
                ))}
              {!exact && (
                <li>
                  <button type="button" onClick={() => void create()}>
                    Create tag “{term}”
                  </button>
                </li>
              )}
            </ul>
          )}
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const AUTHOR_PAGES = 10;

/** Every author, a page of 200 at a time (a newsroom has hundreds, not thousands). */
async function loadAuthors(): Promise<NamedRef[]> {
  const all: NamedRef[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < AUTHOR_PAGES; page++) {
    const r = await api<{ items: NamedRef[]; nextCursor: string | null }>('GET', `/admin/authors${qs({ limit: 200, cursor })}`);
    all.push(...r.items);
    if (r.nextCursor === null) break;
    cursor = r.nextCursor;
  }
  return all;
}

export function AuthorPicker(props: { value: number[]; initial: readonly NamedRef[]; disabled: boolean; onChange: (ids: number[]) => void }): JSX.Element {
  const id = useId();
  const [authors, setAuthors] = useState<NamedRef[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadAuthors().then(setAuthors, (err: unknown) => setError(messageOf(err)));
  }, []);
  const names = new Map<number, string>([...props.initial, ...authors].map((a) => [a.id, a.name]));
  const choices = authors.filter((a) => !props.value.includes(a.id));
  return (
    <div class="field ed-picker">
      <Chips ids={props.value} names={names} noun="author" disabled={props.disabled} onRemove={(a) => props.onChange(props.value.filter((x) => x !== a))} />
      {!props.disabled && (
        <>
          <label for={id}>Add author</label>
          <select
            id={id}
            value=""
            onChange={(e) => {
              const picked = Number(e.currentTarget.value);
              if (picked > 0) props.onChange([...props.value, picked]);
              e.currentTarget.value = '';
            }}
          >
            <option value="">Choose an author…</option>
            {choices.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.name}
              </option>
            ))}
          </select>
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
