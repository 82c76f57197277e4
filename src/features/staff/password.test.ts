import { describe, expect, it } from 'vitest';
import { CURRENT_PARAMS, DUMMY_HASH, hashPassword, needsRehash, passwordProblem, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('stores a self-describing scrypt hash that verifies the right password only', async () => {
    const hash = await hashPassword('monsoon-desk-2026');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('monsoon-desk-2026', hash)).toBe(true);
    expect(await verifyPassword('monsoon-desk-2027', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, so two people with one password get different hashes', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('still verifies hashes made with other parameters, and says they need re-hashing', async () => {
    const cheap = await hashPassword('an older password', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('an older password', cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
    expect(needsRehash(await hashPassword('a current password'))).toBe(false);
    expect(CURRENT_PARAMS).toEqual({ N: 32768, r: 8, p: 1 });
  });

  it('treats the same password typed in another Unicode form as the same password', async () => {
    const composed = 'café-au-lait-42'; // é as one code point
    const decomposed = 'cafe\u0301-au-lait-42'; // e + combining accent
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it('never matches a damaged or hostile stored hash', async () => {
    for (const bad of ['', 'plain', 'scrypt$32768$8$1$c2FsdA', 'bcrypt$10$x$y$z$w', 'scrypt$1000$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', 'scrypt$4294967296$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA']) {
      expect(await verifyPassword('anything at all', bad), bad).toBe(false);
    }
  });

  it('has a dummy hash that costs the same as a real one and matches nothing likely', async () => {
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('password123', DUMMY_HASH)).toBe(false);
  });
});

describe('password rules', () => {
  it('asks for 10 to 200 characters and not the email', () => {
    expect(passwordProblem('short', 'a@b.test')).toMatch(/10 to 200/);
    expect(passwordProblem('x'.repeat(201), 'a@b.test')).toMatch(/10 to 200/);
    expect(passwordProblem('ten chars!', 'a@b.test')).toBeNull();
    expect(passwordProblem('Meera@Example.test', 'meera@example.test')).toMatch(/email/);
  });

  it('counts characters, not bytes', () => {
    expect(passwordProblem('मानसूनमानसून', 'a@b.test')).toBeNull(); // 12 code points, more bytes
    expect(passwordProblem('🔑🔑🔑🔑🔑🔑🔑🔑🔑', 'a@b.test')).toMatch(/10 to 200/); // 9 code points, 18 UTF-16 units
  });
});
