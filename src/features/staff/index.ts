export { PERMISSIONS, ROLES, ROLE_PERMISSIONS, isRole, roleHas } from './permissions.js';
export type { Permission, Role } from './permissions.js';
export { createTokenService, hashToken } from './token.service.js';
export type { TokenService, ApiToken, Principal } from './token.service.js';
export { requirePermission } from './require.js';
