/**
 * Wire sources: staff CRUD, push secrets, and the run state the runner keeps
 * (last run, next run, failures, conditional-GET validators). The secret is
 * stored as is — checking an HMAC signature needs it — shown once when made,
 * and never answered by a read.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, invalid, notFound, unprocessable } from '../../lib/errors.js';
import {
  POLL_INTERVAL_DEFAULT_S,
  WIRE_NAME_MAX,
  backoffSeconds,
  checkFeedUrl,
  checkFolderPathShape,
  checkPollInterval,
  checkRules,
  toWireSource,
  toWireSourceView,
  type WireRule,
  type WireSource,
  type WireSourceKind,
  type WireSourceView,
} from './wire-source.js';
import type { IngestFileResult } from './wire.js';
import * as q from './wire-source.queries.js';

export interface WireSourceInput {
  name: string;
  agency: string;
  /** Defaults to the agency name. */
  credit?: string;
  kind: WireSourceKind;
  folderPath?: string | null;
  feedUrl?: string | null;
  pollIntervalSeconds?: number;
  enabled?: boolean;
  rules?: WireRule[];
  autoApplyUpdates?: boolean;
}

/** What "run now" did: the files or the feed it read. */
export interface WireRunReport {
  sourceId: number;
  /** 'not-modified' for a poll answered 304; 'skipped' when the source is disabled or already running. */
  outcome: 'done' | 'not-modified' | 'failed' | 'skipped';
  files: IngestFileResult[];
  error: string | null;
}

export interface WireSourceRunner {
  runNow(id: number): Promise<WireRunReport>;
}

/** The outcome of one run as the runner records it. */
export interface WireRunRecord {
  ok: boolean;
  error?: string | null;
  /** Validators of a fetched feed; undefined leaves the stored ones. */
  etag?: string | null;
  lastModified?: string | null;
  /** When the next run comes regardless of the poll interval (folders are rescanned every tick). */
  nextInSeconds?: number;
}

const SECRET_BYTES = 32;
/** How long a claimed poll is held by the server that claimed it (its timeout plus margin). */
export const RUN_LEASE_MS = 60_000;

function cleanText(value: string, field: string, label: string, max = WIRE_NAME_MAX): string {
  const clean = value.replace(/\s+/g, ' ').trim();
  if (clean === '' || clean.length > max) throw invalid('WIRE_SOURCE_INVALID', `${label} needs 1 to ${max} characters.`, field);
  return clean;
}

