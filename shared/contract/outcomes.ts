/** The outcomes.* methods. */
import { OutcomesForPatientInputSchema, PatientOutcomesSchema } from './follow-up';
import { CLINICAL, method } from './method-spec';

export const OUTCOMES_METHODS = {
  'outcomes.forPatient': method({
    summary: "One patient's outcomes across procedures: follow-ups, pain diaries, the pain-score timeline, and each result against the library's relief thresholds.",
    writes: false,
    access: CLINICAL,
    // Reading a patient's outcomes is a view of their record, like opening an encounter.
    audit: { entry: 'with-change', describe: (i) => ({ patientId: typeof i.patientId === 'string' ? i.patientId : null, target: `patient:${String(i.patientId)}/outcomes` }) },
    input: OutcomesForPatientInputSchema,
    output: PatientOutcomesSchema,
  }),
} as const;
