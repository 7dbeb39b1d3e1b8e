/**
 * One real encounter per procedure template, made through the dispatcher the
 * way the app makes them: patient, encounter, every checklist item checked,
 * the consent discussion with a decision, the note signed by the physician
 * with the password, then through every state to discharge (a physician's
 * override with reason and password at each step, since the generator records
 * no vitals or time-out). The generator clones these rows for the bulk data,
 * so every generated row has a shape the app itself wrote.
 */
import type { Core } from '#db/core';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import type { Template } from '#shared/library/schema';
import { advanceOverridingOpen } from '#db/testing/override-open';
import { NURSE, PHYSICIAN, signIn, TEST_PASSWORD } from '#db/testing/temp-core';

export interface Prototype {
  template: Template;
  patientId: string;
  encounterId: string;
}

export const ATTESTATION = 'I discussed the procedure, its benefits, risks and alternatives with the patient, who had the chance to ask questions.';

type Call = (method: string, input: unknown) => Promise<unknown>;

function caller(core: Core, token: string): Call {
  return async (method, input) => {
    const envelope = await core.dispatch(method, input, token);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value;
  };
}

/** A plan the template accepts: its first level (if it has levels) and the left side (if it needs one). */
function planFor(template: Template) {
  return {
    levels: template.levels ? [template.levels.options[0]!] : [],
    laterality: template.lateralityRequired ? ('left' as const) : null,
  };
}

/** `mrnPrefix` other than PROTO: more of the same documented encounters (the backup bench's day of work). */
export async function makePrototypes(core: Core, today: string, mrnPrefix = 'PROTO'): Promise<Prototype[]> {
  const tokens = new Map<string, string>();
  const nurse = caller(core, await signIn(core.dispatch, NURSE, tokens));
  const physicianToken = await signIn(core.dispatch, PHYSICIAN, tokens);
  const physician = caller(core, physicianToken);
  const prototypes: Prototype[] = [];
  for (const [i, template] of LIBRARY.entries()) {
    const patient = (await nurse('patient.create', {
      mrn: `${mrnPrefix}-${String(i).padStart(3, '0')}`, familyName: 'Prototype', givenName: template.name.slice(0, 60), birthDate: '1960-01-01', sex: 'unknown',
    })) as { id: string };
    const plan = planFor(template);
    const encounter = (await nurse('encounter.create', {
      patientId: patient.id, templateId: template.id, ...plan, plannedDate: today,
      indication: 'Prototype encounter for the benchmark data set.',
    })) as { id: string; imagingModality: 'fluoroscopy' | 'ultrasound' | 'ct' };
    const items = encounterItems(template, { sedationPlanned: false, laterality: plan.laterality, imagingModality: encounter.imagingModality }).phaseItems;
    for (const item of items) await nurse('checklist.setItem', { encounterId: encounter.id, itemId: item.id, status: 'checked' });
    await physician('consent.save', {
      encounterId: encounter.id, benefitsDiscussed: true, benefitsNote: 'Expected relief of leg pain for weeks to months.',
      alternativesDiscussed: true, alternativesNote: 'Continued physiotherapy and medication; surgical opinion.',
      questions: [{ question: 'Will it hurt?', answer: 'Local anaesthetic first; pressure is normal.' }], interpreter: { used: false }, decision: 'consents',
    });
    // No override lifts the patient's signature or the signed time-out (issue 18).
    await physician('consent.captureSignature', { encounterId: encounter.id, signer: 'patient', signerName: 'The Patient', method: 'paper' });
    await physician('note.sign', { encounterId: encounter.id, password: TEST_PASSWORD, attestation: ATTESTATION });
    for (const to of ['pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged']) {
      if (to === 'procedure') {
        await physician('encounter.addRecord', { encounterId: encounter.id, password: TEST_PASSWORD, record: { kind: 'time-out', data: { participants: [{ name: 'Nurse', role: 'nurse' }, { name: 'Physician', role: 'physician' }] } } });
      }
      // Per-blocker overrides (issue 18): whatever is still open, each with the same reason.
      const moved = await advanceOverridingOpen((method, input) => core.dispatch(method, input, physicianToken), encounter.id, to, 'Benchmark data: records kept elsewhere.');
      if (!moved.ok) throw new Error(`encounter.advance: ${moved.error.code} ${moved.error.message}`);
    }
    prototypes.push({ template, patientId: patient.id, encounterId: encounter.id });
  }
  return prototypes;
}
