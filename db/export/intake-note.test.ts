// The intake in the consent note (issue 20, point 1): a signed note carries a "History" section
// built from the patient's intake at signing, in the text and the PDF, with the function measure
// marked for review; a later intake version leaves the signed note as it was. INTAKE_NOTE_OUT=<file>
// keeps the exported text for a person to read.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedNote } from '#shared/contract/note';
import type { IntakeVersion } from '#shared/contract/intake';
import type { Patient } from '#shared/contract/patient';
import { LIBRARY } from '#shared/library/index';
import { SAMPLE_INTAKE } from '../testing/intake-sample';
import { pdfPages } from '../testing/pdf-text';
import { signedNote } from '../testing/signed-note';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, type TempCore } from '../testing/temp-core';

const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
const history = (text: string) => text.slice(text.indexOf('HISTORY'), text.indexOf('NATURE AND PURPOSE'));

describe('the signed note of a patient with an intake', () => {
  let core: TempCore;
  let first: IntakeVersion;
  let note: ExportedNote;
  let encounterId = '';

  beforeAll(async () => {
    core = openTempCore({ now: () => new Date('2026-11-24T15:30:00.000Z') });
    ok(await core.act('settings.update', { actor: { name: 'Ada Admin', role: 'admin' }, timeZone: 'UTC' }));
    const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
    first = ok<IntakeVersion>(await core.act('intake.record', { actor: NURSE, patientId: patient.id, intake: SAMPLE_INTAKE, replacesId: null }));
    note = await signedNote(core, { patientId: patient.id, template, levels: ['L5-S1'] });
    encounterId = (core.db.prepare('SELECT id FROM encounters').pluck().get() as string);
    if (process.env.INTAKE_NOTE_OUT) fs.writeFileSync(process.env.INTAKE_NOTE_OUT, note.text);
    // A new version after signing: the signed note must not take it.
    ok(await core.act('intake.record', { actor: PHYSICIAN, patientId: patient.id, intake: { ...SAMPLE_INTAKE, painScore: 2 }, replacesId: first.id }));
  }, 60_000);
  afterAll(() => core.cleanup());

  it('has a History section with each part of the intake, one therapy per line', () => {
    const text = history(note.text);
    expect(text).toContain(`Intake: recorded by Nina Nurse (nurse), 2026-11-24 15:30; version ${first.id}`);
    expect(text).toContain('Pain score: 7/10');
    expect(text).toContain('Function measure: Oswestry Disability Index: 42 of 100 [needs clinical review] (no validated function measure is named in the clinical reference)');
    expect(text).toContain('- Burning pain down the leg: Lower back and left calf, left side, radiating; onset 2026-06-01 (25 weeks at intake)');
    expect(text).toContain('- Physical therapy: Core strengthening, twice a week; 2026-07-01 to 2026-08-26; 8 weeks; response partial');
    expect(text).toContain('- Medicine: Naproxen; 500 mg; from 2026-06-15, ongoing; response none');
    expect(text).toContain('- Injection: Left L5 TFESI; Left L5-S1 transforaminal ESI on 2026-09-10, 60% relief for 6 weeks; response good');
    expect(text).toContain('- MRI 2026-07-20: L5-S1 left paracentral disc protrusion contacting the S1 root.');
    expect(text).toContain('Neurological exam: Reduced sensation left S1 dermatome; power 5/5.\nDeficit: sensory deficit');
    // The note names no fact base (a chart note cites sources, not the team's working file).
    expect(note.text).not.toMatch(/fact base/i);
    expect(text).toContain('Goals: Walk the dog for 30 minutes.');
  });

  it('prints the same History in the PDF', async () => {
    const pdf = (await pdfPages(Buffer.from(note.pdfBase64, 'base64'))).join('\n');
    expect(pdf).toContain('History');
    expect(pdf).toContain('Oswestry Disability Index: 42 of 100 [needs clinical review]');
    expect(pdf).toContain('60% relief for 6 weeks');
  });

  it('keeps the intake it was signed with after a newer version is recorded', async () => {
    const again = ok<ExportedNote>(await core.act('note.export', { actor: PHYSICIAN, encounterId }));
    expect(history(again.text)).toContain('Pain score: 7/10');
    expect(history(again.text)).toContain(`version ${first.id}`);
  });
});
