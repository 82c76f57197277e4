/**
 * One wire item: the copy as it will read, its metadata and pictures, its
 * versions with a diff, and the desk's actions — Use (a draft story made
 * from it, linked), Apply update (a newer version into that story), or the
 * link to the story made already. A newer version arriving while the item
 * is open is shown at once.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { dateTime } from '../editor/time.js';
import { navigate } from '../router.js';
import { statusLabel } from '../stories/desk.js';
import { ErrorNote, StatusNote } from '../ui/forms.js';
import { messageOf, useAction } from '../ui/use-action.js';
import { datelineOf } from './inbox.js';
import { alreadyUsedArticle } from './item.js';
import type { WireEvent, WireItemDetail } from './types.js';
import { useWireEvents } from './use-wire-events.js';
import { ItemBadges, PriorityMark } from './WireTable.js';
import { VersionHistory } from './VersionHistory.js';

function Meta(props: { label: string; children: JSX.Element | string | null | false }): JSX.Element | null {
  if (props.children === null || props.children === false || props.children === '') return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function Metadata(props: { item: WireItemDetail }): JSX.Element {
  const { item } = props;
  return (
    <dl class="wire-meta">
      <Meta label="Agency">{item.agency}</Meta>
      <Meta label="Source">{item.sourceName}</Meta>
      <Meta label="Credit">{item.credit}</Meta>
      <Meta label="Byline">{item.byline}</Meta>
      <Meta label="Dateline">{datelineOf(item)}</Meta>
      <Meta label="Priority">
        <PriorityMark priority={item.priority} />
      </Meta>
      <Meta label="Subjects">{item.subjects.join(', ')}</Meta>
      <Meta label="Keywords">{item.keywords.join(', ')}</Meta>
      <Meta label="Language">{item.language}</Meta>
      <Meta label="Embargo">{item.embargoUntil && dateTime(item.embargoUntil)}</Meta>
      <Meta label="Received">{dateTime(item.receivedAt)}</Meta>
      <Meta label="Latest version">{item.version > 1 && `${item.version}, ${dateTime(item.updatedAt)}`}</Meta>
      <Meta label="Agency id">
        <code>{item.guid}</code>
      </Meta>
    </dl>
  );
}

function Actions(props: { item: WireItemDetail; onChanged: () => void }): JSX.Element {
  const { item } = props;
  const [usedBy, setUsedBy] = useState<number | null>(null);
  const [applied, setApplied] = useState(false);
  const use = useAction(async () => {
    try {
      const res = await api<{ articleId: number }>('POST', `/admin/wire/items/${item.id}/use`);
      navigate(`/newsroom/stories/${res.articleId}`);
    } catch (err) {
      // Someone else used it first: offer their story rather than a second copy.
      setUsedBy(alreadyUsedArticle(err));
      throw err;
    }
  });
  const apply = useAction(async () => {
    setApplied(false);
    await api<{ articleId: number }>('POST', `/admin/wire/items/${item.id}/apply-update`);
    setApplied(true);
    props.onChanged();
  });
  const storyId = item.articleId ?? usedBy;
  return (
    <div class="wire-actions">
      <div class="inline-action">
        {item.articleId === null && !item.killed && (
          <button type="button" class="primary" disabled={use.busy} onClick={() => void use.run()}>
            {use.busy ? 'Making the story…' : 'Use'}
          </button>
        )}
        {item.updateAvailable && item.articleId !== null && (
          <button type="button" class="primary" disabled={apply.busy} onClick={() => void apply.run()}>
            {apply.busy ? 'Applying…' : `Apply update (version ${item.version})`}
          </button>
        )}
        {storyId !== null && (
          <a class="button" href={`/newsroom/stories/${storyId}`}>
            Open the story
          </a>
        )}
        {item.articleStatus && <span class="muted">Story: {statusLabel(item.articleStatus)}</span>}
      </div>
      <ErrorNote error={use.error} />
      <ErrorNote error={apply.error} />
      {applied && <StatusNote>The story now carries version {item.version}.</StatusNote>}
    </div>
  );
}

export function ItemScreen(props: { id: number }): JSX.Element {
  const [item, setItem] = useState<WireItemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [news, setNews] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);

  const load = useCallback(() => {
    api<WireItemDetail>('GET', `/admin/wire/items/${props.id}`).then(
      (it) => {
        setItem(it);
        setError(null);
      },
      (err: unknown) => setError(messageOf(err)),
    );
  }, [props.id]);
  useEffect(load, [load]);

  // Opening an item puts focus on its headline, so keyboard and screen-reader users start at the copy.
  useEffect(() => {
    if (!item || focused.current) return;
    focused.current = true;
    heading.current?.focus();
  }, [item]);

  const onEvent = useCallback(
    (e: WireEvent) => {
      if (e.type === 'item' && e.item.id === props.id) {
        setNews(e.item.version > (item?.version ?? 0) ? `Version ${e.item.version} arrived.` : 'This item changed.');
        load();
      } else if (e.type === 'alert' && e.alert.wireItemId === props.id) {
        setNews(e.alert.message);
        load();
      }
    },
    [props.id, item?.version, load],
  );
  useWireEvents(onEvent, load);

  if (error && !item) {
    return (
      <section>
        <p>
          <a href="/newsroom/wire">← Wire</a>
        </p>
        <ErrorNote error={error} />
      </section>
    );
  }
  if (!item) return <StatusNote>Loading the wire item…</StatusNote>;

  return (
    <article class="wire-item">
      <p>
        <a href="/newsroom/wire">← Wire</a>
      </p>
      <p class="visually-hidden" aria-live="polite">
        {news}
      </p>
      {news && <p class="wire-news">{news}</p>}
      <header class="wire-item__head">
        <p class="wire-item__kicker">
          <PriorityMark priority={item.priority} /> {item.agency}
          {item.datelinePlace && ` · ${datelineOf(item)}`} <ItemBadges item={item} now={new Date()} />
        </p>
        <h1 ref={heading} tabIndex={-1}>
          {item.headline.trim() || '(no headline)'}
        </h1>
        {item.standfirst && <p class="wire-item__standfirst">{item.standfirst}</p>}
        {item.byline && <p class="muted">{item.byline}</p>}
      </header>
      {item.killed && (
        <p class="error" role="alert">
          The agency killed this item: do not use it.{item.articleId !== null && ' The story made from it was taken down.'}
        </p>
      )}
      <ErrorNote error={error} />
      <Actions item={item} onChanged={load} />
      <div class="wire-item__layout">
        <div>
          {/* bodyHtml is the server's own rendering (renderBody) of the body stored after htmlToBody cleaned it:
              every text is escaped there and no agency markup survives, so it is safe to put in the page as is. */}
          <div class="wire-item__body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
          {item.pictures.length > 0 && (
            <section aria-label="Pictures" class="wire-pictures">
              {item.pictures.map((p) => (
                <figure key={p.mediaId}>
                  <img src={p.url} alt={p.caption} loading="lazy" />
                  <figcaption>
                    {p.caption} {p.credit && <span class="muted">({p.credit})</span>}
                  </figcaption>
                </figure>
              ))}
            </section>
          )}
        </div>
        <aside>
          <h2>Details</h2>
          <Metadata item={item} />
        </aside>
      </div>
      <VersionHistory itemId={item.id} versions={item.versions} current={item.version} />
    </article>
  );
}
