/**
 * The composition root: opens the database, migrates it, seeds the library, and
 * wires repositories and handlers to the one dispatcher. Electron main and the
 * loopback host both start the app through here, and only here.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createDispatcher, type Caller, type Dispatch, type Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import { LIBRARY } from '#shared/library/index';
import { openDatabase } from './connection';
import { prepareFolders } from './data-folder';
import { encryptPlaintextDatabase } from './encrypt-existing';
import { databaseKeyFor } from './keys/database-key';
import { FILE_MODE, makeOwnerOnly } from './owner-only-files';
import { createAuditLog } from './audit';
import { forgetDataFolderKey, loadAuditKey } from './audit-key';
import { createAuditGuard } from './audit-guard';
import { auditedHandlers } from './audited';
import { createAccounts } from './auth/accounts';
import { DEFAULT_COST } from './auth/password';
import { createAuth } from './auth/sessions';
import { createSigningKeyRepository } from './repositories/signing-keys';
import { createKeyring } from './signing/keyring';
import { createNoteVerifier } from './signing/verify-note';
import { authHandlers } from './handlers/auth';
import { usersHandlers } from './handlers/users';
import { settingsHandlers } from './handlers/settings';
import { createSettingsRepository } from './repositories/settings';
import { createUserRepository } from './repositories/users';
import { createWorkflowRepository } from './repositories/workflow';
import { createBleedingRiskRepository } from './repositories/bleeding-risk';
import { createPatientFactRepository } from './repositories/patient-facts';
import { createIntakeRepository } from './repositories/intakes';
import { demoHandlers } from './handlers/demo';
import { systemHandlers } from './handlers/system';
import { followUpHandlers } from './handlers/follow-up';
import { outcomeHandlers } from './handlers/outcomes';
import { coverageHandlers } from './handlers/coverage';
import { inspectDatabase, RUNNING_MARKER, type Inspection } from './integrity';
import { readyModeRecoveryHandlers } from './handlers/recovery';
import { auditHandlers } from './handlers/audit';
import { translateSqliteError } from './errors';
import { checklistHandlers } from './handlers/checklist';
import type { HandlerContext } from './handlers/support/context';
import { encounterHandlers } from './handlers/encounter';
import { patientFactHandlers } from './handlers/patient-facts';
import { intakeHandlers } from './handlers/intake';
import { steroidHandlers } from './handlers/steroid';
import { dayTeamHandlers } from './handlers/day-team';
import { libraryHandlers } from './handlers/library';
import { noteHandlers } from './handlers/note';
import { handoutHandlers } from './handlers/handout';
import { patientHandlers } from './handlers/patient';
import { migrate } from './migrate';
import { scheduleStorageCompaction } from './compact-storage';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { DATABASE_FILE } from './paths';
import { createChecklistRepository } from './repositories/checklist';
import { createConsentRepository } from './repositories/consent';
import { createEncounterRepository } from './repositories/encounters';
import { createExportRepository } from './repositories/exports';
import { createPatientRepository } from './repositories/patients';
import { createReviewRepository } from './repositories/reviews';
import { createTemplateRepository } from './repositories/templates';
import { seedLibrary } from './seed-library';
import { createSignedNoteRepository } from './repositories/signed-notes';
import { createParticipantSignatureRepository } from './repositories/participant-signatures';
import { createOutboxExportRepository } from './repositories/outbox-exports';
import { createDeliveryQueueRepository } from './repositories/delivery-queue';
import { createDeliveryWorker } from './delivery/worker';
import { deliveryHandlers } from './handlers/delivery';
import { scheduleHandlers } from './handlers/schedule';
import { createScheduleService } from './schedule/service';
import { createScheduleRunner } from './schedule/runner';
import { consentHandlers } from './handlers/consent';
import { exportHandlers } from './handlers/export';
import { reconcileOutbox } from './export/reconcile';
import type { Core, CoreOptions } from './core-types';

export type { Core, CoreOptions } from './core-types';
import { APP_VERSION } from './version';

export class DatabaseDamagedError extends Error {
  constructor(readonly inspection: Inspection) {
    super(`The database file cannot be used (${inspection.damage}: ${inspection.detail}).`);
    this.name = 'DatabaseDamagedError';
  }
}

/** The key folder when none is given: beside the data folder, never inside it (db/keys/key-folder.ts). */
export const defaultKeyDir = (dataDir: string): string => `${path.resolve(dataDir)}.keys`;

