/** The sign-in lockout policy and its messages: pure. */
import { AppError } from '../../lib/errors.js';

/** Failures within this window count. */
export const LOCK_WINDOW_MS = 15 * 60 * 1000;
/** The sixth try within the window for one email is refused, right password or not. */
export const EMAIL_FAILURE_LIMIT = 5;
/** A generous cap per address: an office behind one NAT should not lock itself out. */
export const IP_FAILURE_LIMIT = 50;

export const LOGIN_FAILED_MESSAGE = 'Email or password is wrong.';

/** One answer for an unknown email, a wrong password and a deactivated account, so none of them can be told apart. */
export function loginFailed(): AppError {
  return new AppError('unauthenticated', 'LOGIN_FAILED', LOGIN_FAILED_MESSAGE);
}

/** A refusal that tells the client when to try again (the route sends it as Retry-After). */
export class LoginLockedError extends AppError {
  constructor(
    readonly retryAt: Date,
    readonly retryAfterSeconds: number,
    who: 'account' | 'address',
  ) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      'rate_limited',
      'LOGIN_LOCKED',
      `Too many failed sign-ins ${who === 'account' ? 'for this account' : 'from your network'}. ` +
        `Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${retryAt.toISOString().slice(11, 16)} UTC).`,
    );
    this.name = 'LoginLockedError';
  }
}

/** The refusal for a key whose `limit`-th most recent failure happened at `oldestCounted`: it unlocks when that one leaves the window. */
export function lockError(oldestCounted: string, now: Date, who: 'account' | 'address'): LoginLockedError {
  const retryAt = new Date(Date.parse(oldestCounted) + LOCK_WINDOW_MS);
  return new LoginLockedError(retryAt, Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)), who);
}
