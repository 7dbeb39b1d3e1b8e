/**
 * The golden encounters: a fixed set worked through the real core on a clock and
 * id sequence the test controls, so every export they produce is the same on
 * every run. Each case returns the encounters whose notes go to the outbox, in
 * the order they are sent.
 */
import { createHash } from 'node:crypto';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { CreatePatientInput, Patient } from '#shared/contract/patient';
import type { SignedNote } from '#shared/contract/note';
import { buildChecklist } from '#shared/domain/checklist';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import type { Template } from '#shared/library/schema';
import { keyPairFromSeed, type KeyPair } from '../signing/ed25519';
import { NURSE, ok, PHYSICIAN, TEST_PASSWORD, type TempCore } from '../testing/temp-core';

/** The test's clock: moved on by each step, so the note's times read like a real morning. */
export interface GoldenClock {
  set(iso: string): void;
  now(): Date;
}

export function goldenClock(startIso: string): GoldenClock {
  let t = Date.parse(startIso);
  return { set: (iso) => (t = Date.parse(iso)), now: () => new Date(t) };
}

/** Signing keys from counted seeds, so the PDF (which names the key) is the same bytes on every run. */
export function goldenKeys(): () => KeyPair {
  let n = 0;
  return () => keyPairFromSeed(createHash('sha256').update(`golden signing key ${++n}`).digest());
}

/** Version-4-shaped ids counted from 1, so the files name the same ids on every run. */
export function goldenIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

interface Step {
  core: TempCore;
  clock: GoldenClock;
  /** Sends the encounter's signed note to the outbox; the files are kept under `label`. */
  send(encounterId: string, label: string): Promise<void>;
}

