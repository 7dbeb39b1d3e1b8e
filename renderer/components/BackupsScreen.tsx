import { useEffect, useState } from 'react';
import { useRecovery } from '../stores/recovery';
import { useSession } from '../stores/session';
import { KeyProtectionNotice } from './KeyProtectionNotice';
import { ProgressBar } from './ProgressBar';

/** The backups in the data folder: take one now, or restore one (the current file is set aside, not deleted). */
export function BackupsScreen() {
  const isAdmin = useSession((st) => st.user?.role === 'admin');
  const me = useSession((st) => st.user?.username ?? '');
  // Restoring needs an administrator of that backup, by password (the data it brings back may have other accounts).
  const [adminName, setAdminName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const { status, error, load, backupNow, restore } = useRecovery();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // A backup is verified before it counts (integrity check, row counts): on a large file that takes a moment.
  const [working, setWorking] = useState<string | null>(null);
  const run = (what: string, work: () => Promise<void>, done: string) => {
    if (working) return;
    setWorking(what);
    setMessage(null);
    // The store keeps a failure in `error` (shown below) rather than throwing: say "done" only when there was none.
    void work().then(() => { if (!useRecovery.getState().error) setMessage(done); }).finally(() => setWorking(null));
  };

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="backups">
      <h1>Backups</h1>
      <p className="muted">
        Verified backups are taken at start-up and every 30 minutes, into {status?.dataDir}/backups; the newest 10 are kept.
        They are encrypted with the database key, like the data file. Restoring sets the current data file aside in the
        quarantine folder; it is never deleted.
      </p>
      <KeyProtectionNotice />
      <button type="button" className="primary" aria-disabled={working !== null} onClick={() => run('Writing and verifying a backup', backupNow, 'Backup written and verified.')}>
        Back up now
      </button>
      {working && <ProgressBar label={working} />}
      {message && <p role="status">{message}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {!isAdmin && <p className="muted">Restoring a backup replaces the data everyone works on, so only an administrator can do it.</p>}
      <ul className="items" aria-label="Backups">
        {(status?.backups ?? []).map((b, i) => (
          <li key={b.name} className="fact row">
            <span>{b.createdAt.replace(/T(\d\d)-(\d\d)-(\d\d).*/, ' $1:$2:$3 UTC')}{i === 0 ? ' (newest)' : ''}, {Math.round(b.bytes / 1024)} KB</span>
            {!isAdmin ? null : confirming === b.name ? (
              <div className="row" role="group" aria-label="Confirm the restore">
                <label>
                  Administrator of that backup
                  <input value={adminName ?? me} onChange={(e) => setAdminName(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} />
                </label>
                <label>
                  Password (as it was in that backup)
                  <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
                </label>
                <button type="button" className="primary"
                  onClick={() => {
                    const admin = { username: adminName ?? me, password };
                    setConfirming(null);
                    setPassword('');
                    run('Restoring the backup', () => restore(b.name, admin), `Restored the backup of ${b.createdAt}.`);
                  }}>
                  Yes, restore this backup
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(null)}>Cancel</button>
              </div>
            ) : (
              <button type="button" className="secondary" aria-label={`Restore the backup of ${b.createdAt}`} onClick={() => setConfirming(b.name)}>Restore…</button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
