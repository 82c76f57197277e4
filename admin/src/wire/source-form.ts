/**
 * The wire source form, kept pure: what the fields hold (text, as typed),
 * how a source from the API fills them, and the body sent back — checked
 * first here so the common mistakes are named next to their field without
 * a round trip (the server checks again and has the last word).
 */
import type { SourceKind, WireRule, WireRunReport, WireSourceView } from './types.js';

export const KINDS: readonly { value: SourceKind; label: string; hint: string }[] = [
  { value: 'folder', label: 'Drop folder', hint: 'A folder on this server where the agency’s FTP/SFTP deposit lands.' },
  { value: 'poll', label: 'Feed (polled)', hint: 'A ninjs, NewsML-G2, RSS or Atom URL read every few minutes.' },
  { value: 'push', label: 'Push', hint: 'The agency posts items to a URL, signed with a secret.' },
];

export const POLL_MIN_S = 30;
export const POLL_DEFAULT_S = 120;

export interface RuleRow {
  /** Stable key for the list on screen (rows can be removed from the middle). */
  key: number;
  /** Comma-separated subject names; empty = every item. */
  subjects: string;
  /** '' = any priority, else '1'…'9'. */
  maxPriority: string;
  sectionId: string;
  action: 'publish' | 'draft';
}

export interface SourceForm {
  name: string;
  agency: string;
  credit: string;
  kind: SourceKind;
  folderPath: string;
  feedUrl: string;
  pollInterval: string;
  enabled: boolean;
  autoApplyUpdates: boolean;
  rules: RuleRow[];
}

/** What POST /api/admin/wire/sources and PATCH …/:id take: only the fields the kind uses. */
export interface SourceBody {
  name: string;
  agency: string;
  credit: string;
  kind: SourceKind;
  folderPath?: string;
  feedUrl?: string;
  pollIntervalSeconds?: number;
  enabled: boolean;
  autoApplyUpdates: boolean;
  rules: WireRule[];
}

/** Field name (the API's: name, feedUrl, rules.0.sectionId …) → message. */
export type FormErrors = Record<string, string>;

let nextKey = 1;
export function ruleRow(over: Partial<Omit<RuleRow, 'key'>> = {}): RuleRow {
  return { key: nextKey++, subjects: '', maxPriority: '', sectionId: '', action: 'draft', ...over };
}

export function emptyForm(): SourceForm {
  return { name: '', agency: '', credit: '', kind: 'folder', folderPath: '', feedUrl: '', pollInterval: String(POLL_DEFAULT_S), enabled: true, autoApplyUpdates: false, rules: [] };
}

export function formFromSource(s: WireSourceView): SourceForm {
  return {
    name: s.name,
    agency: s.agency,
    credit: s.credit,
    kind: s.kind,
    folderPath: s.folderPath ?? '',
    feedUrl: s.feedUrl ?? '',
    pollInterval: String(s.pollIntervalSeconds || POLL_DEFAULT_S),
    enabled: s.enabled,
    autoApplyUpdates: s.autoApplyUpdates,
    rules: s.rules.map((r) =>
      ruleRow({ subjects: r.subjects.join(', '), maxPriority: r.maxUrgency === null ? '' : String(r.maxUrgency), sectionId: String(r.sectionId), action: r.action }),
    ),
  };
}

/** "Politics, world ,, politics" → ["Politics", "world"]: trimmed, blanks dropped, repeats (any case) once. */
export function splitSubjects(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const s = part.trim();
    if (s && !out.some((o) => o.toLowerCase() === s.toLowerCase())) out.push(s);
  }
  return out;
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