export function openCore(options: CoreOptions): Core {
  const log = options.log ?? (() => undefined);
  const databaseFile = path.join(options.dataDir, DATABASE_FILE);
  const keyDir = options.keyDir ?? defaultKeyDir(options.dataDir);
  const databaseKey = options.databaseKey ?? databaseKeyFor(databaseFile, keyDir, options.databaseKeyProtector, log);
  prepareFolders(options.dataDir, keyDir, databaseKey, log);
  const inspection = inspectDatabase(databaseFile, LATEST_SCHEMA_VERSION, { key: databaseKey, quickCheckDone: options.quickCheckDone ?? false });
  if (inspection.state === 'damaged') throw new DatabaseDamagedError(inspection);
  if (inspection.uncleanShutdown) log(`the previous run did not close cleanly; ${options.quickCheckDone ? 'quick_check is left to the runtime (on a worker thread)' : 'quick_check passed'}`);
  if (inspection.plaintext) encryptPlaintextDatabase(databaseFile, databaseKey, { backupsDir: path.join(options.dataDir, 'backups'), log });
  const db = openDatabase(databaseFile, LATEST_SCHEMA_VERSION, databaseKey);
  const marker = path.join(options.dataDir, RUNNING_MARKER);
  fs.writeFileSync(marker, `${process.pid}\n`, { mode: FILE_MODE });
  makeOwnerOnly(marker);
  try {
    const migration = migrate(db, MIGRATIONS, path.join(options.dataDir, 'backups'));
    if (migration.from !== migration.to) log(`database migrated from schema ${migration.from} to ${migration.to}`);
    const clock = options.now ?? (() => new Date());
    const now = () => clock().toISOString();
    const templates = createTemplateRepository(db);
    // Before seeding: a bundled version stored under a new number is audited.
    const keyDir = options.keyDir ?? `${options.dataDir}.keys`;
    const protector = options.auditKeyProtector ?? null;
    const auditKey = loadAuditKey(keyDir, { dataDir: options.dataDir, protector, log });
    const audit = createAuditLog(db, auditKey.key);
    seedLibrary(options.library ?? LIBRARY, { db, templates, audit, now, log });
    const guard = createAuditGuard({ db, keyDir, key: auditKey.key, audit, now, log });
    guard.open(auditKey.origin, options.reseal);
    // Only now, with the seal written, may an earlier version's key leave the data folder.
    if (auditKey.origin === 'moved') forgetDataFolderKey(options.dataDir, auditKey.key, protector, log);

    const users = createUserRepository(db);
    const settings = createSettingsRepository(db);
    const newId = options.newId ?? randomUUID;
    const auth = createAuth({
      db,
      users,
      settings,
      audit,
      now: clock,
      monotonic: options.monotonic ?? (() => performance.now()),
      newId,
      cost: options.passwordCost,
    });
    const cost = options.passwordCost ?? DEFAULT_COST;
    const signingKeys = createSigningKeyRepository(db);
    const keyring = createKeyring({ keys: signingKeys, audit, now, cost, ...(options.newSigningKeyPair ? { newKeyPair: options.newSigningKeyPair } : {}) });
    const accounts = createAccounts({ db, users, audit, auth, keyring, now, newId, cost });
    if (options.consoleCode && users.count() === 0) options.consoleCode.announce('create the first administrator');
    const ctx: HandlerContext = {
      db,
      dataDir: options.dataDir,
      appVersion: APP_VERSION,
      schemaVersion: LATEST_SCHEMA_VERSION,
      patients: createPatientRepository(db),
      encounters: createEncounterRepository(db),
      templates,
      checklist: createChecklistRepository(db),
      consent: createConsentRepository(db),
      exports: createExportRepository(db),
      reviews: createReviewRepository(db),
      workflow: createWorkflowRepository(db),
      signedNotes: createSignedNoteRepository(db),
      settings,
      participantSignatures: createParticipantSignatureRepository(db),
      outboxExports: createOutboxExportRepository(db),
      bleedingRisk: createBleedingRiskRepository(db),
      patientFacts: createPatientFactRepository(db),
      intakes: createIntakeRepository(db),
      providerOf: (actor) => users.byDisplayName(actor.name)?.provider ?? null,
      deliveryQueue: createDeliveryQueueRepository(db),
      auth,
      keyring,
      verifier: createNoteVerifier(db, signingKeys),
      audit,
      now,
      newId,
      log,
    };
    // Before any call: a crash mid-export left .partial files (PHI) to finish or remove.
    reconcileOutbox({ outboxExports: ctx.outboxExports, currentFolder: settings.get().outboxFolder, audit, now, log });
    const delivery = createDeliveryWorker({ db, queue: ctx.deliveryQueue, settings: () => settings.get(), audit, now, log });
    // A note just sent to the outbox goes to the chart now, not at the worker's next tick (up to a minute later).
    ctx.deliveryQueued = () => delivery.nudge();
    const schedule = createScheduleService({ db, patients: ctx.patients, settings: () => settings.get(), audit, now, newId, log });
    const scheduleRunner = createScheduleRunner(schedule, () => settings.get().schedule.mllp, log);
    const handlers: Handlers = {
      ...authHandlers({ auth, accounts, users, audit, now, consoleCode: options.consoleCode ?? null }),
      ...usersHandlers({ db, auth, accounts, users, audit, now }),
      ...settingsHandlers({ db, settings, audit, now, knownTemplate: (id) => templates.latest(id) !== undefined }),
      ...libraryHandlers(ctx),
      ...patientHandlers(ctx),
      ...encounterHandlers(ctx),
      ...patientFactHandlers(ctx),
      ...intakeHandlers(ctx),
      ...steroidHandlers(ctx),
      ...checklistHandlers(ctx), ...dayTeamHandlers(ctx),
      ...noteHandlers(ctx, audit),
      ...handoutHandlers(ctx),
      ...followUpHandlers(ctx), ...outcomeHandlers(ctx), ...coverageHandlers(ctx),
      ...consentHandlers(ctx),
      ...exportHandlers(ctx, audit),
      ...deliveryHandlers(ctx, delivery),
      ...scheduleHandlers(ctx, schedule),
      ...demoHandlers(ctx, (method, input, session) => dispatch(method, input, session)),
      ...systemHandlers(ctx),
      ...readyModeRecoveryHandlers(options.dataDir, guard.alarm, { keyProtection: databaseKey.protection, keyDir }),
      ...auditHandlers({ audit, guard, auth }),
    };
    const inner = createDispatcher(auditedHandlers(handlers, db, audit, ctx.encounters, now, ctx.signedNotes), {
      authenticate: auth.authenticate,
      translateError: translateSqliteError,
      onInternalError: (method, error) => log(`internal error in ${method}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
    });
    let replayCaller: Caller | null = null;
    const replayed = createDispatcher(auditedHandlers(handlers, db, audit, ctx.encounters, now, ctx.signedNotes), {
      authenticate: () => {
        if (!replayCaller) throw new CommandError('UNAUTHENTICATED', 'A replayed command without its recorded caller.');
        return replayCaller;
      },
      translateError: translateSqliteError,
      onInternalError: (method, error) => log(`internal error replaying ${method}: ${error instanceof Error ? error.message : String(error)}`),
    });
    // Every call's entries are checked and sealed right after its answer goes out (audit-seal-writer.ts).
    const sealed = (run: () => ReturnType<Dispatch>): ReturnType<Dispatch> => run().finally(() => guard.advance());
    const dispatch: Dispatch = (method, input, session) => sealed(() => inner(method, input, session));
    // Migration 024's conversion, in small steps after the core is returned: never blocks a start (db/compact-storage.ts).
    const compaction = options.storageCompaction !== false ? scheduleStorageCompaction(db, now, log) : null;
    return {
      dispatch,
      replay: (method, input, caller) => {
        replayCaller = caller;
        return sealed(() => replayed(method, input, caller?.token ?? null)).finally(() => (replayCaller = null));
      },
      methods: Object.keys(handlers),
      auth,
      record: (user, action, target) => {
        audit.append({ at: now(), user, patientId: null, action, target });
        guard.advance();
      },
      auditAlarm: guard.alarm,
      auditSettled: guard.settled,
      db,
      dataDir: options.dataDir,
      databaseFile,
      databaseKey,
      migration,
      delivery,
      schedule,
      scheduleRunner,
      close() {
        compaction?.cancel();
        void delivery.stop();
        void scheduleRunner.stop();
        guard.stop();
        if (db.open) {
          db.close();
          // Only a clean close removes the marker; a crash leaves it for the next start.
          fs.rmSync(marker, { force: true });
        }
      },
    };
  } catch (error) {
    db.close();
    fs.rmSync(marker, { force: true });
    throw error;
  }
}
