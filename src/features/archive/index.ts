export { exportArchive } from './archive.export.js';
export { importArchive } from './archive.import.js';
export type { ImportOptions } from './archive.import.js';
export type { ArchiveDeps, ArchiveSummary, Progress, ContentTable, ColumnKind } from './archive.js';
export { COLUMNS, COLUMN_KINDS, ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION } from './archive.js';
export { ArchiveError } from './archive.errors.js';
export type { ArchiveErrorCode } from './archive.errors.js';
export type { Manifest, MediaEntry } from './archive.manifest.js';
