/** Coded errors of the wire desk's item routes (the parsers' refusals are WireRefusal, in formats/). */
import { conflict, invalid, notFound, unprocessable, type AppError } from '../../lib/errors.js';

export const wireItemNotFound = (id: number): AppError => notFound('WIRE_ITEM_NOT_FOUND', `There is no wire item ${id}.`, 'id');

export const wireVersionNotFound = (version: number, field: 'from' | 'to'): AppError =>
  notFound('WIRE_VERSION_NOT_FOUND', `This wire item has no version ${version}.`, field);

/** Use a second time: the desk already has a story from this item; `articleId` names it. */
export const wireAlreadyUsed = (articleId: number): AppError =>
  conflict('WIRE_ALREADY_USED', `A story was already made from this wire item (story ${articleId}).`).with({ articleId });

export const wireItemKilled = (): AppError =>
  conflict('WIRE_ITEM_KILLED', 'The agency withdrew this item; it cannot be used.');

export const wireNotUsed = (): AppError =>
  unprocessable('WIRE_NOT_USED', 'No story was made from this wire item, so there is nothing to update.');

export const wireCursorInvalid = (): AppError =>
  invalid('CURSOR_INVALID', 'This page cursor is not valid; start again from the first page.', 'cursor');
