/** Test support: one encounter of a template taken through consent to a signed, exported note on a real core. */
import type { Encounter } from '#shared/contract/encounter';
import type { ExportedNote } from '#shared/contract/note';
import { buildChecklist } from '#shared/domain/checklist';
import type { Template } from '#shared/library/schema';
import { NURSE, ok, PHYSICIAN, TEST_PASSWORD, type TempCore } from './temp-core';

export interface SignedNotePlan {
  patientId: string;
  template: Template;
  /** Defaults: the template's first level, left where laterality is required. */
  levels?: string[];
  indication?: string;
  teachBack?: string;
}

/** Opens an encounter, checks every risk as discussed, records the consent (the patient consents), signs and exports the note. */
export async function signedNote(core: TempCore, plan: SignedNotePlan): Promise<ExportedNote> {
  const { template } = plan;
  const encounter = ok<Encounter>(await core.act('encounter.create', {
    actor: NURSE, patientId: plan.patientId, templateId: template.id,
    levels: plan.levels ?? (template.levels ? [template.levels.options[0]!] : []), laterality: template.lateralityRequired ? 'left' : null,
    plannedDate: '2026-11-24', indication: plan.indication ?? 'Chronic pain; procedure planned.',
  }));
  for (const item of buildChecklist(template).find((s) => s.id === 'risks')!.items) {
    ok(await core.act('checklist.setItem', { actor: PHYSICIAN, encounterId: encounter.id, itemId: item.id, status: 'checked' }));
  }
  ok(await core.act('consent.save', {
    actor: PHYSICIAN, encounterId: encounter.id, discussedAt: '2026-11-24T15:00:00.000Z', place: 'Room 1',
    benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [],
    teachBack: plan.teachBack ?? 'I can say it back.', capacity: { kind: 'patient-has-capacity' }, interpreter: { used: false }, decision: 'consents',
  }));
  ok(await core.act('note.sign', { actor: PHYSICIAN, encounterId: encounter.id, password: TEST_PASSWORD, attestation: 'I held this discussion.' }));
  return ok<ExportedNote>(await core.act('note.export', { actor: PHYSICIAN, encounterId: encounter.id }));
}
