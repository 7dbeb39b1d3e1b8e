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

/** Shown instead of the app when the database was set aside at start-up. */
export function RecoveryScreen({ status }: { status: RecoveryStatus }) {
  const { restore, startEmpty, error } = useRecovery();
  const [confirming, setConfirming] = useState(false);
  const problem = status.problem;
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
      <section className="card" aria-labelledby="backups-heading">
        <h2 id="backups-heading">Restore a backup</h2>
        {status.backups.length === 0 ? (
          <p>No backups were found in {status.dataDir}/backups.</p>
        ) : (
          <ul className="items">
            {status.backups.map((b, i) => (
              <li key={b.name} className="fact row">
                <span>{b.createdAt.replace(/T(\d\d)-(\d\d)-(\d\d).*/, ' $1:$2:$3 UTC')}{i === 0 ? ' (newest)' : ''}, {Math.round(b.bytes / 1024)} KB</span>
                <button type="button" className={i === 0 ? 'primary' : 'secondary'} onClick={() => void restore(b.name)}>
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
        {!confirming ? (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>Start with an empty database…</button>
        ) : (
          <div className="row">
            <button type="button" className="primary" onClick={() => void startEmpty()}>Yes, start empty</button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        )}
      </section>
      {error && <p role="alert" className="error">{error}</p>}
    </main>
  );
}
