import { useEffect, useState } from 'react';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { useRecovery } from '../stores/recovery';
import { ProgressBar } from './ProgressBar';

/** How often the screen asks whether the check is over. */
const POLL_MS = 1000;

function size(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.round(bytes / 2 ** 20)} MB`;
}

/**
 * Shown while a large data file is checked after an unexpected shutdown
 * (db/runtime.ts). The check reads every page before anything may change, so
 * there is nothing to do here but wait; the app continues on its own.
 */
export function CheckingScreen({ status }: { status: RecoveryStatus }) {
  const load = useRecovery((s) => s.load);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      void load();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  const started = status.check ? Date.parse(status.check.startedAt) : now;
  const seconds = Math.max(0, Math.round((now - started) / 1000));
  return (
    <main className="start" aria-busy="true">
      <h1>Checking the data file</h1>
      <p>
        ProcedureDesk did not close normally last time (a crash, or the computer lost power). Before anything is shown or changed, it reads every page of the
        data file{status.check ? ` (${size(status.check.bytes)})` : ''} to make sure nothing was damaged. Everything saved before then is in the file.
      </p>
      <ProgressBar label="Checking every page of the data file" detail={`${seconds} s so far`} />
      <p>This continues on its own. If the check finds damage, the file is set aside untouched and you can restore a backup.</p>
    </main>
  );
}
