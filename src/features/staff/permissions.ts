/**
 * The permission matrix: one list of permissions, one list of roles, and
 * what each role may do. Every staff route declares exactly one permission;
 * the app checks it in one place (src/app/auth.ts).
 */
export const PERMISSIONS = [
  'content:read', // read anything in the admin API, drafts included
  'articles:write', // create and edit stories, submit them to the desk
  'articles:edit', // the desk: take a story into edit, mark it ready, send it back with a note
  'articles:publish', // publish, schedule, unpublish, kill, correct
  'articles:delete',
  'sections:manage',
  'authors:manage',
  'tags:manage',
  'media:write',
  'pages:manage',
  'settings:manage',
  'tokens:manage',
  'users:manage', // staff accounts and their roles
  'wire:read', // the wire desk: read agency copy, use it for a story (every role holding it also holds articles:write)
  'wire:manage', // wire sources (folders, feeds, push secrets) and their auto-publish rules
  'ads:manage', // advertising: campaigns, creatives, reports, rate card and the ad-ops inbox
  'account:self', // one's own sessions and password: every role
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

const WRITERS: readonly Permission[] = ['account:self', 'content:read', 'articles:write', 'media:write', 'tags:manage', 'wire:read'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  contributor: ['account:self', 'content:read', 'articles:write', 'media:write'],
  reporter: WRITERS,
  'sub-editor': [...WRITERS, 'articles:edit', 'authors:manage'],
  editor: [...WRITERS, 'articles:edit', 'articles:publish', 'articles:delete', 'authors:manage', 'sections:manage', 'pages:manage'],
  admin: PERMISSIONS,
  'ad-ops': ['account:self', 'content:read', 'ads:manage'],
  'classifieds-desk': ['account:self', 'content:read'],
  circulation: ['account:self', 'content:read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
