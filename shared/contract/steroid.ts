/**
 * The steroid namespace (issue 20 point 3): the patient's steroid ledger, what their
 * procedure records say was given in the last 12 months, per drug, never converted
 * (shared/domain/steroid-ledger.ts says why). Asked for by encounter (the time-out: the
 * patient's other encounters and this one's plan) or by patient.
 */
import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from './common';
import { CLINICAL, method, type AuditDescribe } from './method-spec';
import { storedLine } from './text';

export const SteroidLedgerInputSchema = z
  .strictObject({ encounterId: IdSchema.optional(), patientId: IdSchema.optional() })
  .superRefine((input, ctx) => {
    if ((input.encounterId === undefined) === (input.patientId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['encounterId'], message: 'name either the encounter or the patient, not both and not neither' });
    }
  });

const EntrySchema = z.object({
  encounterId: IdSchema,
  at: TimestampSchema,
  date: DateSchema,
  name: storedLine,
  dose: storedLine,
  mg: z.number().nullable(),
});

export const SteroidLedgerSchema = z.object({
  from: DateSchema,
  to: DateSchema,
  drugs: z.array(z.object({ drug: storedLine, recognised: z.boolean(), totalMg: z.number(), procedures: z.number().int(), entries: z.array(EntrySchema) })),
  unsummed: z.array(EntrySchema.extend({ drug: storedLine, why: storedLine })),
  planned: z.object({ drug: storedLine, name: storedLine, dose: storedLine, mg: z.number().nullable() }).nullable(),
  reviewLines: z.array(storedLine),
});
export type SteroidLedgerView = z.infer<typeof SteroidLedgerSchema>;

/** The patient whose ledger was read: named directly, or through the encounter. */
const ledgerRead: AuditDescribe = (i, _o, look) =>
  typeof i.patientId === 'string'
    ? { patientId: i.patientId, target: `patient:${i.patientId}/steroid-ledger` }
    : { patientId: look.patientOfEncounter(i.encounterId), target: `encounter:${String(i.encounterId)}/steroid-ledger` };

export const STEROID_METHODS = {
  'steroid.ledger': method({
    summary: "The steroid the patient's procedure records say was given in the last 12 months, per drug (never converted), with today's planned dose apart.",
    writes: false,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: ledgerRead },
    input: SteroidLedgerInputSchema,
    output: SteroidLedgerSchema,
  }),
} as const;
