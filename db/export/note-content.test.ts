// The consent-discussion note's content, checked on the text a reader extracts
// from the real PDF (PDF.js), for an epidural steroid injection and for a
// medial branch block, with accented Spanish names: every element the note must
// carry (fact-reference.md §3, §5), per-template switches, and the captured
// signatures of the patient, a witness and the interpreter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Encounter } from '#shared/contract/encounter';
import type { ExportedNote } from '#shared/contract/note';
import type { Patient } from '#shared/contract/patient';
import { buildChecklist } from '#shared/domain/checklist';
import { LIBRARY } from '#shared/library/index';
import { ADMIN, NURSE, ok, openTempCore, PHYSICIAN, TEST_PASSWORD, type TempCore } from '../testing/temp-core';
import { pdfPages } from '../testing/pdf-text';
import { signaturePngBase64 } from '../testing/png';

let core: TempCore;
beforeEach(() => {
  core = openTempCore({ now: () => new Date('2026-11-24T15:30:00.000Z') });
});
afterEach(() => core.cleanup());

/** The pages' text as one string, without the running header and footer that a page break puts mid-sentence. */
function flat(pages: string[], c: Case): string {
  const header = `${c.patient.familyName.toUpperCase()}, ${c.patient.givenName} MRN ${c.patient.mrn} DOB ${c.patient.birthDate} `;
  return pages
    .map((p) => p.replace(/\s+/g, ' ').replace(/Consent discussion note · ProcedureDesk Page \d+ of \d+ ?$/, '').replace(header, ''))
    .join(' ')
    .replace(/\s+/g, ' ');
}

interface Case {
  templateId: string;
  patient: { mrn: string; familyName: string; givenName: string; birthDate: string; sex: 'female' | 'male' };
  levels: string[];
}
const ESI: Case = { templateId: 'lumbar-transforaminal-esi', patient: { mrn: 'MRN-7001', familyName: 'Peña Muñoz', givenName: 'María José', birthDate: '1968-03-09', sex: 'female' }, levels: ['L4-L5'] };
const MBB: Case = { templateId: 'lumbar-medial-branch-block', patient: { mrn: 'MRN-7002', familyName: 'Núñez Ibáñez', givenName: 'José Ángel', birthDate: '1959-12-01', sex: 'male' }, levels: ['L3', 'L4'] };

async function encounterFor(c: Case): Promise<{ patient: Patient; encounter: Encounter }> {
  const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...c.patient }));
  const encounter = ok<Encounter>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: c.templateId, levels: c.levels, laterality: 'bilateral',
    plannedDate: '2026-11-24', indication: 'Axial low back pain for 9 months, worse on extension.',
  }));
  // Every risk and counselling item discussed.
  const template = LIBRARY.find((t) => t.id === c.templateId)!;
  for (const item of buildChecklist(template).find((s) => s.id === 'risks')!.items) {
    ok(await core.act('checklist.setItem', { actor: PHYSICIAN, encounterId: encounter.id, itemId: item.id, status: 'checked' }));
  }
  return { patient, encounter };
}

async function fullDiscussion(encounterId: string, decision: 'consents' | 'declines' | 'defers' = 'consents'): Promise<void> {
  ok(await core.act('consent.save', {
    actor: PHYSICIAN, encounterId,
    discussedAt: '2026-11-24T14:10:00.000Z', place: 'Sala de procedimientos 2',
    diagnosis: 'Espondilosis lumbar (facet-mediated pain suspected)',
    benefitsDiscussed: true, benefitsNote: 'Relief may be partial.',
    alternativesDiscussed: true, alternativesNote: 'Fisioterapia and medication reviewed.',
    questions: [{ question: '¿Podré conducir a casa?', answer: 'No, venga con un acompañante.' }],
    teachBack: 'Me van a inyectar cerca de la columna; puede haber sangrado o infección; si pierdo fuerza, voy a urgencias.',
    capacity: { kind: 'patient-has-capacity' },
    present: [{ name: 'Nina Nurse', role: 'nurse' }, { name: 'Lucía Peña', role: 'daughter' }],
    interpreter: { used: true, language: 'es', interpreterId: 'INT-204', mode: 'video' },
    decision,
  }));
}

async function signatures(encounterId: string): Promise<void> {
  ok(await core.act('consent.captureSignature', { actor: NURSE, encounterId, signer: 'patient', signerName: 'María José Peña Muñoz', method: 'drawn', imagePngBase64: signaturePngBase64() }));
  ok(await core.act('consent.captureSignature', { actor: NURSE, encounterId, signer: 'witness', signerName: 'Nina Nurse', method: 'paper' }));
  ok(await core.act('consent.captureSignature', { actor: NURSE, encounterId, signer: 'interpreter', signerName: 'Íñigo Ortúzar (INT-204)', method: 'drawn', imagePngBase64: signaturePngBase64(90, 30) }));
  // Taken in error, voided: it must not appear on the note.
  const wrong = ok<{ id: string }>(await core.act('consent.captureSignature', { actor: NURSE, encounterId, signer: 'witness', signerName: 'Wrong Person', method: 'paper' }));
  ok(await core.act('consent.voidSignature', { actor: NURSE, encounterId, signatureId: wrong.id, reason: 'Not present at the discussion' }));
}

