/** The list of stories as a table on a laptop; each row becomes a compact card on a phone (styles.css). */
import type { JSX } from 'preact';
import { byline, shortTime, statusLabel, type StoryRow } from './desk.js';

export function StoryTable(props: { stories: readonly StoryRow[] }): JSX.Element {
  const now = new Date();
  return (
    <table class="story-table">
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">Status</th>
          <th scope="col">Section</th>
          <th scope="col">Byline</th>
          <th scope="col">Modified</th>
          <th scope="col">By</th>
        </tr>
      </thead>
      <tbody>
        {props.stories.map((s) => (
          <tr key={s.id}>
            <td class="story-table__headline">
              <a href={`/newsroom/stories/${s.id}`}>{s.headline.trim() || 'Untitled story'}</a>
            </td>
            <td data-label="Status">
              <span class={`badge badge--${s.status}`}>{statusLabel(s.status)}</span>
              {s.status === 'scheduled' && s.scheduledAt && <small class="muted"> {shortTime(s.scheduledAt, now)}</small>}
            </td>
            <td data-label="Section">{s.section?.name ?? '—'}</td>
            <td data-label="Byline">{byline(s) || '—'}</td>
            <td data-label="Modified">
              <time dateTime={s.modifiedAt}>{shortTime(s.modifiedAt, now)}</time>
            </td>
            <td data-label="By">{s.lastEditedBy ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
