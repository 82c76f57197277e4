import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, ROLE_PERMISSIONS, roleHas } from './permissions.js';

describe('the permission matrix', () => {
  it('gives every role its own account and read access, and only administrators the accounts of others', () => {
    for (const role of ROLES) {
      expect(roleHas(role, 'account:self'), role).toBe(true);
      expect(roleHas(role, 'content:read'), role).toBe(true);
      expect(roleHas(role, 'users:manage'), role).toBe(role === 'admin');
    }
    expect(ROLE_PERMISSIONS.admin).toEqual(PERMISSIONS);
  });

  it('is the table operators read in docs/staff.md', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/staff.md'), 'utf8');
    const header = `| permission | ${ROLES.join(' | ')} |`;
    expect(doc).toContain(header);
    for (const p of PERMISSIONS) {
      const row = `| \`${p}\` | ` + ROLES.map((r) => (roleHas(r, p) ? '✓' : '')).join(' | ') + ' |';
      expect(doc, p).toContain(row);
    }
  });
});
