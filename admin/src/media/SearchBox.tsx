/** Search the library by caption, credit, alt text or file name; applied on Enter or "Search". */
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';

export function SearchBox(props: { value: string; onSearch: (q: string) => void }): JSX.Element {
  const id = useId();
  const [q, setQ] = useState(props.value);
  return (
    <form
      class="filters"
      role="search"
      aria-label="Search images"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSearch(q.trim());
      }}
    >
      <div class="field">
        <label for={id}>Search images</label>
        <input id={id} type="search" value={q} maxLength={200} onInput={(e) => setQ(e.currentTarget.value)} />
      </div>
      <button type="submit">Search</button>
    </form>
  );
}
