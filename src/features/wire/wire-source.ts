/**
 * A wire source: where an agency's copy comes from (a drop folder, a feed we
 * poll, or pushes to our endpoint), the agency name its items are keyed by,
 * the credit line to use, and its auto-publish rules. Pure rules and the
 * row → domain → view mapping live here; SQL is in wire-source.queries.ts.
 */
import path from 'node:path';
import { invalid } from '../../lib/errors.js';
import { parseRules, type WireRule, type WireSourceRow } from './wire.js';

export type { WireRule, WireSourceRow };
export type WireSourceKind = 'folder' | 'poll' | 'push';
export const WIRE_SOURCE_KINDS: readonly WireSourceKind[] = ['folder', 'poll', 'push'];

export const POLL_INTERVAL_MIN_S = 30;
export const POLL_INTERVAL_DEFAULT_S = 120;
export const POLL_INTERVAL_MAX_S = 86_400;
/** However many errors in a row, a source is tried again at least hourly. */
export const BACKOFF_CAP_S = 3_600;
export const WIRE_RULES_MAX = 50;
export const WIRE_NAME_MAX = 120;

/** The whole source, secret included: for the runner and the push check, never for a response. */
export interface WireSource {
  id: number;
  name: string;
  agency: string;
  credit: string;
  kind: WireSourceKind;
  folderPath: string | null;
  feedUrl: string | null;
  pollIntervalSeconds: number;
  pushSecret: string | null;
  enabled: boolean;
  rules: WireRule[];
  autoApplyUpdates: boolean;
  etag: string | null;
  lastModified: string | null;
  lastRunAt: string | null;
  nextRunAt: string | null;
  failures: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What staff see of a source: no secret, only whether one is set. */
export interface WireSourceView {
  id: number;
  name: string;
  agency: string;
  credit: string;
  kind: WireSourceKind;
  folderPath: string | null;
  feedUrl: string | null;
  pollIntervalSeconds: number;
  enabled: boolean;
  rules: WireRule[];
  autoApplyUpdates: boolean;
  /** Where the agency POSTs, for push sources. */
  pushUrl: string | null;
  hasSecret: boolean;
  status: { lastRunAt: string | null; nextRunAt: string | null; failures: number; lastError: string | null };
}

function isKind(kind: string): kind is WireSourceKind {
  return (WIRE_SOURCE_KINDS as readonly string[]).includes(kind);
}

export function toWireSource(row: WireSourceRow): WireSource {
  return {
    id: row.id,
    name: row.name,
    agency: row.agency,
    credit: row.credit,
    kind: isKind(row.kind) ? row.kind : 'push',
    folderPath: row.folder_path,
    feedUrl: row.feed_url,
    pollIntervalSeconds: row.poll_interval_s,
    pushSecret: row.push_secret,
    enabled: row.enabled === 1,
    rules: parseRules(row.rules),
    autoApplyUpdates: row.auto_apply_updates === 1,
    etag: row.etag,
    lastModified: row.last_modified,
    lastRunAt: row.last_run_at,
    nextRunAt: row.next_run_at,
    failures: row.failures,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The push endpoint of a source under the site's public URL. */
export function pushUrlFor(publicUrl: string, id: number): string {
  return `${publicUrl}/api/wire/push/${id}`;
}

export function toWireSourceView(s: WireSource, publicUrl: string): WireSourceView {
  return {
    id: s.id,
    name: s.name,
    agency: s.agency,
    credit: s.credit,
    kind: s.kind,
    folderPath: s.folderPath,
    feedUrl: s.feedUrl,
    pollIntervalSeconds: s.pollIntervalSeconds,
    enabled: s.enabled,
    rules: s.rules,
    autoApplyUpdates: s.autoApplyUpdates,
    pushUrl: s.kind === 'push' ? pushUrlFor(publicUrl, s.id) : null,
    hasSecret: s.pushSecret !== null,
    status: { lastRunAt: s.lastRunAt, nextRunAt: s.nextRunAt, failures: s.failures, lastError: s.lastError },
  };
}

/** A feed URL must be absolute http(s); anything else (file:, ftp:, javascript:) is refused. */
export function checkFeedUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw invalid('WIRE_FEED_URL_INVALID', 'The feed URL must be an absolute http:// or https:// address.', 'feedUrl');
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') {
    throw invalid('WIRE_FEED_URL_INVALID', 'The feed URL must be an absolute http:// or https:// address.', 'feedUrl');
  }
  if (u.username !== '' || u.password !== '') {
    // Credentials in a URL end up in logs and in the admin screen.
    throw invalid('WIRE_FEED_URL_INVALID', 'Put no user name or password in the feed URL.', 'feedUrl');
  }
  return u.toString();
}

/** The lexical part of the folder check (the service also checks that it exists and is a directory). */
export function checkFolderPathShape(raw: string): string {
  const p = raw.trim();
  if (p === '' || !path.isAbsolute(p) || p.includes('\0')) {
    throw invalid('WIRE_FOLDER_INVALID', 'The drop folder must be an absolute path, such as /srv/wire/afp.', 'folderPath');
  }
  return path.resolve(p);
}

export function checkPollInterval(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < POLL_INTERVAL_MIN_S || seconds > POLL_INTERVAL_MAX_S) {
    throw invalid('WIRE_POLL_INTERVAL_INVALID', `Poll every ${POLL_INTERVAL_MIN_S} to ${POLL_INTERVAL_MAX_S} seconds.`, 'pollIntervalSeconds');
  }
  return seconds;
}

/**
 * Rules as sent by staff, tidied: subjects trimmed and deduplicated. Whether
 * each section exists is the service's check (it needs the database).
 */
export function checkRules(rules: readonly WireRule[]): WireRule[] {
  if (rules.length > WIRE_RULES_MAX) throw invalid('WIRE_RULE_INVALID', `At most ${WIRE_RULES_MAX} rules per source.`, 'rules');
  return rules.map((r, i) => {
    if (r.maxUrgency !== null && (!Number.isInteger(r.maxUrgency) || r.maxUrgency < 1 || r.maxUrgency > 9)) {
      throw invalid('WIRE_RULE_INVALID', 'A rule’s urgency is 1 (most urgent) to 9.', `rules.${i}.maxUrgency`);
    }
    const seen = new Set<string>();
    const subjects: string[] = [];
    for (const s of r.subjects) {
      const clean = s.replace(/\s+/g, ' ').trim();
      if (clean === '' || seen.has(clean.toLowerCase())) continue;
      seen.add(clean.toLowerCase());
      subjects.push(clean);
    }
    return { subjects, maxUrgency: r.maxUrgency, sectionId: r.sectionId, action: r.action };
  });
}

/**
 * When a source that has just failed `failures` times in a row is tried
 * again: the interval doubled per failure, capped at an hour (but never
 * sooner than the normal interval).
 */
export function backoffSeconds(intervalSeconds: number, failures: number): number {
  if (failures <= 0) return intervalSeconds;
  const grown = intervalSeconds * 2 ** Math.min(failures, 20);
  return Math.max(intervalSeconds, Math.min(grown, BACKOFF_CAP_S));
}
