/**
 * The rows of an unpacked archive: read one table file at a time, check
 * every row, and check the references between tables before anything is
 * written. Memory grows with the number of ids, never with row contents.
 */
import path from 'node:path';
import { CONTENT_TABLES } from '../../db/index.js';
import { checkRow, FOREIGN_KEYS, PRIMARY_KEYS, type ContentTable, type Progress, type Row } from './archive.js';
import { archiveError } from './archive.errors.js';
import { readLines } from './archive.files.js';
import type { Manifest } from './archive.manifest.js';

export function tableFile(staging: string, table: ContentTable): string {
  return path.join(staging, 'tables', `${table}.ndjson`);
}

/** Every row of a table file, parsed and checked. */
export async function* readRows(staging: string, table: ContentTable): AsyncGenerator<Row> {
  for await (const { line, n } of readLines(tableFile(staging, table))) {
    const where = `tables/${table}.ndjson line ${n}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw archiveError('ARCHIVE_BAD_ROW', `${where} is not valid JSON.`);
    }
    yield checkRow(table, value, where);
  }
}

const REFERENCED = new Set<ContentTable>(FOREIGN_KEYS.map((fk) => fk.references));

/**
 * Checks all rows: shape, row counts, unique primary keys, no orphans and no
 * section that sits inside itself. Returns the sections parents-first, the one
 * table whose rows reference each other.
 */
export async function verifyRows(staging: string, manifest: Manifest, onProgress?: Progress): Promise<Row[]> {
  const ids = new Map<ContentTable, Set<number>>();
  const sectionParents = new Map<number, number | null>();
  const sectionRows: Row[] = [];
  for (const table of CONTENT_TABLES) {
    const total = manifest.tables[table];
    const keys = new Set<string>();
    const refs = FOREIGN_KEYS.filter((fk) => fk.table === table && fk.references !== table);
    const own = REFERENCED.has(table) ? new Set<number>() : undefined;
    let done = 0;
    for await (const row of readRows(staging, table)) {
      done += 1;
      const key = PRIMARY_KEYS[table].map((k) => String(row[k])).join('\u0000');
      if (keys.has(key)) {
        throw archiveError('ARCHIVE_DUPLICATE_KEY', `tables/${table}.ndjson line ${done} repeats the key ${PRIMARY_KEYS[table].join(', ')} = ${key.replace('\u0000', ', ')}.`);
      }
      keys.add(key);
      own?.add(row['id'] as number);
      for (const fk of refs) {
        const target = row[fk.column];
        if (target !== null && !ids.get(fk.references)?.has(target as number)) {
          throw archiveError(
            'ARCHIVE_ORPHAN',
            `tables/${table}.ndjson line ${done}: ${fk.column} ${String(target)} points to a row missing from ${fk.references}.`,
          );
        }
      }
      if (table === 'sections') {
        sectionParents.set(row['id'] as number, row['parent_id'] as number | null);
        sectionRows.push(row);
      }
      if (done % 1000 === 0) onProgress?.({ phase: 'verify', table, done, total });
    }
    if (done !== total) {
      throw archiveError('ARCHIVE_ROW_COUNT', `tables/${table}.ndjson holds ${done} rows; the manifest says ${total}.`);
    }
    if (own) ids.set(table, own);
    onProgress?.({ phase: 'verify', table, done, total });
  }
  return sectionsParentsFirst(sectionRows, sectionParents);
}

/** Orders sections so every parent comes before its children; refuses orphans and loops. */
function sectionsParentsFirst(rows: Row[], parents: Map<number, number | null>): Row[] {
  const depth = new Map<number, number>();
  const depthOf = (id: number): number => {
    const seen = new Set<number>();
    let d = 0;
    for (let at: number | null | undefined = id; at !== null; at = parents.get(at)) {
      if (at === undefined) {
        throw archiveError('ARCHIVE_ORPHAN', `Section ${id} sits inside a section that is missing from the archive.`);
      }
      const known = depth.get(at);
      if (known !== undefined) return d + known;
      if (seen.has(at)) throw archiveError('ARCHIVE_BAD_ROW', `Section ${id} sits inside itself.`);
      seen.add(at);
      d += 1;
    }
    return d;
  };
  for (const id of parents.keys()) depth.set(id, depthOf(id));
  return [...rows].sort((a, b) => (depth.get(a['id'] as number) ?? 0) - (depth.get(b['id'] as number) ?? 0));
}