export function createWireSourceService(deps: {
  db: Db;
  clock: Clock;
  publicUrl: string;
  sections: { list(): Promise<{ id: number }[]> };
  /** Folders no source may read (the data folder: the runner moves files out of what it reads). */
  reservedFolders?: readonly string[];
}) {
  const { db, clock, publicUrl } = deps;
  let runner: WireSourceRunner | null = null;

  async function source(id: number, trx: Db = db): Promise<WireSource> {
    const row = await q.findWireSourceRow(trx, id);
    if (!row) throw notFound('WIRE_SOURCE_NOT_FOUND', `There is no wire source ${id}.`, 'id');
    return toWireSource(row);
  }

  const view = (s: WireSource): WireSourceView => toWireSourceView(s, publicUrl);

  async function checkFolder(raw: string | null | undefined, exceptId?: number): Promise<string> {
    if (raw == null) throw invalid('WIRE_FOLDER_INVALID', 'A drop-folder source needs the folder’s absolute path.', 'folderPath');
    const folder = checkFolderPathShape(raw);
    const reserved = (deps.reservedFolders ?? []).map((f) => path.resolve(f));
    const overlaps = (a: string, b: string) => a === b || a.startsWith(b + path.sep) || b.startsWith(a + path.sep);
    if (folder === path.parse(folder).root || reserved.some((r) => overlaps(folder, r))) {
      throw invalid('WIRE_FOLDER_INVALID', `${folder} holds Dateline's own files; use a folder of its own, such as /srv/wire/afp.`, 'folderPath');
    }
    const stat = await fs.stat(folder).catch(() => null);
    if (!stat?.isDirectory()) throw invalid('WIRE_FOLDER_INVALID', `There is no folder ${folder} on this server.`, 'folderPath');
    // The runner moves files into processed/ and quarantine/, so it must be able to write here.
    const writable = await fs.access(folder, fsConstants.R_OK | fsConstants.W_OK | fsConstants.X_OK).then(() => true, () => false);
    if (!writable) throw invalid('WIRE_FOLDER_INVALID', `Dateline cannot read and write ${folder}; give its user access.`, 'folderPath');
    const taken = (await q.listWireSourceRows(db)).find((r) => r.kind === 'folder' && r.folder_path === folder && r.id !== exceptId);
    if (taken) throw conflict('WIRE_FOLDER_TAKEN', `The source "${taken.name}" already reads ${folder}.`, 'folderPath');
    return folder;
  }

  async function checkSections(rules: readonly WireRule[]): Promise<void> {
    if (rules.length === 0) return;
    const known = new Set((await deps.sections.list()).map((s) => s.id));
    const i = rules.findIndex((r) => !known.has(r.sectionId));
    if (i >= 0) throw invalid('WIRE_RULE_INVALID', `There is no section ${rules[i]?.sectionId}.`, `rules.${i}.sectionId`);
  }

  /** The stored fields of a whole, validated input. */
  async function fieldsOf(input: WireSourceInput, exceptId?: number) {
    const agency = cleanText(input.agency, 'agency', 'The agency', 60);
    const rules = checkRules(input.rules ?? []);
    await checkSections(rules);
    return {
      name: cleanText(input.name, 'name', 'The name'),
      agency,
      credit: input.credit === undefined ? agency : cleanText(input.credit, 'credit', 'The credit line', 60),
      kind: input.kind,
      folder_path: input.kind === 'folder' ? await checkFolder(input.folderPath, exceptId) : null,
      feed_url: input.kind === 'poll' ? checkFeedUrl(input.feedUrl ?? '') : null,
      poll_interval_s: checkPollInterval(input.pollIntervalSeconds ?? POLL_INTERVAL_DEFAULT_S),
      enabled: input.enabled === false ? 0 : 1,
      rules: JSON.stringify(rules),
      auto_apply_updates: input.autoApplyUpdates ? 1 : 0,
    };
  }

  return {
    async list(): Promise<WireSourceView[]> {
      return (await q.listWireSourceRows(db)).map((r) => view(toWireSource(r)));
    },

    async get(id: number): Promise<WireSourceView> {
      return view(await source(id));
    },

    /** The whole source, secret included: for the runner and the push check only. */
    source: (id: number): Promise<WireSource> => source(id),

    async enabledSources(): Promise<WireSource[]> {
      return (await q.listEnabledWireSourceRows(db)).map(toWireSource);
    },

    /** An enabled push source, or 404 — a disabled source answers like an unknown one. */
    async pushSource(id: number): Promise<WireSource> {
      const row = await q.findWireSourceRow(db, id);
      if (!row || row.kind !== 'push' || row.enabled !== 1) throw notFound('WIRE_SOURCE_NOT_FOUND', `There is no push source ${id}.`);
      return toWireSource(row);
    },

    async create(input: WireSourceInput): Promise<WireSourceView> {
      const fields = await fieldsOf(input);
      const now = clock.now().toISOString();
      const id = await q.insertWireSource(db, { ...fields, push_secret: null, failures: 0, created_at: now, updated_at: now });
      return view(await source(id));
    },

    /** Changes what was sent; the merged source is checked as a whole. A changed feed or re-enabling runs it at the next tick. */
    async update(id: number, patch: Partial<WireSourceInput>): Promise<WireSourceView> {
      const current = await source(id);
      const merged: WireSourceInput = {
        name: patch.name ?? current.name,
        agency: patch.agency ?? current.agency,
        credit: patch.credit ?? current.credit,
        kind: patch.kind ?? current.kind,
        folderPath: patch.folderPath !== undefined ? patch.folderPath : current.folderPath,
        feedUrl: patch.feedUrl !== undefined ? patch.feedUrl : current.feedUrl,
        pollIntervalSeconds: patch.pollIntervalSeconds ?? current.pollIntervalSeconds,
        enabled: patch.enabled ?? current.enabled,
        rules: patch.rules ?? current.rules,
        autoApplyUpdates: patch.autoApplyUpdates ?? current.autoApplyUpdates,
      };
      const fields = await fieldsOf(merged, id);
      const feedChanged = fields.feed_url !== current.feedUrl || fields.kind !== current.kind;
      const restart = feedChanged || (fields.enabled === 1 && !current.enabled) || fields.poll_interval_s !== current.pollIntervalSeconds;
      await q.updateWireSourceRow(db, id, {
        ...fields,
        // A new feed starts without validators; a kind that takes no pushes keeps no secret.
        ...(feedChanged && { etag: null, last_modified: null }),
        ...(fields.kind !== 'push' && { push_secret: null }),
        ...(restart && { next_run_at: null, failures: 0, last_error: null }),
        updated_at: clock.now().toISOString(),
      });
      return view(await source(id));
    },

    async remove(id: number): Promise<void> {
      if (!(await q.deleteWireSourceRow(db, id))) throw notFound('WIRE_SOURCE_NOT_FOUND', `There is no wire source ${id}.`, 'id');
    },

    /** A new push secret, answered this once; the old one stops working at once. */
    async rotateSecret(id: number): Promise<{ secret: string }> {
      const s = await source(id);
      if (s.kind !== 'push') throw unprocessable('WIRE_SOURCE_NOT_PUSH', 'Only push sources have a secret.', 'kind');
      const secret = randomBytes(SECRET_BYTES).toString('base64url');
      await q.updateWireSourceRow(db, id, { push_secret: secret, updated_at: clock.now().toISOString() });
      return { secret };
    },

    /** True when this caller may run the source now (it was due and no one else took it). */
    async claimRun(id: number): Promise<boolean> {
      const now = clock.now();
      return q.claimDueRun(db, id, now.toISOString(), new Date(now.getTime() + RUN_LEASE_MS).toISOString());
    },

    /** Records a run; the next one is due after the interval, or later after errors (back-off). */
    async recordRun(id: number, run: WireRunRecord): Promise<void> {
      const s = await source(id).catch(() => null);
      if (!s) return; // deleted while it ran
      const failures = run.ok ? 0 : s.failures + 1;
      const now = clock.now();
      const next = new Date(now.getTime() + (run.nextInSeconds ?? backoffSeconds(s.pollIntervalSeconds, failures)) * 1000);
      await q.recordWireSourceRun(db, id, {
        last_run_at: now.toISOString(),
        next_run_at: next.toISOString(),
        failures,
        last_error: run.ok ? null : (run.error ?? 'failed').slice(0, 1000),
        ...(run.etag !== undefined && { etag: run.etag }),
        ...(run.lastModified !== undefined && { last_modified: run.lastModified }),
      });
    },

    /** The runner of this process registers here, so "run now" reaches it. */
    attachRunner(r: WireSourceRunner | null): void {
      runner = r;
    },

    async runNow(id: number): Promise<WireRunReport> {
      await source(id);
      if (!runner) throw unprocessable('WIRE_RUNNER_STOPPED', 'The wire runner is not running in this server process.');
      return runner.runNow(id);
    },
  };
}

export type WireSourceService = ReturnType<typeof createWireSourceService>;
