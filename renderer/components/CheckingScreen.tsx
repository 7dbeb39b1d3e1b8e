import { useEffect, useState } from 'react';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { useRecovery } from '../stores/recovery';
import { ProgressBar } from './ProgressBar';

/** How often the screen and the status line ask whether the check (or the recovery) is over. */
const POLL_MS = 1000;

function size(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.round(bytes / 2 ** 20)} MB`;
}

/** Asks for the status every second while mounted (the check and the recovery run on their own); the time of the last ask. */
function usePolledStatus(): number {
  const load = useRecovery((s) => s.load);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      void load();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  return now;
}

/**
 * One line while the data file is checked in the background after an unexpected
 * shutdown (db/runtime.ts): everyone keeps working; it goes when the check passes.
 */
export function BackgroundCheckStatus({ check }: { check: NonNullable<RecoveryStatus['check']> }) {
  const now = usePolledStatus();
  const seconds = Math.max(0, Math.round((now - Date.parse(check.startedAt)) / 1000));
  return (
    <p className="background-check" role="status">
      Checking the data file in the background: {seconds} s of ~{check.expectedSeconds} s ({size(check.bytes)}). You can keep working; signing and password changes wait for it.
    </p>
  );
}

/**
 * Blocking, while the background check has found damage and the app restores the
 * newest verified backup and re-applies the changes made since the start.
 */
export function CheckingScreen({ status }: { status: RecoveryStatus }) {
  usePolledStatus();
  const found = status.damageAfterCheck;
  return (
    <main className="start" aria-busy="true">
      <h1>The data file is damaged: restoring</h1>
      <p>
        The check after the unexpected shutdown found damage in the data file{found ? ` (${found.detail})` : ''}. Nothing can be changed now. ProcedureDesk is
        setting the damaged file aside, restoring the newest verified backup and re-applying every change saved since it started.
      </p>
      <ProgressBar label="Restoring the newest verified backup" detail="This continues on its own." />
    </main>
  );
}

/** After the recovery: what happened, in plain words, until the user says they have read it. */
export function DamageRecoveredNotice({ found, onContinue }: { found: NonNullable<RecoveryStatus['damageAfterCheck']>; onContinue: () => void }) {
  return (
    <main className="start">
      <h1>The data file was damaged and has been replaced</h1>
      <p>
        The check after the unexpected shutdown found damage ({found.detail}). The damaged file was set aside untouched in {found.setAsideTo}.
        {found.restoredBackup
          ? ` The backup ${found.restoredBackup} was restored and the ${found.replayed} change(s) saved since the start were re-applied, with who made them and when.`
          : ' There was no verified backup to restore.'}
      </p>
      {found.keptForAdministrator > 0 && (
        <p role="alert">
          {found.keptForAdministrator} change(s) could not be re-applied automatically. They are kept, encrypted, in {found.journalKeptAt}: tell your administrator
          before entering them again.
        </p>
      )}
      <p>Changes saved before the shutdown and after the backup was taken may be missing: check today&apos;s work.</p>
      <button type="button" onClick={onContinue}>
        I have read this: continue
      </button>
    </main>
  );
}
