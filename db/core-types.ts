/** What the core is opened with and what it offers its hosts (db/core.ts: openCore): the runtime, the loopback host, tests and the bench. */
import type { AuditAlarm } from '#shared/contract/audit';
import type { Caller, Dispatch } from '#shared/contract/dispatcher';
import type { Template } from '#shared/library/schema';
import type { Reseal } from './audit-guard';
import type { KeyProtector } from './audit-key';
import type { ConsoleCode } from './auth/console-code';
import type { ScryptCost } from './auth/password';
import type { Auth } from './auth/sessions';
import type { Db } from './connection';
import type { DeliveryWorker } from './delivery/worker';
import type { DatabaseKey } from './keys/database-key';
import type { MigrationResult } from './migrate';
import type { ScheduleRunner } from './schedule/runner';
import type { ScheduleService } from './schedule/service';
import type { KeyPair } from './signing/ed25519';

export interface CoreOptions {
  dataDir: string;
  /** The key folder, outside dataDir (db/keys/key-folder.ts); defaults to "<dataDir>.keys". */
  keyDir?: string;
  /** Injected in tests; defaults to the system clock. */
  now?: () => Date;
  /** Wraps the audit key with the OS keystore (Electron); without it the key is an owner-only file. */
  auditKeyProtector?: KeyProtector | null;
  /** Wraps the database key with the OS keystore (Electron); without it the key is an owner-only file in keyDir. */
  databaseKeyProtector?: KeyProtector | null;
  /** The database key, when the caller (db/runtime.ts) has loaded it already; else loaded from keyDir. */
  databaseKey?: DatabaseKey;
  /** Monotonic milliseconds for the idle lock; injected in tests. */
  monotonic?: () => number;
  /** scrypt cost; tests lower it (the cost is stored with each hash). */
  passwordCost?: ScryptCost;
  newId?: () => string;
  log?: (message: string) => void;
  /** The runtime has just run quick_check on a worker thread and it passed (db/runtime.ts). */
  quickCheckDone?: boolean;
  /** Benchmarks only (bench/storage.ts measures before and after): leave storage as migration 024 found it, no background steps. */
  storageCompaction?: boolean;
  /** The bundled library to seed; tests inject a later release's. Defaults to LIBRARY. */
  library?: readonly Template[];
  /** Tests only (golden files): signing key pairs made from fixed seeds. Defaults to random keys. */
  newSigningKeyPair?: () => KeyPair;
  /** Browser mode: the code printed on the host's console that creating the first administrator and starting empty need. */
  consoleCode?: ConsoleCode | null;
  /** The runtime has just replaced the database on purpose (restore, start empty): re-seal the audit trail, recording it. */
  reseal?: Reseal;
}

export interface Core {
  dispatch: Dispatch;
  /** The methods this core has handlers for: the contract's servedBy 'core' ones, checked by db/core.test.ts. */
  methods: readonly string[];
  auth: Auth;
  /**
   * Runs a command as the caller the side journal recorded (db/journaled-dispatch.ts): the same
   * handlers, validation and audit as dispatch, with no session to check (it was checked when
   * the command was first acknowledged).
   */
  replay(method: string, input: unknown, caller: Caller | null): ReturnType<Dispatch>;
  /** Appends an audit entry for an action taken outside the dispatcher (restore, backup). */
  record(user: { name: string; role: string }, action: string, target: string | null): void;
  /** Set when the audit trail and its seal disagree, until an administrator acknowledges it. */
  auditAlarm(): AuditAlarm | null;
  /** Resolves once every call so far is checked against the seal and the seal is on disk (it follows each answer). */
  auditSettled(): Promise<void>;
  db: Db;
  dataDir: string;
  databaseFile: string;
  /** Every file of this database (backups, checks on a worker) is opened with it. */
  databaseKey: DatabaseKey;
  migration: MigrationResult;
  /** Sends queued exports to the chart; the runtime starts its timer (db/delivery/worker.ts). */
  delivery: DeliveryWorker;
  /** The day's appointments from the EHR: the runtime polls the inbox and starts the MLLP listener (db/schedule/). */
  schedule: ScheduleService;
  /** Polls the HL7 inbox and keeps the MLLP listener to the settings; the runtime starts its timer. */
  scheduleRunner: ScheduleRunner;
  close(): void;
}

/** The data file failed the start-up inspection; nothing was written to it. */
