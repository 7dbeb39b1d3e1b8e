import { useState } from 'react';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { useRecovery } from '../stores/recovery';

const WHY: Record<NonNullable<RecoveryStatus['problem']>['damage'], string> = {
  'not-a-file': 'Where the data file should be, there is something else (a folder).',
  'empty-file': 'The data file is empty.',
  'not-sqlite': 'The data file is not a ProcedureDesk database this computer’s key can read (it may be damaged, overwritten, or encrypted with another key).',
  corrupt: 'The data file is damaged.',
  foreign: 'The data file belongs to another application.',
  'newer-version': 'The data file was written by a newer version of ProcedureDesk.',
};

/**
 * Shown instead of the app when the database was set aside at start-up. Replacing the database
 * needs an administrator of the file that takes its place (the backup, or the newest backup when
 * starting empty); with no backup at all, browser mode asks for the code printed on its console.
 */
export function RecoveryScreen({ status }: { status: RecoveryStatus }) {
  const { restore, startEmpty, error } = useRecovery();
  const [confirming, setConfirming] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [consoleCode, setConsoleCode] = useState('');
  const problem = status.problem;
  const hasBackups = status.backups.length > 0;
  const admin = { username, password };
  return (
    <main className="start recovery">
      <h1>The database needs attention</h1>
      {problem && (
        <>
          <p role="alert">{WHY[problem.damage]} ({problem.detail})</p>
          <p>
            Nothing was deleted. The file was moved aside, untouched, to <code>{problem.setAsideTo}</code>, so it can be examined or recovered by IT.
          </p>
        </>
      )}
      {hasBackups && (
        <section className="card" aria-labelledby="admin-heading">
          <h2 id="admin-heading">An administrator's sign-in</h2>
          <p>Restoring or starting empty replaces the clinic's data: an administrator confirms it with their username and password as they were in the backup.</p>
          <div className="row">
            <label>
              Administrator username
              <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} />
            </label>
            <label>
              Administrator password
              <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
            </label>
          </div>
        </section>
      )}
      <section className="card" aria-labelledby="backups-heading">
        <h2 id="backups-heading">Restore a backup</h2>
        {status.backups.length === 0 ? (
          <p>No backups were found in {status.dataDir}/backups.</p>
        ) : (
          <ul className="items">
            {status.backups.map((b, i) => (
              <li key={b.name} className="fact row">
                <span>{b.createdAt.replace(/T(\d\d)-(\d\d)-(\d\d).*/, ' $1:$2:$3 UTC')}{i === 0 ? ' (newest)' : ''}, {Math.round(b.bytes / 1024)} KB</span>
                <button type="button" className={i === 0 ? 'primary' : 'secondary'} onClick={() => void restore(b.name, admin)}>
                  Restore this backup
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="empty-heading">
        <h2 id="empty-heading">Start with an empty database</h2>
        <p>Only if no backup can be used. Patients and encounters in the set-aside file will not be shown.</p>
        {status.needsConsoleCode && (
          <label>
            One-time code (printed in the console window that started ProcedureDesk)
            <input value={consoleCode} onChange={(e) => setConsoleCode(e.target.value)} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} />
          </label>
        )}
        {!confirming ? (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>Start with an empty database…</button>
        ) : (
          <div className="row">
            <button type="button" className="primary" onClick={() => void startEmpty(hasBackups ? admin : { username: '', password: '', consoleCode })}>Yes, start empty</button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        )}
      </section>
      {error && <p role="alert" className="error">{error}</p>}
    </main>
  );
}
