import { useRecovery } from '../stores/recovery';

/** Joins a folder and a name with the separator the folder already uses (Windows paths use backslashes). */
function inFolder(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

/**
 * What someone setting the app up needs to know before the first account exists:
 * where the data and the backups are, and how to look around with sample
 * patients. The folder comes from recovery.status, which the app asks before
 * anyone signs in (it is public: it names the folder, never its contents).
 */
export function FirstRunNotes() {
  const dataDir = useRecovery((s) => s.status?.dataDir);
  const keyDir = useRecovery((s) => s.status?.encryption.keyDir);
  const keyProtection = useRecovery((s) => s.status?.encryption.keyProtection);
  return (
    <section className="card first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">Before you start</h2>
      <ul className="first-run-notes">
        <li>
          <strong>Your data</strong> is one file on this computer; nothing is sent over a network:{' '}
          {dataDir ? <code className="path">{inFolder(dataDir, 'proceduredesk.sqlite')}</code> : 'in the app’s data folder'}.
        </li>
        <li>
          <strong>Encrypted</strong>: the data file and its backups are encrypted (AES-256, SQLCipher format). The key is kept apart from the
          data, in {keyDir ? <code className="path">{keyDir}</code> : 'the key folder'}
          {keyProtection === 'os-keystore' ? ', locked by this computer’s keychain or keyring.' : '.'}
        </li>
        <li>
          <strong>Backups</strong> are verified copies taken at every start and every 30 minutes (the newest 10 are kept) in{' '}
          {dataDir ? <code className="path">{inFolder(dataDir, 'backups')}</code> : 'the backups folder beside it'}.
          Copy that folder to other storage to keep backups off this computer; the Backups screen restores one.
        </li>
        <li>
          <strong>Sample patients</strong>: once the administrator has created a nurse or physician account, that person can add
          three sample patients with today’s encounters from the empty worklist, to look around first.
        </li>
      </ul>
    </section>
  );
}
