/** The refusals log: files the ingest could not read, recorded with their code and announced to the desk. */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import type { WireEvent, WireRefusalView } from './wire.js';
import * as q from './wire.queries.js';

export interface RefusalInput {
  sourceId: number | null;
  filename: string;
  code: string;
  message: string;
  /** Where a drop folder put the file (`quarantine/…`), when it did. */
  quarantinePath?: string | null;
}

export function createWireRefusals(deps: { db: Db; clock: Clock; emit: (e: WireEvent) => void }) {
  const { db, clock } = deps;
  return {
    async record(r: RefusalInput): Promise<WireRefusalView> {
      const receivedAt = clock.now().toISOString();
      const id = await q.insertRefusal(db, {
        source_id: r.sourceId,
        filename: r.filename.slice(0, 1000),
        code: r.code.slice(0, 50),
        message: r.message.slice(0, 2000),
        received_at: receivedAt,
        quarantine_path: r.quarantinePath ?? null,
      });
      const [row] = await q.listRefusalRows(db, 1, [id]);
      const view: WireRefusalView = { id, sourceId: r.sourceId, sourceName: row?.source_name ?? null, filename: r.filename, code: r.code, message: r.message, receivedAt };
      deps.emit({ type: 'refusal', refusal: view });
      return view;
    },

    /** Newest first. */
    async list(limit = 50): Promise<WireRefusalView[]> {
      const rows = await q.listRefusalRows(db, Math.min(Math.max(limit, 1), 500));
      return rows.map((r) => ({
        id: r.id,
        sourceId: r.source_id,
        sourceName: r.source_name,
        filename: r.filename,
        code: r.code,
        message: r.message,
        receivedAt: r.received_at,
      }));
    },
  };
}
