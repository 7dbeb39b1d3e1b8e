import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { AUDIT_KEY_FILE, loadAuditKey, PROTECTED_KEY_FILE } from '#db/audit-key';
import { defaultKeyDir } from '#db/core';
import { DATABASE_KEY_FILE, PROTECTED_DATABASE_KEY_FILE } from '#db/keys/database-key';
import { startRuntime } from '#db/runtime';
import { ok, openTempCore, tempDir, TEST_PASSWORD_COST } from '#db/testing/temp-core';
import { safeStorageProtector } from './key-protector';

/** A stand-in keystore: reversible, but nothing like the plaintext, so a leak would show. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true) {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0xa5));
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    encryptString: (text: string) => Buffer.concat([Buffer.from('WRAP'), mask(Buffer.from(text))]),
    decryptString: (data: Buffer) => {
      if (data.subarray(0, 4).toString() !== 'WRAP') throw new Error('not wrapped by this keystore');
      return mask(data.subarray(4)).toString();
    },
  };
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const dir = () => {
  const d = tempDir();
  dirs.push(d, `${d}.keys`);
  return d;
};

describe('audit key protected by the OS keystore', () => {
  it('refuses to pretend: no keystore, or Linux basic_text, means no protector (and says so)', () => {
    const logs: string[] = [];
    expect(safeStorageProtector(fakeSafeStorage('gnome_libsecret', false), 'linux', (m) => logs.push(m))).toBeNull();
    expect(safeStorageProtector(fakeSafeStorage('basic_text'), 'linux', (m) => logs.push(m))).toBeNull();
    expect(logs).toHaveLength(2);
    expect(safeStorageProtector(fakeSafeStorage('basic_text'), 'darwin', () => undefined)).not.toBeNull();
  });

  it('keeps only the wrapped key on disk, in the key folder, reads it back across restarts, and the chain verifies', async () => {
    const data = dir();
    const keys = `${data}.keys`;
    const protector = safeStorageProtector(fakeSafeStorage(), 'linux', () => undefined)!;
    const core = openTempCore({ dataDir: data, auditKeyProtector: protector });
    ok(await core.act('settings.get', {}));
    core.close();
    for (const folder of [data, keys]) expect(fs.existsSync(path.join(folder, AUDIT_KEY_FILE))).toBe(false);
    expect(fs.existsSync(path.join(data, PROTECTED_KEY_FILE))).toBe(false);
    const wrapped = fs.readFileSync(path.join(keys, PROTECTED_KEY_FILE));
    expect(wrapped.subarray(0, 4).toString()).toBe('WRAP');
    const again = openTempCore({ dataDir: data, auditKeyProtector: protector });
    try {
      expect(ok(await again.act('audit.verify', {}))).toMatchObject({ ok: true });
    } finally {
      again.cleanup();
    }
  });

  it('wraps an existing plaintext key once, then removes the plaintext; the protected key needs its keystore', () => {
    const keys = dir();
    const plainKey = loadAuditKey(keys).key;
    expect(fs.existsSync(path.join(keys, AUDIT_KEY_FILE))).toBe(true);
    const protector = safeStorageProtector(fakeSafeStorage(), 'win32', () => undefined)!;
    expect(loadAuditKey(keys, { protector }).key.equals(plainKey)).toBe(true);
    expect(fs.existsSync(path.join(keys, AUDIT_KEY_FILE))).toBe(false);
    expect(loadAuditKey(keys, { protector }).key.equals(plainKey)).toBe(true);
    // Without the keystore the key cannot be read, and no new key is made in its place.
    expect(() => loadAuditKey(keys)).toThrow(/protected by the OS keystore/);
    expect(fs.existsSync(path.join(keys, AUDIT_KEY_FILE))).toBe(false);
  });
});

describe('database key protected by the OS keystore', () => {
  it('is wrapped by safeStorage where a keystore really protects it; with basic_text it stays an owner-only file, and the status says which', async () => {
    for (const [backend, protection, file] of [['gnome_libsecret', 'os-keystore', PROTECTED_DATABASE_KEY_FILE], ['basic_text', 'owner-only-file', DATABASE_KEY_FILE]] as const) {
      const data = dir();
      const protector = safeStorageProtector(fakeSafeStorage(backend), 'linux', () => undefined);
      const runtime = startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: data, databaseKeyProtector: protector });
      try {
        expect(ok<RecoveryStatus>(await runtime.dispatch('recovery.status', {})).encryption).toEqual({ keyProtection: protection, keyDir: defaultKeyDir(data) });
        const keys = fs.readdirSync(defaultKeyDir(data));
        expect(keys).toContain(file);
        expect(keys).not.toContain(file === DATABASE_KEY_FILE ? PROTECTED_DATABASE_KEY_FILE : DATABASE_KEY_FILE);
      } finally {
        await runtime.close();
        fs.rmSync(defaultKeyDir(data), { recursive: true, force: true });
      }
    }
  });
});
