/**
 * THE command contract: every operation the UI can ask for, by name, with its
 * input and output schema. Both transports (Electron IPC and the loopback HTTP
 * host) carry exactly these calls to the one dispatcher; nothing else.
 */
import { z } from 'zod';
import { ChecklistItemStateSchema, SetItemInputSchema } from './checklist';
import { DateSchema, type Role } from './common';
import {
  AuthStatusSchema,
  ChangePasswordInputSchema,
  CreateUserInputSchema,
  LoginInputSchema,
  SessionViewSchema,
  SetUserActiveInputSchema,
  SettingsSchema,
  SetupFirstAdminInputSchema,
  UnlockInputSchema,
  UpdateSettingsInputSchema,
  UserIdInputSchema,
  ResetPasswordInputSchema,
  UserSchema,
} from './auth';
import { RecoveryStatusSchema, RestoreBackupInputSchema, StartEmptyInputSchema } from './recovery';
import { AcknowledgeAlarmInputSchema, AuditListInputSchema, AuditPageSchema, AuditVerdictSchema } from './audit';
import { ConsentDiscussionSchema, SaveConsentInputSchema } from './consent';
import {
  CreateEncounterInputSchema,
  EncounterDetailSchema,
  EncounterSchema,
  GetEncounterInputSchema,
  ListEncountersInputSchema,
  WorklistRowSchema,
} from './encounters';
import { GetTemplateInputSchema, TemplateSummarySchema, TemplateWithSourcesSchema } from './library';
import {
  AcceptFactInputSchema,
  ChangeSchema,
  DiffInputSchema,
  ExportLibraryInputSchema,
  FactReviewSchema,
  ImportLibraryInputSchema,
  ImportResultSchema,
  PublishInputSchema,
  QuestionnaireInputSchema,
  TemplateOverviewSchema,
} from './library-admin';
import {
  AddAddendumInputSchema,
  AddendumSchema,
  ExportNoteInputSchema,
  ExportedNoteSchema,
  GetNoteInputSchema,
  NoteSignatureSchema,
  SignedNoteSchema,
  SignNoteInputSchema,
} from './notes';
import { BleedingRiskRaiseSchema, RaiseBleedingRiskInputSchema, WithdrawBleedingRiskRaiseInputSchema } from './bleeding-risk';
import { AddRecordInputSchema, AdvanceInputSchema, CancelInputSchema, EncounterRecordSchema, TransitionSchema, VoidRecordInputSchema } from './workflow';
import { CaptureSignatureInputSchema, ParticipantSignatureSchema, VoidSignatureInputSchema } from './participant-signatures';
import {
  BatchIdInputSchema,
  BatchStatusSchema,
  ExportToOutboxInputSchema,
  ListOutboxExportsInputSchema,
  OutboxExportSchema,
  PrintNoteInputSchema,
  StartBatchInputSchema,
} from './outbox';
import { NoteContentSchema } from '../note/model';
import { CreatePatientInputSchema, PatientSchema, SearchPatientsInputSchema } from './patients';
import {
  AddDiaryInputSchema,
  AddFollowUpInputSchema,
  FollowUpSchema,
  OutcomesForPatientInputSchema,
  PainDiarySchema,
  PatientOutcomesSchema,
  WithdrawInputSchema,
  WithdrawnSchema,
} from './follow-ups';

/**
 * Who may call a method: anyone (signing in, first start, recovery), any
 * signed-in session even while locked (unlock, sign out), or an unlocked
 * session of one of the listed roles.
 */
export type Access = 'public' | 'session' | readonly Role[];

/** Whether a signed-in, unlocked user of this role may call a method of this access. */
export function roleAllowed(access: Exclude<Access, 'public' | 'session'>, role: Role): boolean {
  return access.includes(role);
}

const ANY_ROLE = ['nurse', 'physician', 'admin'] as const;
/** Patient data is for the clinical roles; administrators manage accounts and settings. */
const CLINICAL = ['nurse', 'physician'] as const;
const PHYSICIAN = ['physician'] as const;
const ADMIN = ['admin'] as const;
/** Reading the audit trail: the clinic's administrator and its physicians. */
const OVERSIGHT = ['admin', 'physician'] as const;

