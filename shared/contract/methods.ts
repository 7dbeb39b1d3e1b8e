/**
 * THE command contract: every operation the UI can ask for, by name, with its
 * input and output schema. Both transports (Electron IPC and the loopback HTTP
 * host) carry exactly these calls to the one dispatcher; nothing else.
 */
import { z } from 'zod';
import { ChecklistItemStateSchema, SetItemInputSchema } from './checklist';
import { ActorSchema, DateSchema } from './common';
import { BackupNameSchema, RecoveryStatusSchema } from './recovery';
import { AuditEntrySchema, AuditListInputSchema, AuditVerdictSchema } from './audit';
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
import { ExportNoteInputSchema, ExportedNoteSchema } from './notes';
import { CreatePatientInputSchema, PatientSchema, SearchPatientsInputSchema } from './patients';

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  /** One line for the README's contract table and for error messages. */
  summary: string;
  /** Whether the method writes; writes are durable before they are acknowledged. */
  writes: boolean;
  input: I;
  output: O;
}

function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

const Empty = z.strictObject({});

export const METHODS = {
  'system.info': method({
    summary: 'App version, schema version and where the data lives.',
    writes: false,
    input: Empty,
    output: z.object({ appVersion: z.string(), schemaVersion: z.number().int(), dataDir: z.string() }),
  }),
  'library.list': method({
    summary: 'The procedure templates available for new encounters (newest version of each).',
    writes: false,
    input: Empty,
    output: z.array(TemplateSummarySchema),
  }),
  'library.get': method({
    summary: 'One template version with the sources its facts cite.',
    writes: false,
    input: GetTemplateInputSchema,
    output: TemplateWithSourcesSchema,
  }),
  'patient.create': method({
    summary: 'Register a patient; the MRN must be unique.',
    writes: true,
    input: CreatePatientInputSchema,
    output: PatientSchema,
  }),
  'patient.search': method({
    summary: 'Find patients by name fragment or MRN prefix.',
    writes: false,
    input: SearchPatientsInputSchema,
    output: z.array(PatientSchema),
  }),
  'encounter.create': method({
    summary: 'Open an encounter for a patient and a procedure template (its current version).',
    writes: true,
    input: CreateEncounterInputSchema,
    output: EncounterSchema,
  }),
  'encounter.list': method({
    summary: 'The worklist: encounters by planned date and patient name/MRN, with progress.',
    writes: false,
    input: ListEncountersInputSchema,
    output: z.array(WorklistRowSchema),
  }),
  'encounter.get': method({
    summary: 'One encounter with its patient, checklist state and consent discussion.',
    writes: false,
    input: GetEncounterInputSchema,
    output: EncounterDetailSchema,
  }),
  'checklist.setItem': method({
    summary: 'Check, un-check or mark not applicable (with a reason) one checklist item.',
    writes: true,
    input: SetItemInputSchema,
    output: ChecklistItemStateSchema,
  }),
  'consent.save': method({
    summary: 'Record the consent discussion: benefits, alternatives, questions, interpreter, decision.',
    writes: true,
    input: SaveConsentInputSchema,
    output: ConsentDiscussionSchema,
  }),
  'note.export': method({
    summary: 'Render the consent-discussion note as PDF and plain text from one content model.',
    writes: true,
    input: ExportNoteInputSchema,
    output: ExportedNoteSchema,
  }),
  'library.overview': method({
    summary: 'Every template with its versions, evidence summary and how many facts await review.',
    writes: false,
    input: Empty,
    output: z.array(TemplateOverviewSchema),
  }),
  'library.acceptFact': method({
    summary: "Record a reviewer's acceptance of one unverified fact of one template version.",
    writes: true,
    input: AcceptFactInputSchema,
    output: FactReviewSchema,
  }),
  'library.publish': method({
    summary: 'Publish edited content as the next version of a template; earlier versions never change.',
    writes: true,
    input: PublishInputSchema,
    output: TemplateSummarySchema,
  }),
  'library.diff': method({
    summary: 'What changed between two versions of a template.',
    writes: false,
    input: DiffInputSchema,
    output: z.array(ChangeSchema),
  }),
  'library.export': method({
    summary: 'The library (or some templates) as a JSON document to share between rooms.',
    writes: false,
    input: ExportLibraryInputSchema,
    output: z.object({ document: z.string(), fileBaseName: z.string() }),
  }),
  'library.import': method({
    summary: 'Import a library document: everything is validated before anything is written.',
    writes: true,
    input: ImportLibraryInputSchema,
    output: ImportResultSchema,
  }),
  'library.questionnaire': method({
    summary: "A template version's checklist as a FHIR R4 Questionnaire.",
    writes: false,
    input: QuestionnaireInputSchema,
    output: z.record(z.string(), z.unknown()),
  }),
  'recovery.status': method({
    summary: 'Whether the database is in use or needs recovery, why, and the backups available.',
    writes: false,
    input: Empty,
    output: RecoveryStatusSchema,
  }),
  'recovery.restoreBackup': method({
    summary: 'Restore a verified backup as the database (the current file is set aside, never deleted) and continue on it.',
    writes: true,
    input: z.strictObject({ actor: ActorSchema, backup: BackupNameSchema }),
    output: RecoveryStatusSchema,
  }),
  'backup.now': method({
    summary: 'Take a verified backup now (besides the automatic ones at start-up and on schedule).',
    writes: true,
    input: z.strictObject({ actor: ActorSchema }),
    output: RecoveryStatusSchema,
  }),
  'recovery.startEmpty': method({
    summary: 'Recovery mode only, on explicit choice: start with an empty database (the damaged file stays set aside).',
    writes: true,
    input: z.strictObject({ actor: ActorSchema, confirm: z.literal('start-empty') }),
    output: RecoveryStatusSchema,
  }),
  'audit.list': method({
    summary: 'The audit trail, newest first, filtered by patient, action or user.',
    writes: false,
    input: AuditListInputSchema,
    output: z.array(AuditEntrySchema),
  }),
  'audit.verify': method({
    summary: 'Check the audit chain end to end and report the first broken link.',
    writes: false,
    input: Empty,
    output: AuditVerdictSchema,
  }),
  'demo.seed': method({
    summary: 'Add sample patients with encounters today; only into an empty database (first run).',
    writes: true,
    input: z.strictObject({ actor: ActorSchema, today: DateSchema }),
    output: z.object({ added: z.boolean() }),
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