const template = (id: string): Template => LIBRARY.find((t) => t.id === id)!;
const DAY = '2026-11-24';
/** Instants of the golden day, in UTC (the test runs in America/Chicago, so 14:15Z prints as 08:15). */
const at = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`;

async function patient({ core }: Step, p: CreatePatientInput): Promise<Patient> {
  return ok<Patient>(await core.as(NURSE)('patient.create', p));
}

async function encounter(s: Step, patientId: string, templateId: string, plan: { levels: string[]; laterality: 'left' | 'right' | 'bilateral' | null; indication: string; visitNumber?: string; location?: string }) {
  return ok<{ id: string }>(await s.core.as(NURSE)('encounter.create', { patientId, templateId, plannedDate: DAY, imagingModality: 'fluoroscopy', ...plan })).id;
}

/** Every risk of the template's consent checklist recorded as discussed, by the physician. */
async function discussRisks(s: Step, encounterId: string): Promise<void> {
  const detail = ok<EncounterDetail>(await s.core.as(PHYSICIAN)('encounter.get', { encounterId }));
  const risks = buildChecklist(template(detail.encounter.templateId)).find((section) => section.id === 'risks')!.items;
  for (const item of risks) {
    ok(await s.core.as(PHYSICIAN)('checklist.setItem', { encounterId, itemId: item.id, status: 'checked' }));
  }
}

async function sign(s: Step, encounterId: string, hhmm: string): Promise<SignedNote> {
  s.clock.set(at(hhmm));
  return ok<SignedNote>(await s.core.as(PHYSICIAN)('note.sign', {
    encounterId, password: TEST_PASSWORD, attestation: 'I discussed the nature, purpose, risks, benefits and alternatives of this procedure with the patient and answered their questions.',
  }));
}

const vitals = (phase: string) => ({ kind: 'vitals', data: { phase, systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6 } });

/** scheduled → discharged, each phase's items resolved and its records added, a few minutes apart. */
async function runToDischarge(s: Step, encounterId: string, t: Template): Promise<void> {
  const nurse = s.core.as(NURSE);
  const current = async () => ok<EncounterDetail>(await nurse('encounter.get', { encounterId }));
  const resolved = new Set((await current()).items.filter((i) => i.status !== 'unchecked').map((i) => i.itemId));
  const plan = { sedationPlanned: false, laterality: 'left' as const, imagingModality: 'fluoroscopy' as const };
  const resolvePhase = async (phase: 'pre-procedure' | 'time-out' | 'procedure' | 'recovery') => {
    for (const item of encounterItems(t, plan).phaseItems.filter((i) => i.phase === phase && !resolved.has(i.id))) {
      ok(await nurse('checklist.setItem', { encounterId, itemId: item.id, status: 'checked' }));
    }
  };
  s.clock.set(at('14:40'));
  ok(await nurse('encounter.advance', { encounterId, to: 'pre-procedure' }));
  await resolvePhase('pre-procedure');
  ok(await nurse('encounter.addRecord', { encounterId, record: vitals('pre-procedure') }));
  ok(await nurse('encounter.addRecord', { encounterId, record: { kind: 'injectate-plan', data: {
    steroid: { name: 'Dexamethasone', dose: '10 mg' }, localAnaesthetic: { name: 'Lidocaine 1%', dose: '1 mL' }, contrast: { name: 'Iohexol', dose: '1 mL' },
  } } }));
  s.clock.set(at('14:55'));
  ok(await nurse('encounter.advance', { encounterId, to: 'time-out' }));
  await resolvePhase('time-out');
  ok(await nurse('encounter.addRecord', { encounterId, password: TEST_PASSWORD, record: { kind: 'time-out', data: { participants: [{ name: NURSE.name, role: 'nurse' }, { name: PHYSICIAN.name, role: 'physician' }] } } }));
  s.clock.set(at('15:00'));
  ok(await nurse('encounter.advance', { encounterId, to: 'procedure' }));
  await resolvePhase('procedure');
  ok(await s.core.as(PHYSICIAN)('encounter.addRecord', { encounterId, record: { kind: 'procedure', data: {
    imagingUsed: 'fluoroscopy', contrastUsed: true, contrastAgent: 'Iohexol', fluoroscopyTimeSeconds: 35, radiationDose: '2.1 mGy',
    medications: [{ name: 'Dexamethasone', dose: '10 mg', route: 'transforaminal' }], levelsTreated: ['L5-S1'], complications: '',
  } } }));
  s.clock.set(at('15:20'));
  ok(await nurse('encounter.advance', { encounterId, to: 'recovery' }));
  await resolvePhase('recovery');
  ok(await nurse('encounter.addRecord', { encounterId, record: vitals('recovery') }));
  s.clock.set(at('16:05'));
  ok(await nurse('encounter.advance', { encounterId, to: 'discharged' }));
}

const CONSENT = {
  place: 'Procedure room 2, Pain Clinic',
  benefitsDiscussed: true,
  benefitsNote: '',
  alternativesDiscussed: true,
  alternativesNote: 'Physical therapy and medicines were reviewed.',
  teachBack: '',
  capacity: { kind: 'patient-has-capacity' },
  present: [{ name: NURSE.name, role: 'nurse' }],
  interpreter: { used: false },
} as const;

/** The risks discussed, the discussion saved and the note signed, each at its own time. */
async function discussAndSign(s: Step, encounterId: string, times: { discussed: string; saved: string; signed: string }, consent: Record<string, unknown> = {}): Promise<SignedNote> {
  await discussRisks(s, encounterId);
  s.clock.set(at(times.saved));
  ok(await s.core.as(PHYSICIAN)('consent.save', { encounterId, ...CONSENT, discussedAt: at(times.discussed), questions: [], decision: 'consents', ...consent }));
  return sign(s, encounterId, times.signed);
}

export interface GoldenCase {
  what: string;
  run(s: Step): Promise<void>;
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  {
    what: 'A lumbar transforaminal ESI, discussed (interpreter, a question, teach-back), signed and discharged; accented, hyphenated names.',
    async run(s) {
      const p = await patient(s, { mrn: 'GOLD-0001', familyName: 'Ibáñez-Muñoz', givenName: 'María-José Zoë', birthDate: '1958-03-14', sex: 'female' });
      const id = await encounter(s, p.id, 'lumbar-transforaminal-esi', { levels: ['L5-S1'], laterality: 'left', indication: 'Left L5 radicular pain for 10 weeks despite physical therapy; MRI: L5-S1 foraminal stenosis.',
        // The EHR's visit, typed at creation (issue 19): PV1-3, PV1-19 and the DocumentReference's Encounter.
        visitNumber: 'V-2026-11-0042', location: 'PAIN-PROC-2' });
      await discussRisks(s, id);
      s.clock.set(at('14:20'));
      ok(await s.core.as(PHYSICIAN)('consent.save', {
        encounterId: id, ...CONSENT, discussedAt: at('14:15'), diagnosis: 'Lumbar radiculopathy, left L5 (M54.16)',
        questions: [{ question: '¿Podré conducir a casa?', answer: 'No; un acompañante la llevará a casa.' }],
        teachBack: 'The needle goes near the nerve with a steroid; I call if I get weakness, fever or a bad headache.',
        interpreter: { used: true, language: 'es', interpreterId: 'INT-204', mode: 'in-person' },
        present: [{ name: NURSE.name, role: 'nurse' }, { name: 'José-Luis Ibáñez', role: 'husband' }],
        decision: 'consents',
      }));
      ok(await s.core.as(PHYSICIAN)('consent.captureSignature', { encounterId: id, signer: 'patient', signerName: 'María-José Zoë Ibáñez-Muñoz', method: 'paper' }));
      await sign(s, id, '14:30');
      await runToDischarge(s, id, template('lumbar-transforaminal-esi'));
      s.clock.set(at('16:30'));
      await s.send(id, 'lumbar-tfesi-discharged');
    },
  },
  {
    what: 'A lumbar medial branch block: its bleeding-risk class raised by a patient factor and by the physician, then discussed and signed, before the procedure day starts.',
    async run(s) {
      const p = await patient(s, { mrn: 'GOLD-0002', familyName: "O'Connor", givenName: 'Seán', birthDate: '1971-11-02', sex: 'male' });
      const id = await encounter(s, p.id, 'lumbar-medial-branch-block', { levels: ['L3', 'L4'], laterality: 'bilateral', indication: 'Axial low back pain for 6 months, worse on extension; diagnostic block.' });
      await discussRisks(s, id);
      // Severe kidney dysfunction raises the low-risk block one class (fact base §1.2); the physician raises it further.
      s.clock.set(at('15:00'));
      ok(await s.core.as(NURSE)('encounter.addRecord', { encounterId: id, record: { kind: 'risk-factors', data: {
        olderAge: false, liverDisease: false, kidneyDisease: true, bleedingHistory: false, coagulopathy: false, priorSurgeryAtSite: false,
      } } }));
      s.clock.set(at('15:08'));
      ok(await s.core.as(PHYSICIAN)('encounter.raiseBleedingRisk', {
        encounterId: id, toClass: 'high', reasonCategory: 'patient-factors', reason: 'On haemodialysis (eGFR 9) with platelets 70 x10^9/L on the 2026-11-20 count.',
      }));
      s.clock.set(at('15:10'));
      ok(await s.core.as(PHYSICIAN)('consent.save', { encounterId: id, ...CONSENT, discussedAt: at('15:05'), questions: [], decision: 'consents' }));
      await sign(s, id, '15:12');
      await s.send(id, 'lumbar-mbb');
    },
  },
  {
    what: 'A signed note sent to the chart; the physician raises the bleeding-risk class after signing; an addendum; sent again (replacing the first document).',
    async run(s) {
      const p = await patient(s, { mrn: 'GOLD-0003', familyName: 'Nguyễn', givenName: 'Thị Hương', birthDate: '1980-07-21', sex: 'female' });
      const id = await encounter(s, p.id, 'cervical-interlaminar-esi', { levels: ['C6-C7'], laterality: null, indication: 'Neck and right arm pain for 3 months; C6-C7 disc protrusion.' });
      const note = await discussAndSign(s, id, { discussed: '15:25', saved: '15:30', signed: '15:35' });
      s.clock.set(at('15:40'));
      await s.send(id, 'addendum-1-original');
      // After signing, the physician applies ASIPP 2024's class (High for cervical interlaminar ESI, fact base §1.2).
      s.clock.set(at('16:05'));
      ok(await s.core.as(PHYSICIAN)('encounter.raiseBleedingRisk', {
        encounterId: id, toClass: 'high', reasonCategory: 'asipp-class', reason: 'ASIPP 2024 classes cervical interlaminar ESI as high risk; we follow the stricter class.',
      }));
      s.clock.set(at('16:10'));
      ok(await s.core.as(PHYSICIAN)('note.addAddendum', {
        noteId: note.id, reason: 'Allergy reported after signing',
        text: 'The patient reports hives after iodinated contrast in 2019. Contrast will not be used; the level will be confirmed by fluoroscopy and loss of resistance.', password: TEST_PASSWORD,
      }));
      s.clock.set(at('16:15'));
      await s.send(id, 'addendum-2-replacement');
    },
  },
  {
    what: 'Discussed and signed, then cancelled in the pre-procedure phase.',
    async run(s) {
      const p = await patient(s, { mrn: 'GOLD-0004', familyName: 'Schäfer', givenName: 'Jürgen', birthDate: '1949-01-30', sex: 'male' });
      const id = await encounter(s, p.id, 'lumbar-interlaminar-esi', { levels: ['L4-L5'], laterality: null, indication: 'Neurogenic claudication for 5 months; L4-L5 central stenosis.' });
      await discussAndSign(s, id, { discussed: '13:45', saved: '13:50', signed: '13:55' });
      s.clock.set(at('14:05'));
      ok(await s.core.as(NURSE)('encounter.advance', { encounterId: id, to: 'pre-procedure' }));
      s.clock.set(at('14:12'));
      ok(await s.core.as(NURSE)('encounter.cancel', { encounterId: id, reason: 'Took apixaban this morning; rebooked after the hold.' }));
      s.clock.set(at('14:20'));
      await s.send(id, 'cancelled');
    },
  },
  {
    what: 'The patient declines after the discussion; the note records the refusal and is signed.',
    async run(s) {
      const p = await patient(s, { mrn: 'GOLD-0005', familyName: 'Kowalczyk-Brown', givenName: 'Anne-Marie', birthDate: '1965-09-09', sex: 'female' });
      const id = await encounter(s, p.id, 'lumbar-medial-branch-rfa', { levels: ['L4', 'L5 dorsal ramus'], laterality: 'right', indication: 'Right-sided facet-mediated low back pain; two diagnostic blocks with 85% and 90% relief.' });
      await discussAndSign(s, id, { discussed: '17:10', saved: '17:20', signed: '17:25' }, {
        questions: [{ question: 'What if I wait?', answer: 'The pain may continue; we can talk again at any time.' }], decision: 'declines',
      });
      s.clock.set(at('17:30'));
      await s.send(id, 'declined');
    },
  },
];
