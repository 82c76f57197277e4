/**
 * The permission matrix: one list of permissions, one list of roles, and
 * what each role may do. Every staff route declares exactly one permission;
 * the app checks it in one place (src/app/auth.ts).
 */
export const PERMISSIONS = [
  'content:read', // read anything in the admin API, drafts included
  'articles:write', // create and edit stories
  'articles:publish', // publish, unpublish, kill, correct
  'articles:delete',
  'sections:manage',
  'authors:manage',
  'tags:manage',
  'media:write',
  'pages:manage',
  'settings:manage',
  'tokens:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'contributor',
  'reporter',
  'sub-editor',
  'editor',
  'admin',
  'ad-ops',
  'classifieds-desk',
  'circulation',
] as const;
export type Role = (typeof ROLES)[number];

const WRITERS: readonly Permission[] = ['content:read', 'articles:write', 'media:write', 'tags:manage'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  contributor: ['content:read', 'articles:write', 'media:write'],
  reporter: WRITERS,
  'sub-editor': [...WRITERS, 'authors:manage'],
  editor: [...WRITERS, 'articles:publish', 'articles:delete', 'authors:manage', 'sections:manage', 'pages:manage'],
  admin: PERMISSIONS,
  'ad-ops': ['content:read'],
  'classifieds-desk': ['content:read'],
  circulation: ['content:read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
