/** A full intake as a nurse would enter it, for the intake's tests and the note's. */
import type { IntakeInput } from '#shared/contract/intake';

/** A full intake as a nurse would enter it. */
export const SAMPLE_INTAKE: IntakeInput = {
  symptoms: [{ description: 'Burning pain down the leg', location: 'Lower back and left calf', side: 'left', radiating: true, onset: '2026-06-01' }],
  painScore: 7,
  functionMeasure: { name: 'Oswestry Disability Index', score: 42, max: 100 },
  therapies: [
    { kind: 'physical-therapy', description: 'Core strengthening, twice a week', startedOn: '2026-07-01', endedOn: '2026-08-26', weeks: 8, response: 'partial' },
    { kind: 'medication', description: 'Naproxen', dose: '500 mg', startedOn: '2026-06-15', endedOn: null, weeks: null, response: 'none' },
    { kind: 'injection', description: 'Left L5 TFESI', startedOn: null, endedOn: null, weeks: null, response: 'good',
      injection: { procedure: 'Left L5-S1 transforaminal ESI', date: '2026-09-10', percentRelief: 60, reliefWeeks: 6 } },
  ],
  imaging: [{ modality: 'mri', date: '2026-07-20', findings: 'L5-S1 left paracentral disc protrusion contacting the S1 root.' }],
  neuro: { findings: 'Reduced sensation left S1 dermatome; power 5/5.', deficit: 'sensory' },
  goals: 'Walk the dog for 30 minutes.',
  questions: 'How long will the relief last?',
};
