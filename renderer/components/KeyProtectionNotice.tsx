import { useRecovery } from '../stores/recovery';

/**
 * Says where the database key is when no OS keystore protects it (browser mode,
 * Linux without a secret service): the data is encrypted, but anyone who can
 * use this OS account can read the key file. Shown before sign-in and on the
 * Backups screen; nothing when the keystore wraps the key.
 */
export function KeyProtectionNotice() {
  const encryption = useRecovery((s) => s.status?.encryption);
  if (!encryption || encryption.keyProtection !== 'owner-only-file') return null;
  return (
    <section className="notice key-notice" aria-labelledby="key-notice-heading">
      <h2 id="key-notice-heading">No OS keystore protects the database key</h2>
      <p>
        The data and its backups are encrypted (AES-256), but the key is a file in <code className="path">{encryption.keyDir}</code> that
        anyone using this OS account can read. Use the desktop app where a system keychain or keyring is available, and keep a copy of that
        folder safe, apart from the backups: without it nothing can be read.
      </p>
    </section>
  );
}
