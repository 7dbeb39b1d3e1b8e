/** Encounters: one patient, one procedure, one day; and the worklist. */
import { ParticipantSignatureSchema } from './consent';
import { z } from 'zod';
import { ImagingModalitySchema } from '../library/schema';
import { ActorSchema, DateSchema, IdSchema, TimestampSchema } from './common';
import { longText, shortText, storedLine, storedText } from './text';
import { PatientSchema } from './patient';
import { ChecklistItemStateSchema, ItemChangeSchema } from './checklist';
import { ConsentDiscussionSchema, DecisionSchema } from './consent';
import { EncounterRecordSchema, EncounterStateSchema, TransitionSchema, AddRecordInputSchema, AdvanceInputSchema, CancelInputSchema, VoidRecordInputSchema } from './encounter-records';
import { BleedingRiskRaiseSchema, RaiseBleedingRiskInputSchema, VoidBleedingRiskRaiseInputSchema } from './encounter-bleeding-risk';
import { CHART, CLINICAL, PHYSICIAN, byEncounter, method, onEncounter } from './method-spec';
import { AnticoagulantVerdictSchema, PatientFactsViewSchema } from './patient-facts';

export const LateralitySchema = z.enum(['left', 'right', 'bilateral']);
export type Laterality = z.infer<typeof LateralitySchema>;

/** A visit or account number as the EHR prints it: letters, digits and . _ / - only, at most 40. */
export const VisitNumberSchema = shortText('the visit number', { min: 1, max: 40 })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'must be letters and digits (with . _ / - inside), as the EHR prints it');

export const EncounterSchema = z.object({
  id: IdSchema,
  patientId: IdSchema,
  templateId: z.string(),
  templateVersion: z.number().int().positive(),
  levels: z.array(storedLine),
  laterality: LateralitySchema.nullable(),
  imagingModality: ImagingModalitySchema,
  plannedDate: DateSchema,
  indication: storedText,
  createdAt: TimestampSchema,
  createdBy: ActorSchema,
  state: EncounterStateSchema,
  /** Sedation planned: fasting, escort and an Aldrete score before discharge. */
  sedationPlanned: z.boolean(),
  /** The EHR's visit (account) number, when known: PV1-19 and DocumentReference.context.encounter. */
  visitNumber: z.string().nullable(),
  /** Where the visit takes place, as the EHR names it (PV1-3), when known. */
  location: z.string().nullable(),
});
export type Encounter = z.infer<typeof EncounterSchema>;

export const CreateEncounterInputSchema = z.strictObject({
  patientId: IdSchema,
  templateId: shortText('the template id', { min: 1, max: 100 }),
  levels: z.array(shortText('a level', { min: 1, max: 40 })).max(10),
  laterality: LateralitySchema.nullable(),
  imagingModality: ImagingModalitySchema.optional(),
  plannedDate: DateSchema,
  indication: longText('the indication', { min: 1, max: 4000 }),
  sedationPlanned: z.boolean().default(false),
  /** Typed from the EHR at creation for now (issue 19); the schedule import will fill them. */
  visitNumber: VisitNumberSchema.nullable().optional(),
  location: shortText('the location', { min: 1, max: 80 }).nullable().optional(),
});
export type CreateEncounterInput = z.infer<typeof CreateEncounterInputSchema>;

export const ProgressSchema = z.object({ done: z.number().int(), total: z.number().int() });

export const WorklistRowSchema = z.object({
  encounter: EncounterSchema,
  patient: PatientSchema,
  templateName: z.string(),
  progress: ProgressSchema,
  decision: DecisionSchema.nullable(),
  /** The anticoagulant verdict at the planned start (or over the planned day): a hard stop shows on the row. */
  anticoagulant: AnticoagulantVerdictSchema,
});
export type WorklistRow = z.infer<typeof WorklistRowSchema>;