function isHttpUrl(u: string): boolean {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function rulesFromRows(rows: readonly RuleRow[], errors: FormErrors): WireRule[] {
  return rows.map((row, i) => {
    const sectionId = Number(row.sectionId);
    if (!Number.isInteger(sectionId) || sectionId <= 0) errors[`rules.${i}.sectionId`] = 'Choose the section the stories go to.';
    const max = row.maxPriority === '' ? null : Number(row.maxPriority);
    if (max !== null && !(Number.isInteger(max) && max >= 1 && max <= 9)) errors[`rules.${i}.maxUrgency`] = 'Priority is 1 (flash) to 9.';
    return { subjects: splitSubjects(row.subjects), maxUrgency: max, sectionId, action: row.action };
  });
}

/** The body to send, or what is wrong with the form (by field). */
export function checkForm(form: SourceForm): { body: SourceBody; errors: null } | { body: null; errors: FormErrors } {
  const errors: FormErrors = {};
  const name = form.name.trim();
  const agency = form.agency.trim();
  // The credit line defaults to the agency's name: "AFP" is both for most sources.
  const credit = form.credit.trim() || agency;
  if (!name) errors['name'] = 'Give the source a name.';
  if (!agency) errors['agency'] = 'Name the agency (items are told apart by agency and id).';
  const body: SourceBody = { name, agency, credit, kind: form.kind, enabled: form.enabled, autoApplyUpdates: form.autoApplyUpdates, rules: rulesFromRows(form.rules, errors) };
  if (form.kind === 'folder') {
    const folderPath = form.folderPath.trim();
    if (!isAbsolutePath(folderPath)) errors['folderPath'] = 'The full path of a folder on the server, starting with /.';
    body.folderPath = folderPath;
  }
  if (form.kind === 'poll') {
    const feedUrl = form.feedUrl.trim();
    if (!isHttpUrl(feedUrl)) errors['feedUrl'] = 'An http:// or https:// address.';
    const interval = Number(form.pollInterval.trim() || POLL_DEFAULT_S);
    if (!Number.isInteger(interval) || interval < POLL_MIN_S) errors['pollIntervalSeconds'] = `Whole seconds, at least ${POLL_MIN_S}.`;
    body.feedUrl = feedUrl;
    body.pollIntervalSeconds = interval;
  }
  return Object.keys(errors).length > 0 ? { body: null, errors } : { body, errors: null };
}

const TOP_FIELDS = ['name', 'agency', 'credit', 'kind', 'folderPath', 'feedUrl', 'pollIntervalSeconds', 'enabled', 'autoApplyUpdates'];
const RULE_FIELDS = ['subjects', 'maxUrgency', 'sectionId'];
const ALIASES: Readonly<Record<string, string>> = { pollInterval: 'pollIntervalSeconds', poll_interval_s: 'pollIntervalSeconds', folder_path: 'folderPath', feed_url: 'feedUrl' };

/**
 * Where the server's error goes on the form: its field as the form names it
 * ("rules[1].sectionId", "/rules/1/sectionId" and "rules.1.sectionId" are one
 * field; deeper paths go to their rule); null when it named none the form
 * shows (the message then sits beside the Save button).
 */
export function formFieldOf(apiField: string | null | undefined): string | null {
  if (!apiField) return null;
  const f = apiField
    .replace(/^\/+/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.');
  const top = ALIASES[f] ?? f;
  if (TOP_FIELDS.includes(top)) return top;
  const rule = /^rules(?:\.(\d+)(?:\.(\w+))?)?/.exec(f);
  if (!rule) return null;
  const [, index, field] = rule;
  if (index === undefined) return 'rules';
  return field !== undefined && RULE_FIELDS.includes(field) ? `rules.${index}.${field}` : `rules.${index}`;
}

/** "Last run 10:42 · 2 failures" — how a source is doing, in a line. */
export function statusLine(s: WireSourceView['status'], when: (iso: string) => string): string {
  const parts: string[] = [s.lastRunAt ? `Last run ${when(s.lastRunAt)}` : 'Not run yet'];
  if (s.nextRunAt) parts.push(`next ${when(s.nextRunAt)}`);
  if (s.failures > 0) parts.push(s.failures === 1 ? '1 failure' : `${s.failures} failures`);
  return parts.join(' · ');
}

/** "Read 3 files: 2 ingested, 1 refused." — what "Run now" did, in a line. */
export function runSummary(r: WireRunReport): string {
  switch (r.outcome) {
    case 'failed':
      return `The run failed: ${r.error ?? 'no reason given'}.`;
    case 'skipped':
      return 'Not run: the source is switched off or already running.';
    case 'not-modified':
      return 'The feed has not changed since the last run.';
    default: {
      if (r.files.length === 0) return 'Nothing new.';
      const count = (status: string): number => r.files.filter((f) => f.status === status).length;
      const parts = [
        ['ingested', count('ingested')],
        ['unchanged', count('unchanged')],
        ['refused', count('refused')],
      ].filter(([, n]) => Number(n) > 0);
      const files = r.files.length === 1 ? '1 file' : `${r.files.length} files`;
      return `Read ${files}: ${parts.map(([label, n]) => `${n} ${label}`).join(', ')}.`;
    }
  }
}
