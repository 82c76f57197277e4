/** The manifest: what an archive claims to hold, checked before anything else is trusted. */
import { CONTENT_TABLES, type DialectName } from '../../db/index.js';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, isContentTable, isMediaKey, type ContentTable } from './archive.js';
import { archiveError } from './archive.errors.js';

export interface MediaEntry {
  key: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: typeof ARCHIVE_FORMAT_VERSION;
  createdAt: string;
  /** The last migration of the database it came from; import requires the same. */
  schemaVersion: string;
  dialect: DialectName;
  /** Row count per table. */
  tables: Record<ContentTable, number>;
  /** sha256 (hex) of each `tables/<table>.ndjson`. */
  tableSha256: Record<ContentTable, string>;
  media: MediaEntry[];
}

const SHA256_RE = /^[0-9a-f]{64}$/;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function bad(message: string): never {
  throw archiveError('ARCHIVE_BAD_MANIFEST', `The archive's manifest.json is not valid: ${message}`);
}

/** One record per content table, exactly: an unknown table is refused, not skipped. */
function perTable<V>(value: unknown, what: string, check: (v: unknown) => v is V): Record<ContentTable, V> {
  if (!isObject(value)) bad(`"${what}" must be an object.`);
  for (const name of Object.keys(value)) {
    if (!isContentTable(name)) bad(`"${what}" names an unknown table "${name}".`);
  }
  for (const table of CONTENT_TABLES) {
    if (!check(value[table])) bad(`"${what}" has no valid entry for table "${table}".`);
  }
  return value as Record<ContentTable, V>;
}

/**
 * Parses manifest.json. Format and schema are checked first so an archive
 * from a newer Dateline gets that message rather than a shape complaint.
 */
export function parseManifest(text: string, ourSchema: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    bad('it is not JSON.');
  }
  if (!isObject(value)) bad('it must be a JSON object.');
  if (value['format'] !== ARCHIVE_FORMAT) {
    throw archiveError('ARCHIVE_UNKNOWN_FORMAT', 'This file is not a Dateline archive (its manifest names another format).');
  }
  if (value['formatVersion'] !== ARCHIVE_FORMAT_VERSION) {
    throw archiveError(
      'ARCHIVE_UNKNOWN_FORMAT',
      `This archive uses format version ${JSON.stringify(value['formatVersion'])}; this Dateline reads version ${ARCHIVE_FORMAT_VERSION}.`,
    );
  }
  const schema = value['schemaVersion'];
  if (typeof schema !== 'string' || schema === '') bad('"schemaVersion" must be a migration name.');
  if (schema > ourSchema) {
    throw archiveError(
      'ARCHIVE_SCHEMA_NEWER',
      `This archive was made by a newer Dateline (schema ${schema}; this one is at ${ourSchema}). Upgrade Dateline, then import.`,
    );
  }
  if (schema !== ourSchema) {
    throw archiveError(
      'ARCHIVE_SCHEMA_OLDER',
      `This archive was made by an older Dateline (schema ${schema}; this one is at ${ourSchema}). Import it with that version, then upgrade.`,
    );
  }
  if (typeof value['createdAt'] !== 'string') bad('"createdAt" must be a timestamp.');
  if (value['dialect'] !== 'sqlite' && value['dialect'] !== 'postgres') bad('"dialect" must be "sqlite" or "postgres".');
  perTable(value['tables'], 'tables', isCount);
  perTable(value['tableSha256'], 'tableSha256', (v): v is string => typeof v === 'string' && SHA256_RE.test(v));
  const media = value['media'];
  if (!Array.isArray(media)) bad('"media" must be a list.');
  const seen = new Set<string>();
  for (const entry of media as unknown[]) {
    if (!isObject(entry) || typeof entry['key'] !== 'string' || !isCount(entry['bytes'])) bad('every media entry needs a key and a size.');
    if (typeof entry['sha256'] !== 'string' || !SHA256_RE.test(entry['sha256'])) bad(`media "${entry['key']}" has no valid sha256.`);
    if (!isMediaKey(entry['key'])) {
      throw archiveError('ARCHIVE_BAD_MEDIA_KEY', `The archive lists a media file with an unsafe name: ${JSON.stringify(entry['key'])}.`);
    }
    if (seen.has(entry['key'])) bad(`media "${entry['key']}" is listed twice.`);
    seen.add(entry['key']);
  }
  return value as unknown as Manifest;
}
