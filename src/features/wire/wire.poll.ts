/**
 * Feed polling: a conditional GET of the source's feed URL (If-None-Match /
 * If-Modified-Since from the last answer), a time limit and a size cap. A 304
 * costs nothing; a 200 body goes to the ingest like a dropped file. Errors
 * count as failures, and the source backs off (wire-source.ts: backoffSeconds).
 */
import path from 'node:path';
import type { IngestFileResult, WireIngestSource } from './wire.js';
import type { WireSource } from './wire-source.js';
import type { WireRunRecord, WireRunReport } from './wire-source.service.js';

export const POLL_TIMEOUT_MS = 20_000;
const USER_AGENT = 'Dateline wire poller (+https://github.com/dateline)';

export type FetchImpl = (url: string, init: { headers: Record<string, string>; signal: AbortSignal; redirect: 'follow' }) => Promise<Response>;

export type FeedAnswer =
  | { kind: 'not-modified' }
  | { kind: 'fetched'; bytes: Buffer; etag: string | null; lastModified: string | null; contentType: string | null };

export class PollError extends Error {
  override readonly name = 'PollError';
}

/** Reads at most `maxBytes` of a body; more is an error, not a truncated file. */
async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new PollError(`The feed is ${declared} bytes; a wire file may be at most ${maxBytes}.`);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = res.body as unknown as AsyncIterable<Uint8Array>;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      // Leaving the loop early cancels the rest of the download.
      throw new PollError(`The feed is over ${maxBytes} bytes, the most a wire file may be.`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, size);
}

/** One conditional GET. Throws PollError with an operator-readable message on any failure. */
export async function fetchFeed(
  source: Pick<WireSource, 'feedUrl' | 'etag' | 'lastModified'>,
  opts: { fetchImpl?: FetchImpl | undefined; maxBytes: number; timeoutMs?: number | undefined },
): Promise<FeedAnswer> {
  if (!source.feedUrl) throw new PollError('The source has no feed URL.');
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*' };
  if (source.etag) headers['if-none-match'] = source.etag;
  if (source.lastModified) headers['if-modified-since'] = source.lastModified;
  const timeoutMs = opts.timeoutMs ?? POLL_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const doFetch: FetchImpl = opts.fetchImpl ?? ((url, init) => fetch(url, init));
  try {
    const res = await doFetch(source.feedUrl, { headers, signal, redirect: 'follow' });
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'not-modified' };
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      throw new PollError(`The feed answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`);
    }
    const bytes = await readCapped(res, opts.maxBytes);
    return {
      kind: 'fetched',
      bytes,
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
      contentType: res.headers.get('content-type'),
    };
  } catch (err) {
    if (err instanceof PollError) throw err;
    if (signal.aborted) throw new PollError(`The feed did not answer within ${timeoutMs / 1000} s.`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new PollError(`The feed could not be fetched (${cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))}).`);
  }
}

/** The name a polled body is recorded under: the URL's last path part (a hint for the format), or "feed". */
export function feedFilename(feedUrl: string): string {
  try {
    const base = path.posix.basename(new URL(feedUrl).pathname);
    return base === '' || base === '/' ? 'feed' : base.slice(0, 200);
  } catch {
    return 'feed';
  }
}

export interface PollDeps {
  ingest: { ingestFile(bytes: Buffer, ctx: { source: WireIngestSource | null; filename: string }): Promise<IngestFileResult> };
  sources: { recordRun(id: number, run: WireRunRecord): Promise<void> };
  fetchImpl?: FetchImpl | undefined;
  maxFileBytes: number;
  timeoutMs?: number | undefined;
}

/**
 * Polls one source and records the outcome. A refused body counts as a
 * failure and its validators are not kept, so the feed is read again (after
 * the back-off) rather than answered 304 for ever.
 */
export async function pollSource(source: WireSource, deps: PollDeps): Promise<WireRunReport> {
  let answer: FeedAnswer;
  try {
    answer = await fetchFeed(source, { fetchImpl: deps.fetchImpl, maxBytes: deps.maxFileBytes, timeoutMs: deps.timeoutMs });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await deps.sources.recordRun(source.id, { ok: false, error });
    return { sourceId: source.id, outcome: 'failed', files: [], error };
  }
  if (answer.kind === 'not-modified') {
    await deps.sources.recordRun(source.id, { ok: true });
    return { sourceId: source.id, outcome: 'not-modified', files: [], error: null };
  }
  let result: IngestFileResult;
  try {
    result = await deps.ingest.ingestFile(answer.bytes, { source, filename: feedFilename(source.feedUrl ?? '') });
  } catch (err) {
    // Not the feed's fault (the database is away): try again after the back-off, validators untouched.
    const error = `The feed could not be stored (${err instanceof Error ? err.message : String(err)}).`;
    await deps.sources.recordRun(source.id, { ok: false, error });
    return { sourceId: source.id, outcome: 'failed', files: [], error };
  }
  if (result.status === 'refused') {
    const error = `The feed was refused: ${result.refusal?.code ?? 'WIRE_REFUSED'} ${result.refusal?.message ?? ''}`.trim();
    await deps.sources.recordRun(source.id, { ok: false, error, etag: null, lastModified: null });
    return { sourceId: source.id, outcome: 'failed', files: [result], error };
  }
  await deps.sources.recordRun(source.id, { ok: true, etag: answer.etag, lastModified: answer.lastModified });
  return { sourceId: source.id, outcome: 'done', files: [result], error: null };
}
