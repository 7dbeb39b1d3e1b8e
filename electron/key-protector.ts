/**
 * The app's keys (the database key, the audit key) wrapped by the OS keystore
 * through Electron's safeStorage (Keychain, DPAPI, kwallet/libsecret). Where
 * safeStorage cannot protect anything (no keystore; on Linux the 'basic_text'
 * backend, whose "encryption" uses a hard-coded password) this returns null and
 * the keys stay owner-only files, as in browser mode, with a logged warning and
 * a notice on screen: a fake protection would only hide that fact. Imports no
 * Electron at runtime.
 */
import type { SafeStorage } from 'electron';
import type { KeyProtector } from '#db/audit-key';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'];
};

export function safeStorageProtector(storage: SafeStorageLike, platform: NodeJS.Platform, log: (message: string) => void): KeyProtector | null {
  if (!storage.isEncryptionAvailable()) {
    log('the OS keystore is not available; the keys stay owner-only files');
    return null;
  }
  if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
    log('safeStorage would use its plaintext fallback (basic_text), which is no OS keystore; the keys stay owner-only files');
    return null;
  }
  return {
    name: 'safeStorage',
    protect: (key) => storage.encryptString(key.toString('hex')),
    unprotect: (stored) => Buffer.from(storage.decryptString(stored), 'hex'),
  };
}
