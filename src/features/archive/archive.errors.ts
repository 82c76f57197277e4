import { AppError } from '../../lib/errors.js';

/** Every reason an archive is refused. All are 'invalid' (a bad file) except a target that already holds content. */
export type ArchiveErrorCode =
  | 'ARCHIVE_NOT_GZIP'
  | 'ARCHIVE_UNREADABLE'
  | 'ARCHIVE_BAD_MANIFEST'
  | 'ARCHIVE_UNKNOWN_FORMAT'
  | 'ARCHIVE_SCHEMA_NEWER'
  | 'ARCHIVE_SCHEMA_OLDER'
  | 'ARCHIVE_MISSING_FILE'
  | 'ARCHIVE_UNEXPECTED_FILE'
  | 'ARCHIVE_CHECKSUM_MISMATCH'
  | 'ARCHIVE_ROW_COUNT'
  | 'ARCHIVE_BAD_ROW'
  | 'ARCHIVE_DUPLICATE_KEY'
  | 'ARCHIVE_ORPHAN'
  | 'ARCHIVE_BAD_MEDIA_KEY'
  | 'ARCHIVE_WRITE_FAILED'
  | 'ARCHIVE_MEDIA_FAILED'
  | 'ARCHIVE_EXPORT_FAILED'
  | 'ARCHIVE_TARGET_NOT_EMPTY';

export class ArchiveError extends AppError {
  constructor(
    override readonly code: ArchiveErrorCode,
    message: string,
    field?: string,
  ) {
    super(code === 'ARCHIVE_TARGET_NOT_EMPTY' ? 'conflict' : 'invalid', code, message, field);
    this.name = 'ArchiveError';
  }
}

export function archiveError(code: ArchiveErrorCode, message: string, field?: string): ArchiveError {
  return new ArchiveError(code, message, field);
}
