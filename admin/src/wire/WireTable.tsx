/** The inbox's rows: priority, headline with its state badges, agency, dateline, arrival. */
import type { JSX } from 'preact';
import { shortTime } from '../stories/desk.js';
import { badgesOf, datelineOf, priorityOf } from './inbox.js';
import type { WireItemSummary } from './types.js';

export function PriorityMark(props: { priority: number }): JSX.Element {
  const p = priorityOf(props.priority);
  return (
    <span class={`wire-priority wire-priority--${p.tone}`} title={`Priority ${props.priority}`}>
      {p.label}
      <span class="visually-hidden"> (priority {props.priority})</span>
    </span>
  );
}

export function ItemBadges(props: { item: WireItemSummary; now: Date }): JSX.Element | null {
  const badges = badgesOf(props.item, props.now);
  if (badges.length === 0) return null;
  return (
    <span class="wire-badges">
      {badges.map((b) => (
        <span key={b.tone} class={`badge wire-badge--${b.tone}`}>
          {b.label}
        </span>
      ))}
    </span>
  );
}

export function WireTable(props: { items: readonly WireItemSummary[]; selected: number | null; onSelect: (id: number) => void }): JSX.Element {
  const now = new Date();
  return (
    <table class="wire-table">
      <thead>
        <tr>
          <th scope="col">Priority</th>
          <th scope="col">Headline</th>
          <th scope="col">Agency</th>
          <th scope="col">Dateline</th>
          <th scope="col">Received</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => {
          const tone = priorityOf(item.priority).tone;
          const cls = [`wire-row--${tone}`, item.killed && 'wire-row--killed', item.id === props.selected && 'wire-row--selected'].filter(Boolean).join(' ');
          return (
            <tr key={item.id} class={cls} data-wire-row={item.id}>
              <td data-label="Priority">
                <PriorityMark priority={item.priority} />
              </td>
              <td class="wire-table__headline">
                <a href={`/newsroom/wire/${item.id}`} onFocus={() => props.onSelect(item.id)}>
                  {item.headline.trim() || '(no headline)'}
                </a>
                <ItemBadges item={item} now={now} />
                {item.standfirst && <span class="wire-table__standfirst muted">{item.standfirst}</span>}
              </td>
              <td data-label="Agency">{item.agency}</td>
              <td data-label="Dateline">{datelineOf(item) || '—'}</td>
              <td data-label="Received">
                <time dateTime={item.receivedAt}>{shortTime(item.receivedAt, now)}</time>
                {item.version > 1 && (
                  <small class="muted">
                    {' '}
                    (v{item.version} <time dateTime={item.updatedAt}>{shortTime(item.updatedAt, now)}</time>)
                  </small>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
