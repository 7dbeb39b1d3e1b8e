/**
 * Test support for the interop builders: an encounter as encounter.get returns it,
 * built in memory (no core), in any state, with any consent decision. The db/
 * test (db/export/interop.test.ts) does the same through the real core and real PDF bytes.
 */
import type { Actor } from '../contract/common';
import type { ChecklistItemState } from '../contract/checklist';
import type { Decision } from '../contract/consent';
import type { EncounterDetail } from '../contract/encounter';
import type { Transition } from '../contract/encounter-records';
import { buildChecklist } from '../domain/checklist';
import { LIBRARY } from '../library/index';
import type { Template } from '../library/schema';
import type { EncounterState } from '../workflow/states';

export const NURSE: Actor = { name: 'Nina Nurse', role: 'nurse' };
export const PHYSICIAN: Actor = { name: 'Dra. Inés Ñúñez', role: 'physician' };
export const ESI = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
export const NON_ESI = LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!;

/**
 * Stand-in bytes for a PDF: a header, a binary comment (bytes above 0x7F), the HL7 delimiters and
 * a CR LF, then every byte value once. db/export/interop.test.ts uses a real PDF from note.export.
 */
export const FAKE_PDF_BYTES = Uint8Array.from([
  ...[...'%PDF-1.7\r\n%'].map((c) => c.charCodeAt(0)),
  0xe2, 0xe3, 0xcf, 0xd3,
  ...[...'\n| ^ & ~ \\\r\n'].map((c) => c.charCodeAt(0)),
  ...Array.from({ length: 256 }, (_, i) => i),
  ...[...'\n%%EOF\n'].map((c) => c.charCodeAt(0)),
]);

const PATH: EncounterState[] = ['scheduled', 'pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged'];

export interface FixtureOptions {
  template?: Template;
  state?: EncounterState;
  /** For a cancelled encounter: the state it was cancelled from. */
  cancelledFrom?: EncounterState;
  cancelReason?: string;
  decision?: Decision | null;
  /** No consent discussion saved at all. */
  noConsent?: boolean;
  familyName?: string;
  givenName?: string;
  /** The EHR's visit number (default V-2026-0042); null for none. */
  visitNumber?: string | null;
}

const T0 = Date.parse('2026-11-24T13:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

export function encounterDetail(options: FixtureOptions = {}): EncounterDetail {
  const template = options.template ?? ESI;
  const state = options.state ?? 'discharged';
  const items: ChecklistItemState[] = [];
  const sections = buildChecklist(template);
  const all = sections.flatMap((s) => s.items);
  all.forEach((item, i) => {
    // Every item checked, but the second-to-last marked not applicable with a hostile reason and the last left open.
    if (i === all.length - 1) items.push({ itemId: item.id, status: 'unchecked', reason: null, updatedAt: at(i), updatedBy: NURSE });
    else if (i === all.length - 2) items.push({ itemId: item.id, status: 'not-applicable', reason: 'No contrast <b> & "allergy" | n/a ^ ~ \\ ñ', updatedAt: at(i), updatedBy: NURSE });
    else items.push({ itemId: item.id, status: 'checked', reason: null, updatedAt: at(i), updatedBy: NURSE });
  });
  // A procedure-day item: not part of the template's Questionnaire.
  items.push({ itemId: 'wf-identity-two-identifiers', status: 'checked', reason: null, updatedAt: at(1), updatedBy: NURSE });

  const transitions: Transition[] = [];
  const end = state === 'cancelled' ? (options.cancelledFrom ?? 'pre-procedure') : state;
  for (let i = 1; i <= PATH.indexOf(end); i += 1) {
    transitions.push({ seq: i, from: PATH[i - 1]!, to: PATH[i]!, at: at(100 + i * 10), by: NURSE, reason: null, overridden: [] });
  }
  if (state === 'cancelled') {
    transitions.push({ seq: transitions.length + 1, from: end, to: 'cancelled', at: at(200), by: PHYSICIAN, reason: options.cancelReason ?? 'Patient unwell: fever', overridden: [] });
  }

  return {
    encounter: {
      id: '5b0c2a9e-6a51-4c1e-9d0e-2f7f3b1a9c11',
      patientId: '0f5d6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
      templateId: template.id,
      templateVersion: template.version,
      levels: ['L4-L5'],
      laterality: 'left',
      imagingModality: 'fluoroscopy',
      plannedDate: '2026-11-24',
      indication: 'Left L5 radicular pain, 8 weeks.',
      createdAt: at(-60),
      createdBy: NURSE,
      state,
      sedationPlanned: false,
      visitNumber: options.visitNumber === undefined ? 'V-2026-0042' : options.visitNumber,
      location: 'PAIN-PROC-2',
    },
    plannedStart: null,
    patientFacts: { patientId: '0f5d6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b', facts: [], confirmations: [] },
    patient: {
      id: '0f5d6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
      mrn: 'MRN-0042',
      familyName: options.familyName ?? 'Peña',
      givenName: options.givenName ?? 'María José',
      birthDate: '1970-05-17',
      sex: 'female',
      language: null,
      payer: null,
      createdAt: at(-120),
    },
    items,
    consent: options.noConsent ? null : {
      discussedAt: at(80),
      place: 'Procedure room 2',
      diagnosis: 'Lumbar radiculopathy, left L5',
      teachBack: 'Puede doler unos días; si pierdo fuerza o la vista, voy a urgencias.',
      capacity: { kind: 'patient-has-capacity' },
      present: [{ name: 'Nina Nurse', role: 'nurse' }],
      benefitsDiscussed: true,
      benefitsNote: '',
      alternativesDiscussed: true,
      alternativesNote: '',
      questions: [],
      interpreter: { used: true, language: 'es', interpreterId: '7781', mode: 'video' },
      decision: options.decision === undefined ? 'consents' : options.decision,
      updatedAt: at(90),
      updatedBy: PHYSICIAN,
    },
    transitions,
    records: [],
    itemHistory: [],
    signatures: [],
    bleedingRiskRaises: [],
  };
}

/** A deterministic UUID source: 00000000-0000-4000-8000-000000000001, …02, … */
export function sequentialIds(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  };
}