async function signedPdf(encounterId: string): Promise<{ note: ExportedNote; pages: string[]; pdf: Buffer }> {
  ok(await core.act('note.sign', { actor: PHYSICIAN, encounterId, password: TEST_PASSWORD, attestation: 'I held this discussion with the patient, the interpreter and those named.' }));
  const note = ok<ExportedNote>(await core.act('note.export', { actor: PHYSICIAN, encounterId }));
  const pdf = Buffer.from(note.pdfBase64, 'base64');
  return { note, pdf, pages: await pdfPages(pdf) };
}

/** Every element of the content list, as the note words it. */
function expectEveryElement(all: string, c: Case): void {
  const template = LIBRARY.find((t) => t.id === c.templateId)!;
  for (const expected of [
    // Patient identifiers
    `${c.patient.familyName.toUpperCase()}, ${c.patient.givenName}`, c.patient.mrn, c.patient.birthDate,
    // Date, time and place
    'Date, time and place of the discussion', 'Sala de procedimientos 2',
    // Procedure with level and laterality; diagnosis and indication; nature and purpose; imaging
    template.name, c.levels.join(', '), 'Bilateral', 'Espondilosis lumbar', 'Axial low back pain for 9 months',
    'Nature and purpose of the procedure', 'Imaging guidance Fluoroscopy',
    // Risks in the patient-friendly wording, with incidence where sourced
    'Risks discussed (in the words used with the patient)', template.risks.find((r) => r.id === 'infection')!.patientText.slice(0, 40),
    // Expected benefit; alternatives including no treatment
    'Expected benefit', 'Alternatives, including no treatment, with their risks and benefits',
    template.alternatives[0]!.patientText!.slice(0, 40), 'Fisioterapia and medication reviewed.',
    // Questions and answers; teach-back; interpreter; capacity; who was present
    '¿Podré conducir a casa?', 'No, venga con un acompañante.',
    "Teach-back (the patient's own words)", 'Me van a inyectar cerca de la columna',
    'Language: Spanish. Interpreter id: INT-204. Mode: by video.',
    'The patient has capacity to make this decision.', 'Lucía Peña (daughter)',
    // The decision; the signatures; the attestation; template and sources
    'The patient consents to the procedure.',
    'Patient: María José Peña Muñoz', 'Signed on screen', 'Witness: Nina Nurse', 'Signed on paper', 'Interpreter: Íñigo Ortúzar (INT-204)',
    "Physician's attestation", 'I held this discussion with the patient', 'Signed by Dr Pat Physician (physician)',
    `${template.name}, version ${template.version} (`, 'Template and sources', 'Primary guidelines the discussion rests on:',
    'The full sources of this template version, with their evidence levels, are listed in ProcedureDesk',
  ]) {
    expect(all, expected).toContain(expected.replace(/\s+/g, ' '));
  }
  expect(all).not.toContain('Wrong Person');
}

