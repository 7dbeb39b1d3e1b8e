/**
 * Test support for the hostile-text export test: one encounter whose every text
 * that reaches the note (patient, indication, consent discussion, a not-applicable
 * reason, a surrogate's signature, a bleeding-risk raise, the physician's name and
 * attestation, an addendum) is given by the test, worked through the real core to
 * a signed, amended note in the outbox; the four files are read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OutboxExport, SignedNote } from '#shared/contract/note';
import { buildChecklist } from '#shared/domain/checklist';
import type { FhirBundle } from '#shared/interop/fhir-resources';
import { LIBRARY } from '#shared/library/index';
import { pdfPages } from '../testing/pdf-text';
import { ADMIN, NURSE, ok, openTempCore, TEST_PASSWORD, tempDir, type TempCore } from '../testing/temp-core';
import { goldenClock, goldenIds, goldenKeys } from './golden-cases';
import { CHART_READY } from '../testing/chart-identity';

export interface Texts {
  family: string; given: string; indication: string;
  place: string; diagnosis: string; benefitsNote: string; alternativesNote: string; question: string; answer: string; teachBack: string;
  surrogateName: string; relationship: string; surrogateReason: string; presentName: string; presentRole: string; language: string; interpreterId: string;
  naReason: string; signerName: string; raiseReason: string; physicianName: string; attestation: string; addendumReason: string; addendumText: string;
}

export interface Exported { text: string; pdf: string[]; pdfBytes: Buffer; bundle: FhirBundle; hl7: string; mrn: string; birthDate: string }

const TEMPLATE_ID = 'lumbar-medial-branch-block';

/**
 * Runs the encounter with these texts; `beforeSigning` may reach into the database (text an
 * older version stored) before the note is signed. Same calls, same clock, same ids on every run.
 */
export async function exportWithTexts(t: Texts, beforeSigning?: (core: TempCore, ids: { patientId: string; encounterId: string }) => void): Promise<Exported> {
  const clock = goldenClock('2026-11-24T14:00:00.000Z');
  const core = openTempCore({ now: () => clock.now(), newId: goldenIds(), newSigningKeyPair: goldenKeys() });
  const outbox = tempDir('proceduredesk-hostile-outbox-');
  const template = LIBRARY.find((x) => x.id === TEMPLATE_ID)!;
  const physician = { name: t.physicianName, role: 'physician' } as const;
  try {
    ok(await core.as(ADMIN)('settings.update', { outboxFolder: outbox, timeZone: 'America/Chicago', ...CHART_READY }));
    const nurse = core.as(NURSE);
    const doctor = core.as(physician);
    const mrn = 'HOSTILE-1';
    const birthDate = '1961-02-03';
    const patientId = ok<{ id: string }>(await nurse('patient.create', { mrn, familyName: t.family, givenName: t.given, birthDate, sex: 'female' })).id;
    const encounterId = ok<{ id: string }>(await nurse('encounter.create', {
      patientId, templateId: TEMPLATE_ID, levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: t.indication,
    })).id;
    const risks = buildChecklist(template).find((s) => s.id === 'risks')!.items;
    for (const [i, item] of risks.entries()) {
      ok(await doctor('checklist.setItem', { encounterId, itemId: item.id, ...(i === 1 ? { status: 'not-applicable', reason: t.naReason } : { status: 'checked' }) }));
    }
    ok(await doctor('consent.save', {
      encounterId, discussedAt: '2026-11-24T14:05:00.000Z', place: t.place, diagnosis: t.diagnosis,
      benefitsDiscussed: true, benefitsNote: t.benefitsNote, alternativesDiscussed: true, alternativesNote: t.alternativesNote,
      questions: [{ question: t.question, answer: t.answer }], teachBack: t.teachBack,
      capacity: { kind: 'surrogate', name: t.surrogateName, relationship: t.relationship, reason: t.surrogateReason },
      present: [{ name: t.presentName, role: t.presentRole }],
      interpreter: { used: true, language: t.language, interpreterId: t.interpreterId, mode: 'phone' },
      decision: 'consents',
    }));
    ok(await doctor('consent.captureSignature', { encounterId, signer: 'surrogate', signerName: t.signerName, method: 'paper' }));
    ok(await doctor('encounter.raiseBleedingRisk', { encounterId, toClass: 'intermediate', reasonCategory: 'other', reason: t.raiseReason }));
    beforeSigning?.(core, { patientId, encounterId });
    clock.set('2026-11-24T14:20:00.000Z');
    const note = ok<SignedNote>(await doctor('note.sign', { encounterId, password: TEST_PASSWORD, attestation: t.attestation }));
    clock.set('2026-11-24T14:30:00.000Z');
    ok(await doctor('note.addAddendum', { noteId: note.id, reason: t.addendumReason, text: t.addendumText, password: TEST_PASSWORD }));
    clock.set('2026-11-24T14:40:00.000Z');
    const exported = ok<OutboxExport>(await nurse('note.exportToOutbox', { encounterId }));
    const read = (format: string) => fs.readFileSync(path.join(outbox, exported.files.find((f) => f.format === format)!.file));
    return {
      text: read('text').toString('utf8'),
      pdf: await pdfPages(read('pdf')),
      pdfBytes: read('pdf'),
      bundle: JSON.parse(read('fhir').toString('utf8')) as FhirBundle,
      hl7: read('hl7').toString('utf8'),
      mrn,
      birthDate,
    };
  } finally {
    core.cleanup();
    fs.rmSync(outbox, { recursive: true, force: true });
  }
}

/** The same texts with every one of a text's line breaks and tabs turned into a space: what one-line text would read as. */
export function flattened(t: Texts): Texts {
  return Object.fromEntries(Object.entries(t).map(([k, v]: [string, string]) => [k, v.replace(/[\n\t]/g, ' ')])) as unknown as Texts;
}
