import { AppError } from '../../lib/errors.js';
import { roleHas, type Permission } from './permissions.js';
import type { Principal } from './token.service.js';

/** For the rare action that needs a second permission beyond its route's (e.g. creating a story already published). */
export function requirePermission(principal: Principal | undefined, permission: Permission): void {
  if (!principal || !roleHas(principal.role, permission)) {
    throw new AppError('forbidden', 'PERMISSION_DENIED', `Your role may not do this (needs ${permission}).`);
  }
}
