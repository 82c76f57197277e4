/**
 * One wire file in: parse, normalise, then each item in its own transaction
 * (the item row and its version row together), keyed by (agency, guid).
 * The same or an older version changes nothing. Pictures are imported before
 * the transaction (a crash leaves orphan media, never an item pointing at
 * missing media); story effects run after the commit (see wire.effects.ts).
 * Bad input is refused and recorded, never thrown.
 */
import type { Db } from '../../db/index.js';
import { isAppError } from '../../lib/errors.js';
import type { Clock } from '../../lib/clock.js';
import { parseWireFile } from './formats/index.js';
import { normaliseWireItem } from './wire.normalise.js';
import type { NormalisedWireItem, ParsedWireItem } from './wire.item.js';
import { isKill, matchRule, snapshotOf, toIngestSource, type IngestFileResult, type ItemOutcome, type WireIndexer, type WireIngestSource, type WireSourceRow } from './wire.js';
import type { PictureImporter } from './wire.pictures.js';
import * as q from './wire.queries.js';

export interface IngestContext {
  /** The source the file came from; null for the CLI and tests. */
  source: WireIngestSource | WireSourceRow | null;
  filename: string;
  /** The wire file's folder: relative picture paths are read from here, never outside it. */
  baseDir?: string | undefined;
  /** The agency to key items by when there is no source (default: the item's credit). */
  agency?: string | undefined;
}

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
const GUID_MAX = 500;
const VERSION_MAX = 2_147_483_647;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;

class ItemRefused extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Timestamps as stored: fixed-width UTC so they compare as text; anything else is dropped. */
function instant(value: string | null): string | null {
  if (value === null) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) || !ISO.test(d.toISOString()) ? null : d.toISOString();
}

function checkItem(n: Pick<ParsedWireItem, 'guid' | 'version'>): void {
  if (n.guid.trim() === '' || n.guid.length > GUID_MAX) throw new ItemRefused('WIRE_INVALID_ITEM', `An item's id must be 1 to ${GUID_MAX} characters.`);
  if (!Number.isInteger(n.version) || n.version < 1 || n.version > VERSION_MAX) throw new ItemRefused('WIRE_INVALID_ITEM', `Item ${n.guid} has no valid version number.`);
}

type ItemKey = Awaited<ReturnType<typeof q.findItemKey>>;

function refusalOf(err: unknown): [code: string, message: string] {
  if (isAppError(err) || err instanceof ItemRefused) return [err.code, err.message];
  // A parser bug must not stop the desk: the file is refused like bad input, with the reason.
  return ['WIRE_MALFORMED', `The file could not be read (${err instanceof Error ? err.message : String(err)}).`];
}

export interface IngestDeps {
  db: Db;
  clock: Clock;
  pictures: PictureImporter;
  maxFileBytes?: number | undefined;
  /** Keeps the newsroom's search in step: told of each item written, after its commit. */
  indexer?: WireIndexer | undefined;
  /** After an item's commit: its story effects (when pending) and the desk's live event. */
  afterCommit(wireItemId: number, pending: boolean): Promise<void>;
  refuse(ctx: { sourceId: number | null; filename: string; code: string; message: string }): Promise<void>;
}

