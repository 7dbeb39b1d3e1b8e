import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Encounter } from '#shared/contract/encounter';
import type { ExportedNote } from '#shared/contract/note';
import type { Patient } from '#shared/contract/patient';
import { buildChecklist } from '#shared/domain/checklist';
import type { NoteContent } from '#shared/note/model';
import { renderNoteText } from '#shared/note/text';
import { LIBRARY } from '#shared/library/index';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN } from '../testing/temp-core';
import { pdfPages } from '../testing/pdf-text';
import { renderNotePdf } from './pdf';

let core: ReturnType<typeof openTempCore>;
beforeEach(() => {
  core = openTempCore();
});
afterEach(() => core.cleanup());

async function exportedNote(): Promise<{ note: ExportedNote; encounter: Encounter }> {
  const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
  const encounter = ok<Encounter>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5', 'L5-S1'], laterality: 'right',
    plannedDate: '2026-11-24', indication: 'Right S1 radicular pain for 6 weeks; concordant MRI.',
  }));
  const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
  const risks = buildChecklist(template).find((s) => s.id === 'risks')!.items;
  for (const item of risks.slice(0, -1)) {
    ok(await core.act('checklist.setItem', { actor: PHYSICIAN, encounterId: encounter.id, itemId: item.id, status: 'checked' }));
  }
  ok(await core.act('consent.save', {
    actor: PHYSICIAN, encounterId: encounter.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true,
    alternativesNote: 'Physical therapy reviewed.', questions: [{ question: '¿Podré conducir a casa?', answer: 'No, traiga acompañante.' }],
    interpreter: { used: true, language: 'es', interpreterId: 'INT-204' }, decision: 'consents',
  }));
  const note = ok<ExportedNote>(await core.act('note.export', { actor: PHYSICIAN, encounterId: encounter.id }));
  return { note, encounter };
}

describe('the consent-discussion note', () => {
  it('PDF: every page carries name, MRN, DOB and "Page X of Y"; the text extracts with accents intact', async () => {
    const { note } = await exportedNote();
    const pdf = Buffer.from(note.pdfBase64, 'base64');
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((text, i) => {
      expect(text).toContain('PEÑA, María José');
      expect(text).toContain('MRN MRN-0042');
      expect(text).toContain('DOB 1970-05-17');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const all = pages.join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'Lumbar transforaminal epidural steroid injection', 'L4-L5, L5-S1', 'Right', 'Fluoroscopy',
      'Right S1 radicular pain for 6 weeks', '¿Podré conducir a casa?', 'No, traiga acompañante.',
      'Language: Spanish', 'INT-204', 'The patient consents to the procedure.', `version ${LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!.version}`, 'Dr Pat Physician',
      'Drug Safety Communication, 23 April 2014', 'Not recorded as discussed',
    ]) {
      expect(all).toContain(expected);
    }
    // Fonts are embedded (TrueType font programs), not referenced.
    expect(pdf.includes('/FontFile2')).toBe(true);
  });

  it('text: the same content as the PDF, for pasting into the EHR', async () => {
    const { note } = await exportedNote();
    const pdfText = (await pdfPages(Buffer.from(note.pdfBase64, 'base64'))).join('\n').replace(/\s+/g, ' ');
    expect(note.text.startsWith('CONSENT DISCUSSION NOTE\n')).toBe(true);
    // Every "label: value" line and list item of the text appears in the PDF too.
    for (const line of note.text.split('\n').filter((l) => l.includes('Interpreter used') || l.startsWith('- Q:') || l.startsWith('Procedure:'))) {
      const words = line.replace(/^- /, '').replace(/^Procedure: /, '');
      expect(pdfText).toContain(words.replace(/\s+/g, ' ').trim());
    }
    expect(note.text).toContain('needs clinical review');
    // No bibliography: the primary guidelines by name, no numbered source list and no per-statement numbers.
    expect(note.text).toContain('- U.S. Food and Drug Administration. Drug Safety Communication, 23 April 2014');
    expect(note.text).not.toMatch(/\[\d+(, \d+)*\]/);
  });

  it('rendering the PDF leaves the content model untouched (the outbox renders the text after the PDF)', async () => {
    const content: NoteContent = {
      title: 'Consent discussion note',
      runningHeader: { patientName: 'PEÑA, María José', mrn: 'MRN-1', birthDate: '1970-05-17' },
      sections: [{ heading: 'Risks discussed', blocks: [
        { kind: 'list', items: ['Infection', 'Bleeding'] },
        { kind: 'fields', rows: [['Decision', 'Consents']] },
        { kind: 'paragraph', text: 'Discussed.' },
        { kind: 'signature', label: 'Patient', caption: 'Signed on paper', imagePngBase64: null },
      ] }],
    };
    const before = structuredClone(content);
    await renderNotePdf(content, { generatedAt: '2026-11-24T15:30:00.000Z', subject: 'test' });
    expect(content).toEqual(before);
    expect(renderNoteText(content)).not.toContain('[object Object]');
  });
});

