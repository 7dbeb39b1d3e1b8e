/** What the runtime is started with and what it offers its host (db/runtime.ts; the Electron main process and the loopback host). */
import type { Dispatch } from '#shared/contract/dispatcher';
import type { RecoveryStatus } from '#shared/contract/recovery';
import type { Core, CoreOptions } from './core';

export interface RuntimeOptions extends CoreOptions {
  /** Take a backup this often while running (ms); 0 turns the schedule off. */
  backupEveryMs?: number;
  /** Look for due deliveries this often (ms; default a minute); 0 leaves them to on-demand runs. */
  deliveryEveryMs?: number;
  /** Poll the HL7 schedule inbox this often (ms; default 30 s); 0 leaves it to on-demand ticks. */
  scheduleEveryMs?: number;
  /** Tests and the bench: the background check after a crash begins only once this settles. */
  holdCheck?: Promise<unknown>;
}

export interface Runtime {
  dispatch: Dispatch;
  mode(): RecoveryStatus['mode'];
  /** Settles once the start-up check is over, in whichever mode it left the app. */
  started: Promise<void>;
  /** The running core (ready mode only). */
  core(): Core | null;
  backupNow(): Promise<void>;
  /** Stops a backup or check in progress, waits for its thread, then closes the database. */
  close(): Promise<void>;
}
