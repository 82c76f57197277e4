/** Coded errors the story use cases share. */
import { conflict, type AppError } from '../../lib/errors.js';

/** The answer to an edit made against an old revision: the caller reloads (the API adds the current story to the answer). */
export function staleRevision(current: number): AppError {
  return conflict('ARTICLE_REVISION_CONFLICT', `Someone else saved this story (revision ${current}); reload to see their changes.`, 'revision');
}