interface MethodSpec<I extends z.ZodType, O extends z.ZodType, A extends Access> {
  /** One line for the README's contract table and for error messages. */
  summary: string;
  /** Whether the method writes; writes are durable before they are acknowledged. */
  writes: boolean;
  access: A;
  input: I;
  output: O;
}

function method<I extends z.ZodType, O extends z.ZodType, A extends Access>(spec: MethodSpec<I, O, A>): MethodSpec<I, O, A> {
  return spec;
}

const Empty = z.strictObject({});

export const METHODS = {
  'auth.status': method({
    summary: 'Whether the first administrator must be created, and the state of the caller\'s session.',
    writes: false,
    access: 'public',
    input: Empty,
    output: AuthStatusSchema,
  }),
  'auth.setupFirstAdmin': method({
    summary: 'First start only: create the first administrator account and sign it in.',
    writes: true,
    access: 'public',
    input: SetupFirstAdminInputSchema,
    output: SessionViewSchema,
  }),
  'auth.login': method({
    summary: 'Sign in with username and password; repeated failures lock the account for a while.',
    writes: true,
    access: 'public',
    input: LoginInputSchema,
    output: SessionViewSchema,
  }),
  'auth.logout': method({
    summary: 'End the session.',
    writes: true,
    access: 'session',
    input: Empty,
    output: z.object({ ended: z.boolean() }),
  }),
  'auth.lock': method({
    summary: 'Lock the session now (also happens after the idle time).',
    writes: true,
    access: 'session',
    input: Empty,
    output: SessionViewSchema,
  }),
  'auth.unlock': method({
    summary: 'Unlock a locked session with the signed-in user\'s password.',
    writes: true,
    access: 'session',
    input: UnlockInputSchema,
    output: SessionViewSchema,
  }),
  'auth.changePassword': method({
    summary: 'Change one\'s own password (the current one is required).',
    writes: true,
    access: ANY_ROLE,
    input: ChangePasswordInputSchema,
    output: z.object({ changed: z.boolean() }),
  }),
  'users.list': method({
    summary: 'Every account, with its role and whether it is active or locked.',
    writes: false,
    access: ADMIN,
    input: Empty,
    output: z.array(UserSchema),
  }),
  'users.create': method({
    summary: 'Create an account (physician, nurse or admin) with an initial password.',
    writes: true,
    access: ADMIN,
    input: CreateUserInputSchema,
    output: UserSchema,
  }),
  'users.setActive': method({
    summary: 'Deactivate or reactivate an account (accounts are never deleted: records name them).',
    writes: true,
    access: ADMIN,
    input: SetUserActiveInputSchema,
    output: UserSchema,
  }),
  'users.clearLockout': method({
    summary: 'Lift the lock that repeated failed sign-ins put on an account.',
    writes: true,
    access: ADMIN,
    input: UserIdInputSchema,
    output: UserSchema,
  }),
  'users.resetPassword': method({
    summary: "Reset another account's password (the administrator's own password again): a new initial password and a new signing key; the old key is retired and still verifies what it signed.",
    writes: true,
    access: ADMIN,
    input: ResetPasswordInputSchema,
    output: UserSchema,
  }),
  'settings.get': method({
    summary: 'The clinic settings: idle lock time, INR threshold, time zone.',
    writes: false,
    access: ANY_ROLE,
    input: Empty,
    output: SettingsSchema,
  }),
  'settings.update': method({
    summary: 'Change clinic settings (administrator).',
    writes: true,
    access: ADMIN,
    input: UpdateSettingsInputSchema,
    output: SettingsSchema,
  }),
  'system.info': method({
    summary: 'App version, schema version and where the data lives.',
    writes: false,
    access: 'public',
    input: Empty,
    output: z.object({ appVersion: z.string(), schemaVersion: z.number().int(), dataDir: z.string() }),
  }),
  'library.list': method({
    summary: 'The procedure templates available for new encounters (newest version of each).',
    writes: false,
    access: ANY_ROLE,
    input: Empty,
    output: z.array(TemplateSummarySchema),
  }),
  'library.get': method({
    summary: 'One template version with the sources its facts cite.',
    writes: false,
    access: ANY_ROLE,
    input: GetTemplateInputSchema,
    output: TemplateWithSourcesSchema,
  }),
  'patient.create': method({
    summary: 'Register a patient; the MRN must be unique.',
    writes: true,
    access: CLINICAL,
    input: CreatePatientInputSchema,
    output: PatientSchema,
  }),
  'patient.search': method({
    summary: 'Find patients by name fragment or MRN prefix.',
    writes: false,
    access: CLINICAL,
    input: SearchPatientsInputSchema,
    output: z.array(PatientSchema),
  }),
  'encounter.create': method({
    summary: 'Open an encounter for a patient and a procedure template (its current version).',
    writes: true,
    access: CLINICAL,
    input: CreateEncounterInputSchema,
    output: EncounterSchema,
  }),
  'encounter.list': method({
    summary: 'The worklist: encounters by planned date and patient name/MRN, with progress.',
    writes: false,
    access: CLINICAL,
    input: ListEncountersInputSchema,
    output: z.array(WorklistRowSchema),
  }),
  'encounter.get': method({
    summary: 'One encounter with its patient, checklist state and consent discussion.',
    writes: false,
    access: CLINICAL,
    input: GetEncounterInputSchema,
    output: EncounterDetailSchema,
  }),
  'encounter.advance': method({
    summary: 'Move an encounter to its next state; refused while required items are open, unless a physician overrides with a reason and password.',
    writes: true,
    access: CLINICAL,
    input: AdvanceInputSchema,
    output: TransitionSchema,
  }),
  'encounter.cancel': method({
    summary: 'Cancel an encounter that is not yet discharged, with a reason.',
    writes: true,
    access: CLINICAL,
    input: CancelInputSchema,
    output: TransitionSchema,
  }),
  'encounter.addRecord': method({
    summary: 'Add a structured record: vitals, anticoagulant, risk factors, INR, time-out (signed), procedure, Aldrete.',
    writes: true,
    access: CLINICAL,
    input: AddRecordInputSchema,
    output: EncounterRecordSchema,
  }),
  'encounter.voidRecord': method({
    summary: 'Withdraw a record entered in error, with a reason (it stays in the history).',
    writes: true,
    access: CLINICAL,
    input: VoidRecordInputSchema,
    output: EncounterRecordSchema,
  }),
  'encounter.raiseBleedingRisk': method({
    summary: "Raise the encounter's bleeding-risk class above the template's (physician, with a reason); never below the template's or the current class.",
    writes: true,
    access: PHYSICIAN,
    input: RaiseBleedingRiskInputSchema,
    output: BleedingRiskRaiseSchema,
  }),
  'encounter.withdrawBleedingRiskRaise': method({
    summary: 'Withdraw a bleeding-risk raise recorded in error, with a reason (it stays in the history).',
    writes: true,
    access: PHYSICIAN,
    input: WithdrawBleedingRiskRaiseInputSchema,
    output: BleedingRiskRaiseSchema,
  }),
  'checklist.setItem': method({
    summary: 'Check, un-check or mark not applicable (with a reason) one checklist item.',
    writes: true,
    access: CLINICAL,
    input: SetItemInputSchema,
    output: ChecklistItemStateSchema,
  }),
  'consent.save': method({
    summary: 'Record the consent discussion: benefits, alternatives, questions, interpreter, decision.',
    writes: true,
    access: CLINICAL,
    input: SaveConsentInputSchema,
    output: ConsentDiscussionSchema,
  }),
  'note.export': method({
    summary: 'Render the consent-discussion note as PDF and plain text from one content model.',
    writes: true,
    access: CLINICAL,
    input: ExportNoteInputSchema,
    output: ExportedNoteSchema,
  }),
  'note.sign': method({
    summary: "Sign the consent-discussion note (physician, password again, attestation): its content is fixed with a SHA-256, signed with the physician's Ed25519 key, and never changes.",
    writes: true,
    access: PHYSICIAN,
    input: SignNoteInputSchema,
    output: SignedNoteSchema,
  }),
  'note.addAddendum': method({
    summary: 'Add a signed addendum (reason, text, password again) to a signed note; the original stays as it was.',
    writes: true,
    access: CLINICAL,
    input: AddAddendumInputSchema,
    output: AddendumSchema,
  }),
  'note.get': method({
    summary: "An encounter's signed note (or null) and its addenda in order, each signature verified (refused if any fails).",
    writes: false,
    access: CLINICAL,
    input: GetNoteInputSchema,
    output: NoteSignatureSchema,
  }),
  'consent.captureSignature': method({
    summary: "Capture the patient's, surrogate's, witness's or interpreter's signature: drawn on screen (PNG) or marked as signed on paper.",
    writes: true,
    access: CLINICAL,
    input: CaptureSignatureInputSchema,
    output: ParticipantSignatureSchema,
  }),
  'consent.voidSignature': method({
    summary: 'Withdraw a signature captured in error, with the reason; it stays in the history.',
    writes: true,
    access: CLINICAL,
    input: VoidSignatureInputSchema,
    output: ParticipantSignatureSchema,
  }),
  'note.exportToOutbox': method({
    summary: 'Write the signed note to the outbox folder as PDF, text, FHIR R4 Bundle and HL7 MDM (atomically), and record the export; a later export replaces the earlier one.',
    writes: true,
    access: CLINICAL,
    input: ExportToOutboxInputSchema,
    output: OutboxExportSchema,
  }),
  'note.outboxExports': method({
    summary: "List an encounter's exports to the outbox, oldest first.",
    writes: false,
    access: CLINICAL,
    input: ListOutboxExportsInputSchema,
    output: z.array(OutboxExportSchema),
  }),
  'note.print': method({
    summary: 'The note as it prints (the signed copy with its addenda, or the draft marked unsigned); the print is recorded in the audit trail.',
    writes: true,
    access: CLINICAL,
    input: PrintNoteInputSchema,
    output: NoteContentSchema,
  }),
  'export.startBatch': method({
    summary: "Start exporting a day's signed notes (or the named encounters) to the outbox in the background.",
    writes: true,
    access: CLINICAL,
    input: StartBatchInputSchema,
    output: BatchStatusSchema,
  }),
  'export.batchStatus': method({
    summary: 'Progress of a batch export: exported, failed, problems, state.',
    writes: false,
    access: CLINICAL,
    input: BatchIdInputSchema,
    output: BatchStatusSchema,
  }),
  'export.cancelBatch': method({
    summary: 'Cancel a running batch export; notes already exported stay exported.',
    writes: true,
    access: CLINICAL,
    input: BatchIdInputSchema,
    output: BatchStatusSchema,
  }),
  'library.overview': method({
    summary: "Every template with its versions and its latest version's review backlog (verified, secondary, awaiting review, accepted).",
    writes: false,
    access: ANY_ROLE,
    input: Empty,
    output: z.array(TemplateOverviewSchema),
  }),
  'library.acceptFact': method({
    summary: "Record a physician reviewer's acceptance, with why, of one needs-review or secondary-source fact of one template version.",
    writes: true,
    access: PHYSICIAN,
    input: AcceptFactInputSchema,
    output: FactReviewSchema,
  }),
  'library.publish': method({
    summary: 'Publish edited content as the next version of a template; earlier versions never change.',
    writes: true,
    access: PHYSICIAN,
    input: PublishInputSchema,
    output: TemplateSummarySchema,
  }),
  'library.diff': method({
    summary: 'What changed between two versions of a template.',
    writes: false,
    access: ANY_ROLE,
    input: DiffInputSchema,
    output: z.array(ChangeSchema),
  }),
  'library.export': method({
    summary: 'The library (or some templates) as a JSON document to share between rooms.',
    writes: false,
    access: ANY_ROLE,
    input: ExportLibraryInputSchema,
    output: z.object({ document: z.string(), fileBaseName: z.string() }),
  }),
  'library.import': method({
    summary: 'Import a library document: everything is validated before anything is written.',
    writes: true,
    access: PHYSICIAN,
    input: ImportLibraryInputSchema,
    output: ImportResultSchema,
  }),
  'library.questionnaire': method({
    summary: "A template version's checklist as a FHIR R4 Questionnaire.",
    writes: false,
    access: ANY_ROLE,
    input: QuestionnaireInputSchema,
    output: z.record(z.string(), z.unknown()),
  }),
  'recovery.status': method({
    summary: 'Whether the database is in use or needs recovery, why, and the backups available.',
    writes: false,
    access: 'public',
    input: Empty,
    output: RecoveryStatusSchema,
  }),
  'recovery.restoreBackup': method({
    summary: 'Restore a verified backup as the database (the current file is set aside, never deleted) and continue on it; needs an administrator of that backup, by password.',
    writes: true,
    access: ADMIN,
    input: RestoreBackupInputSchema,
    output: RecoveryStatusSchema,
  }),
  'backup.now': method({
    summary: 'Take a verified backup now (besides the automatic ones at start-up and on schedule).',
    writes: true,
    access: ANY_ROLE,
    input: z.strictObject({}),
    output: RecoveryStatusSchema,
  }),
  'recovery.startEmpty': method({
    summary: 'Recovery mode only, on explicit choice: start with an empty database (the damaged file stays set aside); needs an administrator of the newest backup, or the console code.',
    writes: true,
    access: ADMIN,
    input: StartEmptyInputSchema,
    output: RecoveryStatusSchema,
  }),
  'audit.list': method({
    summary: 'The audit trail, newest first, filtered by patient, action or user, with a check of its seal against the head and of every entry returned.',
    writes: false,
    access: OVERSIGHT,
    input: AuditListInputSchema,
    output: AuditPageSchema,
  }),
  'audit.verify': method({
    summary: 'Check the audit chain end to end, and its head against the seal kept outside the database; report the first broken link.',
    writes: false,
    access: OVERSIGHT,
    input: Empty,
    output: AuditVerdictSchema,
  }),
  'audit.acknowledgeAlarm': method({
    summary: 'An administrator, with the password and a reason, acknowledges an audit trail alarm; recorded, and the seal starts again.',
    writes: true,
    access: ADMIN,
    input: AcknowledgeAlarmInputSchema,
    output: AuditVerdictSchema,
  }),
  'demo.seed': method({
    summary: 'Add sample patients with encounters today; only into an empty database (first run).',
    writes: true,
    access: CLINICAL,
    input: z.strictObject({ today: DateSchema }),
    output: z.object({ added: z.boolean() }),
  }),
  'followUp.add': method({
    summary: 'Record a follow-up after a procedure: pain score, function, percent relief and how long it lasted (allowed after discharge).',
    writes: true,
    access: CLINICAL,
    input: AddFollowUpInputSchema,
    output: FollowUpSchema,
  }),
  'followUp.addDiary': method({
    summary: 'Enter the pain diary after a diagnostic block: the baseline and the scores at set hours after the block.',
    writes: true,
    access: CLINICAL,
    input: AddDiaryInputSchema,
    output: PainDiarySchema,
  }),
  'followUp.withdraw': method({
    summary: 'Withdraw a follow-up or pain diary entered in error, with a reason (it stays in the history).',
    writes: true,
    access: CLINICAL,
    input: WithdrawInputSchema,
    output: WithdrawnSchema,
  }),
  'outcomes.forPatient': method({
    summary: "One patient's outcomes across procedures: follow-ups, pain diaries, the pain-score timeline, and each result against the library's relief thresholds.",
    writes: false,
    access: CLINICAL,
    input: OutcomesForPatientInputSchema,
    output: PatientOutcomesSchema,
  }),
} as const;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(METHODS, name);
}

/** The one channel both transports use, and the events pushed to the renderer. */
export const IPC_CHANNEL = 'proceduredesk:invoke';
export const EVENT_CHANNEL = 'proceduredesk:event';
