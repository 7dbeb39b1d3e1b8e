// Passwords stored as salted scrypt hashes, never as text, never shown.
// Through the real dispatcher on real SQLite files.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST, hashPassword } from './password';
import { clockedCoresPerTest, userRow } from '../testing/clocked-core';
import { ADMIN, ok, TEST_PASSWORD_COST } from '../testing/temp-core';

const open = clockedCoresPerTest(Date.parse('2026-03-02T09:00:00.000Z'));

describe('password storage', () => {
  const SECRET = 'Unique-Secret-Phrase-7731';

  it('stores salted scrypt hashes that record N, r, p, never the password, and never shows the hash', async () => {
    const { core, dispatch, login } = open();
    const admin = await login(ADMIN);
    for (const [username, displayName] of [['one', 'User One'], ['two', 'User Two']]) {
      ok(await dispatch('users.create', { username, displayName, role: 'nurse', password: SECRET, holder: 'someone-else' }, admin));
    }
    const one = userRow(core, 'one')!;
    const two = userRow(core, 'two')!;
    for (const row of [one, two]) {
      expect(row.password_hash.startsWith('scrypt$')).toBe(true);
      const [scheme, n, r, p, salt, hash] = row.password_hash.split('$');
      expect({ scheme, N: Number(n), r: Number(r), p: Number(p) }).toEqual({ scheme: 'scrypt', ...TEST_PASSWORD_COST });
      expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
      expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
      for (const form of [SECRET, SECRET.toLowerCase(), Buffer.from(SECRET).toString('base64'), Buffer.from(SECRET).toString('hex')]) {
        expect(row.password_hash).not.toContain(form);
      }
    }
    expect(one.password_hash).not.toBe(two.password_hash);
    expect(one.password_hash.split('$')[4]).not.toBe(two.password_hash.split('$')[4]);
    // Both still sign in with the same password.
    ok(await dispatch('auth.login', { username: 'one', password: SECRET }));
    ok(await dispatch('auth.login', { username: 'two', password: SECRET }));

    // Nowhere in the data file or its WAL.
    core.db.pragma('wal_checkpoint(PASSIVE)');
    for (const file of [core.databaseFile, `${core.databaseFile}-wal`]) {
      if (fs.existsSync(file)) expect(fs.readFileSync(file).includes(SECRET)).toBe(false);
    }

    const list = ok<Record<string, unknown>[]>(await dispatch('users.list', {}, admin));
    expect(list).toHaveLength(3);
    for (const user of list) {
      expect(Object.keys(user).sort()).toEqual(['active', 'createdAt', 'createdBy', 'createdForSelf', 'displayName', 'id', 'lockedUntil', 'passwordResetAt', 'passwordResetBy', 'provider', 'role', 'signingKeyId', 'username']);
    }
    const shown = JSON.stringify(list) + JSON.stringify(ok(await dispatch('auth.status', {}, admin))) + JSON.stringify(await dispatch('auth.login', { username: 'one', password: SECRET }));
    expect(shown).not.toContain('scrypt');
    expect(shown).not.toContain(one.password_hash.split('$')[5]);
    expect(shown).not.toContain(SECRET);
  });

  it('uses scrypt N=2^15, r=8, p=1 outside tests', async () => {
    expect(DEFAULT_COST).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    expect((await hashPassword(SECRET)).startsWith('scrypt$32768$8$1$')).toBe(true);
  });
});
