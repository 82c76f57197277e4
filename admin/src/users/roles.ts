/** Staff roles as the server knows them (src/features/staff/permissions.ts); duplicated because the app never imports server code. */
export const ROLES = ['contributor', 'reporter', 'sub-editor', 'editor', 'admin', 'ad-ops', 'classifieds-desk', 'circulation'] as const;

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  contributor: 'Contributor',
  reporter: 'Reporter',
  'sub-editor': 'Sub-editor',
  editor: 'Editor',
  admin: 'Administrator',
  'ad-ops': 'Ad operations',
  'classifieds-desk': 'Classifieds desk',
  circulation: 'Circulation',
};

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}
