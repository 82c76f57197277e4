/**
 * Coded errors. Services throw these; they never know about HTTP. The app
 * maps `kind` to a status code and `{ error: { code, message, field } }`.
 */
export type ErrorKind =
  | 'invalid' // 400: malformed request
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: duplicate slug, stale revision
  | 'gone' // 410
  | 'too_large' // 413
  | 'unsupported' // 415
  | 'unprocessable' // 422: well-formed but breaks a rule (dangling reference, wrong state)
  | 'rate_limited'; // 429

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Members answered beside `error` in the body, e.g. `current` (the newer saved story) with a revision conflict. */
    readonly extra?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** The same error answered with more members beside `error`. */
  with(extra: Readonly<Record<string, unknown>>): AppError {
    return new AppError(this.kind, this.code, this.message, this.field, { ...this.extra, ...extra });
  }
}

export const notFound = (code: string, message: string, field?: string): AppError =>
  new AppError('not_found', code, message, field);
export const conflict = (code: string, message: string, field?: string): AppError =>
  new AppError('conflict', code, message, field);
export const invalid = (code: string, message: string, field?: string): AppError =>
  new AppError('invalid', code, message, field);
export const unprocessable = (code: string, message: string, field?: string): AppError =>
  new AppError('unprocessable', code, message, field);

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