describe('the note content on the PDF', () => {
  it('an epidural steroid injection: every element, and the FDA 2014 statement with the three things it must show', async () => {
    const { encounter } = await encounterFor(ESI);
    await fullDiscussion(encounter.id);
    await signatures(encounter.id);
    const { pages, pdf } = await signedPdf(encounter.id);
    const all = flat(pages, ESI);
    expectEveryElement(all, ESI);
    expect(all).toContain('FDA statement on epidural steroid injections (Drug Safety Communication, 23 April 2014)');
    for (const words of ['loss of vision, stroke, paralysis and death', 'FDA has not approved corticosteroids', 'including forgoing treatment']) {
      expect(all).toContain(words);
    }
    expect(all).not.toContain('NOT RECORDED AS DISCUSSED');
    // Two drawn signatures embedded as images; fonts embedded; every page carries the header.
    expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(2);
    expect(pdf.includes('/FontFile2')).toBe(true);
    pages.forEach((text, i) => {
      expect(text).toContain('PEÑA MUÑOZ, María José');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('a medial branch block (not an ESI): every element, and no FDA epidural steroid statement', async () => {
    const { encounter } = await encounterFor(MBB);
    await fullDiscussion(encounter.id);
    await signatures(encounter.id);
    const all = flat((await signedPdf(encounter.id)).pages, MBB);
    expectEveryElement(all, MBB);
    expect(all).not.toContain('FDA statement on epidural steroid injections');
  });

  it('an ESI whose FDA items were not marked discussed says so in capitals; a surrogate decision names the surrogate', async () => {
    const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...ESI.patient }));
    const encounter = ok<Encounter>(await core.act('encounter.create', {
      actor: NURSE, patientId: patient.id, templateId: ESI.templateId, levels: ESI.levels, laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
    }));
    ok(await core.act('consent.save', {
      actor: PHYSICIAN, encounterId: encounter.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [],
      capacity: { kind: 'surrogate', name: 'Lucía Peña', relationship: 'daughter (health-care proxy)', reason: 'post-stroke aphasia' },
      interpreter: { used: false }, decision: 'defers',
    }));
    const note = ok<ExportedNote>(await core.act('note.export', { actor: PHYSICIAN, encounterId: encounter.id }));
    expect(note.text).toContain('NOT RECORDED AS DISCUSSED: ');
    expect(note.text).toContain('Surrogate: Lucía Peña, daughter (health-care proxy)');
    expect(note.text).toContain('post-stroke aphasia');
    expect(note.text).toContain('The patient defers the decision.');
    expect(note.text).toContain('Date and time: Not recorded');
    expect(note.text).toContain('NOT SIGNED');
  });

  it('fields switched off for a template are listed as not used, never silently dropped; other templates keep them', async () => {
    ok(await core.act('settings.update', { actor: ADMIN, noteFieldsOff: { [MBB.templateId]: ['teachBack', 'present', 'place'] } }));
    const { encounter } = await encounterFor(MBB);
    await fullDiscussion(encounter.id);
    const text = ok<ExportedNote>(await core.act('note.export', { actor: PHYSICIAN, encounterId: encounter.id })).text;
    expect(text).toContain('FIELDS NOT USED BY THIS CLINIC FOR THIS PROCEDURE\n- Place of the discussion\n- Teach-back\n- Who was present');
    expect(text).not.toContain('Me van a inyectar');
    expect(text).not.toContain('Lucía Peña (daughter)');
    expect(text).not.toContain('Sala de procedimientos');

    const esi = await encounterFor({ ...ESI, patient: { ...ESI.patient, mrn: 'MRN-7003' } });
    await fullDiscussion(esi.encounter.id);
    const esiText = ok<ExportedNote>(await core.act('note.export', { actor: PHYSICIAN, encounterId: esi.encounter.id })).text;
    expect(esiText).toContain('Me van a inyectar');
    expect(esiText).not.toContain('FIELDS NOT USED');
  });

  it('refuses an unknown template in the field switches, and bad consent input, changing nothing', async () => {
    expect(await core.act('settings.update', { actor: ADMIN, noteFieldsOff: { 'no-such-template': ['place'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.act('settings.update', { actor: ADMIN, noteFieldsOff: { [MBB.templateId]: ['decision'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(ok<{ noteFieldsOff: object }>(await core.act('settings.get', { actor: NURSE })).noteFieldsOff).toEqual({});
    const { encounter } = await encounterFor(MBB);
    const base = { actor: PHYSICIAN, encounterId: encounter.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents' };
    for (const bad of [
      { capacity: { kind: 'surrogate', name: 'Lucía', relationship: '', reason: 'x' } },
      { interpreter: { used: true, language: 'es', interpreterId: '7', mode: 'fax' } },
      // New writes name a language from the list; free text reads only from discussions saved before it.
      { interpreter: { used: true, language: 'Spanish', interpreterId: '7', mode: 'phone' } },
      { present: [{ name: '', role: 'nurse' }] },
      { discussedAt: 'yesterday' },
    ]) {
      expect(await core.act('consent.save', { ...base, ...bad }), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(ok<{ consent: unknown }>(await core.act('encounter.get', { actor: NURSE, encounterId: encounter.id })).consent).toBeNull();
  });

  it('captured signatures: a malformed image is refused; once the note is signed they can no longer change', async () => {
    const { encounter } = await encounterFor(MBB);
    const drawn = { actor: NURSE, encounterId: encounter.id, signer: 'patient', signerName: 'José Ángel Núñez Ibáñez', method: 'drawn' };
    for (const image of ['data:image/png;base64,iVBORw0KGgo=', 'R0lGODlhAQABAAAAACw=', 'iVBORw0KGgo', `iVBORw0KGgo${'A'.repeat(400_000)}`]) {
      expect(await core.act('consent.captureSignature', { ...drawn, imagePngBase64: image })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await core.act('consent.captureSignature', { ...drawn, method: 'paper', imagePngBase64: signaturePngBase64() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const kept = ok<{ id: string }>(await core.act('consent.captureSignature', { ...drawn, imagePngBase64: signaturePngBase64() }));
    await fullDiscussion(encounter.id);
    ok(await core.act('note.sign', { actor: PHYSICIAN, encounterId: encounter.id, password: TEST_PASSWORD, attestation: 'I held this discussion.' }));
    expect(await core.act('consent.captureSignature', { ...drawn, method: 'paper' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.act('consent.voidSignature', { actor: NURSE, encounterId: encounter.id, signatureId: kept.id, reason: 'changed mind' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    for (const sql of ["UPDATE consent_signatures SET signer_name = 'x'", 'DELETE FROM consent_signatures']) {
      expect(() => core.db.prepare(sql).run(), sql).toThrow(/never changes/);
    }
  });
});