export const ListEncountersInputSchema = z.strictObject({
  /** Encounters planned on this date; omit for every date. */
  date: DateSchema.optional(),
  /** Patient name fragment or MRN; empty for all. */
  query: shortText('the search', { max: 100 }).default(''),
  /** Only encounters in this state. */
  state: EncounterStateSchema.optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

/** Opening an encounter is a view of a patient's record, so the viewer is named (and audited). */
export const GetEncounterInputSchema = z.strictObject({ encounterId: IdSchema });

export const PlannedStartSchema = z.object({ plannedStartAt: TimestampSchema, at: TimestampSchema, by: ActorSchema });
export type PlannedStart = z.infer<typeof PlannedStartSchema>;

/** The planned start, entered by a person; it must fall on the encounter's planned date in the clinic's time zone. */
export const SetPlannedStartInputSchema = z.strictObject({ encounterId: IdSchema, plannedStartAt: TimestampSchema });

export const EncounterDetailSchema = z.object({
  encounter: EncounterSchema,
  patient: PatientSchema,
  items: z.array(ChecklistItemStateSchema),
  consent: ConsentDiscussionSchema.nullable(),
  transitions: z.array(TransitionSchema),
  records: z.array(EncounterRecordSchema),
  /** Every change of every checklist item, oldest first. */
  itemHistory: z.array(ItemChangeSchema),
  /** Patient, surrogate, witness and interpreter signatures, voided ones included, oldest first. */
  signatures: z.array(ParticipantSignatureSchema),
  /** Physicians' raises of the bleeding-risk class, voided ones included, oldest first. */
  bleedingRiskRaises: z.array(BleedingRiskRaiseSchema),
  /** The planned start a person entered (the latest), or null: the anticoagulant check is judged against it. */
  plannedStart: PlannedStartSchema.nullable(),
  /** The patient's clinical facts with their history, and this encounter's confirmations of them. */
  patientFacts: PatientFactsViewSchema,
});
export type EncounterDetail = z.infer<typeof EncounterDetailSchema>;

export const ENCOUNTER_METHODS = {
  'encounter.create': method({
    summary: 'Open an encounter for a patient and a procedure template (its current version).',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: (_i, o) => ({ patientId: o.patientId as string, target: `encounter:${String(o.id)}` }) },
    input: CreateEncounterInputSchema,
    output: EncounterSchema,
  }),
  'encounter.list': method({
    summary: 'The worklist: encounters by planned date and patient name/MRN, with progress.',
    writes: false,
    access: CHART,
    audit: 'none',
    input: ListEncountersInputSchema,
    output: z.array(WorklistRowSchema),
  }),
  'encounter.get': method({
    summary: 'One encounter with its patient, checklist state and consent discussion.',
    writes: false,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: byEncounter },
    input: GetEncounterInputSchema,
    output: EncounterDetailSchema,
  }),
  'encounter.setPlannedStart': method({
    summary: 'Enter the planned start time of an encounter (on its planned date); the anticoagulant check is judged against it.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/planned-start`) },
    input: SetPlannedStartInputSchema,
    output: PlannedStartSchema,
  }),
  'encounter.advance': method({
    summary: "Move an encounter to its next state; refused while required items are open, unless a physician overrides each open blocker with its own reason, and the password once (never the consent decision, the patient's or surrogate's signature, or the time-out).",
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i, o) => `encounter:${String(i.encounterId)}/state:${String(o.to ?? i.to)}${Array.isArray(i.overrides) && i.overrides.length ? '/override' : ''}`) },
    input: AdvanceInputSchema,
    output: TransitionSchema,
  }),
  'encounter.cancel': method({
    summary: 'Cancel an encounter that is not yet discharged, with a reason.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/state:cancelled`) },
    input: CancelInputSchema,
    output: TransitionSchema,
  }),
  'encounter.addRecord': method({
    summary: 'Add a structured record: vitals, anticoagulant, risk factors, INR, time-out (signed), procedure, Aldrete.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i, o) => `encounter:${String(i.encounterId)}/record:${typeof o.id === 'string' ? o.id : ''}:${String((i.record as { kind?: string } | undefined)?.kind)}`) },
    input: AddRecordInputSchema,
    output: EncounterRecordSchema,
  }),
  'encounter.voidRecord': method({
    summary: 'Void a record entered in error, with a reason (it stays in the history).',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/record:${String(i.recordId)}/void`) },
    input: VoidRecordInputSchema,
    output: EncounterRecordSchema,
  }),
  'encounter.raiseBleedingRisk': method({
    summary: "Raise the encounter's bleeding-risk class above the template's (physician, with a reason); never below the template's or the current class.",
    writes: true,
    access: PHYSICIAN,
    audit: { entry: 'with-change', describe: onEncounter((i, o) => `encounter:${String(i.encounterId)}/bleeding-risk:${typeof o.id === 'string' ? o.id : ''}:${String(i.toClass)}`) },
    input: RaiseBleedingRiskInputSchema,
    output: BleedingRiskRaiseSchema,
  }),
  'encounter.voidBleedingRiskRaise': method({
    summary: 'Void a bleeding-risk raise recorded in error, with a reason (it stays in the history).',
    writes: true,
    access: PHYSICIAN,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/bleeding-risk:${String(i.raiseId)}/void`) },
    input: VoidBleedingRiskRaiseInputSchema,
    output: BleedingRiskRaiseSchema,
  }),
} as const;