export function createWireIngest(deps: IngestDeps) {
  const { db, clock } = deps;
  const maxBytes = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;

  async function ingestOne(n: NormalisedWireItem, agency: string, source: WireIngestSource | null, baseDir: string | undefined, known?: { existing: ItemKey }) {
    const existing = known ? known.existing : await q.findItemKey(db, agency, n.guid);
    if (existing && existing.version >= n.version) {
      return { id: existing.id, outcome: (existing.version === n.version ? 'unchanged' : 'stale') as ItemOutcome, pending: false };
    }
    const kill = isKill(n.pubStatus);
    const pictureIds = kill || n.pictures.length === 0 ? [] : (await deps.pictures.importAll(n.pictures, { baseDir, credit: n.credit })).ids;
    const now = clock.now().toISOString();
    const fields = {
      version: n.version,
      pub_status: n.pubStatus,
      is_correction: n.isCorrection ? 1 : 0,
      format: n.format,
      headline: n.headline,
      standfirst: n.standfirst,
      body: JSON.stringify(n.body),
      dateline_place: n.datelinePlace.slice(0, 200),
      dateline_date: n.datelineDate !== null && /^\d{4}-\d\d-\d\d$/.test(n.datelineDate) ? n.datelineDate : null,
      byline: n.byline,
      credit: n.credit.slice(0, 200),
      priority: Math.min(Math.max(Math.round(n.priority) || 5, 1), 9),
      subjects: JSON.stringify(n.subjects),
      keywords: JSON.stringify(n.keywords),
      language: (n.language || 'en').slice(0, 20),
      embargo_until: instant(n.embargoUntil),
      version_created: instant(n.versionCreated),
      updated_at: now,
    };
    const snapshot = JSON.stringify(snapshotOf(n));
    return db.transaction().execute(async (trx) => {
      let id: number;
      let pending: boolean;
      if (!existing) {
        pending = kill || (source !== null && matchRule(source.rules, n) !== undefined);
        id = await q.insertItem(trx, {
          ...fields,
          source_id: source?.id ?? null,
          agency,
          guid: n.guid,
          received_at: now,
          picture_ids: JSON.stringify(pictureIds),
          article_id: null,
          update_available: 0,
          killed_at: kill ? now : null,
          pending_effects: pending ? 1 : 0,
        });
      } else {
        id = existing.id;
        const used = existing.article_id !== null;
        pending = kill || used;
        const set = {
          ...fields,
          ...(pictureIds.length > 0 && { picture_ids: JSON.stringify(pictureIds) }),
          // A withheld item may come back usable; a story killed meanwhile stays killed.
          killed_at: kill ? (existing.killed_at ?? now) : null,
          update_available: used && !kill ? 1 : 0,
          pending_effects: pending ? 1 : 0,
        };
        // A racing ingest of a newer version got there first: this one is stale.
        if (!(await q.updateItemIfOlder(trx, id, n.version, set))) return { id, outcome: 'stale' as ItemOutcome, pending: false };
      }
      await q.insertVersion(trx, { wire_item_id: id, version: n.version, received_at: now, pub_status: n.pubStatus, is_correction: n.isCorrection ? 1 : 0, snapshot });
      const outcome: ItemOutcome = kill ? 'killed' : existing ? 'updated' : 'new';
      return { id, outcome, pending };
    });
  }

  return {
    async ingestFile(bytes: Buffer, ctx: IngestContext): Promise<IngestFileResult> {
      const source = ctx.source ? toIngestSource(ctx.source) : null;
      const sourceId = source?.id ?? null;
      const refused = async (code: string, message: string): Promise<IngestFileResult> => {
        await deps.refuse({ sourceId, filename: ctx.filename, code, message });
        return { status: 'refused', filename: ctx.filename, items: [], refusal: { code, message } };
      };
      let parsed: ParsedWireItem[];
      try {
        parsed = parseWireFile(bytes, { filename: ctx.filename, maxBytes });
        parsed.forEach(checkItem);
      } catch (err) {
        return refused(...refusalOf(err));
      }
      // With the agency known up front, an item already held at this version or newer is answered
      // before normalising it: re-reading a feed of mostly unchanged items stays cheap.
      const fixedAgency = source?.agency ?? ctx.agency;
      const results = new Map<number, { id: number; outcome: ItemOutcome }>();
      const known = new Map<number, ItemKey>();
      if (fixedAgency !== undefined) {
        for (const [i, p] of parsed.entries()) {
          const existing = await q.findItemKey(db, fixedAgency.slice(0, 100), p.guid);
          if (existing && existing.version >= p.version) results.set(i, { id: existing.id, outcome: existing.version === p.version ? 'unchanged' : 'stale' });
          else known.set(i, existing);
        }
      }
      // Every item to write is normalised before any is written: a file is refused whole or not at all.
      const normalised = new Map<number, NormalisedWireItem>();
      try {
        for (const [i, p] of parsed.entries()) {
          if (!results.has(i)) normalised.set(i, normaliseWireItem(p, { agency: source?.agency ?? ctx.agency ?? '', credit: source?.credit ?? ctx.agency ?? '' }));
        }
      } catch (err) {
        return refused(...refusalOf(err));
      }
      const items: IngestFileResult['items'] = [];
      const written = new Set<string>();
      for (const [i, p] of parsed.entries()) {
        const n = normalised.get(i);
        let r = results.get(i);
        if (n) {
          const agency = (fixedAgency ?? (n.credit || 'Wire')).slice(0, 100);
          // The look-up made above is stale once this file already wrote the same id (two versions in one feed).
          const lookup = known.has(i) && !written.has(`${agency}\n${p.guid}`) ? { existing: known.get(i) } : undefined;
          written.add(`${agency}\n${p.guid}`);
          const one = await ingestOne(n, agency, source, ctx.baseDir, lookup).catch(async (err: unknown) => {
            // Another ingest (a push racing a poll) inserted this id first: the unique key refused ours. Try again as an update.
            if (!(await q.findItemKey(db, agency, n.guid))) throw err;
            return ingestOne(n, agency, source, ctx.baseDir);
          });
          if (one.outcome !== 'unchanged' && one.outcome !== 'stale') {
            deps.indexer?.add(one.id);
            await deps.afterCommit(one.id, one.pending);
          }
          r = one;
        }
        if (r) items.push({ guid: p.guid, version: p.version, wireItemId: r.id, outcome: r.outcome });
      }
      const changed = items.some((i) => i.outcome !== 'unchanged' && i.outcome !== 'stale');
      return { status: changed ? 'ingested' : 'unchanged', filename: ctx.filename, items, refusal: null };
    },
  };
}
