import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { HandoutPdf } from '#shared/contract/handout';
import type { Encounter } from '#shared/contract/encounter';
import type { Patient } from '#shared/contract/patient';
import { LIBRARY } from '#shared/library/index';
import { SOURCES } from '#shared/library/sources';
import { buildHandout } from '#shared/note/handout';
import type { Wording } from '#shared/note/handout-text';
import { ENGLISH, FAKE_SPANISH } from '#shared/note/handout-test-wordings';
import { dischargeLines } from '#shared/workflow/discharge-lines';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN } from '../testing/temp-core';
import { pdfPages } from '../testing/pdf-text';
import { renderHandoutPdf } from './handout-pdf';

const esi = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
const nurse = { name: 'Nina Nurse', role: 'nurse' as const };
const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const ZONE = 'America/New_York';
const NOW = '2026-11-24T15:40:00.000Z';

/** A lumbar TFESI under sedation, apixaban held for it, in recovery since 10:20 New York time (as the discharge screen's test). */
const detail: Pick<EncounterDetail, 'encounter' | 'records' | 'transitions' | 'bleedingRiskRaises'> = {
  encounter: {
    id: ID(1), patientId: ID(2), templateId: esi.id, templateVersion: esi.version, levels: ['L4-L5'], laterality: 'left', imagingModality: 'fluoroscopy',
    plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.', createdAt: '2026-11-24T13:00:00.000Z', createdBy: nurse, state: 'recovery', sedationPlanned: true, visitNumber: null, location: null,
  },
  records: [{ id: ID(3), at: '2026-11-24T13:05:00.000Z', by: nurse, voided: null, entry: { kind: 'anticoagulant', data: { drugId: 'apixaban', lastDoseAt: '2026-11-21T20:00:00.000Z' } } }],
  transitions: [{ seq: 4, from: 'procedure', to: 'recovery', at: '2026-11-24T15:20:00.000Z', by: nurse, reason: null, overridden: [] }],
  bleedingRiskRaises: [],
};

async function handoutPdf(wording: Wording, lang: string): Promise<Buffer> {
  const h = buildHandout({
    template: esi, reviewedFactIds: new Set(), lang, patient: { familyName: 'Peña', givenName: 'María José', mrn: 'MRN-0042' },
    imagingModality: 'fluoroscopy', discharge: dischargeLines(esi, detail, { inrThreshold: null, timeZone: ZONE }, NOW, lang), procedureEnded: true,
    followUpPlans: [{ dueDate: '2026-12-08', how: 'phone', voided: null, done: false }], generatedAt: NOW, timeZone: ZONE,
  }, wording);
  return renderHandoutPdf(h, { generatedAt: NOW, subject: 'test' });
}

/** Every text run's font size in points (PDF.js: the text matrix's vertical scale). */
async function fontSizes(bytes: Uint8Array): Promise<number[]> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const doc = await task.promise;
  const sizes: number[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    for (const item of (await (await doc.getPage(i)).getTextContent()).items) {
      if ('str' in item && item.str.trim()) sizes.push(Math.round(Math.hypot(item.transform[2] as number, item.transform[3] as number) * 10) / 10);
    }
  }
  await task.destroy();
  return sizes;
}

const flat = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

describe('the patient handout PDF', () => {
  it('English: the eight parts, risks as natural frequencies, the restart time in clinic time, the follow-up; no sources; large type, at most two pages', async () => {
    const pdf = await handoutPdf(ENGLISH, 'en');
    // HANDOUT_PDF_OUT=<folder> keeps the PDFs to look at (pdftoppm them to PNG).
    if (process.env.HANDOUT_PDF_OUT) fs.writeFileSync(path.join(process.env.HANDOUT_PDF_OUT, 'handout-en.pdf'), pdf);
    const pages = await pdfPages(pdf);
    const all = flat(pages);
    for (const expected of [
      'Lumbar transforaminal epidural steroid injection', 'PEÑA, María José · MRN MRN-0042',
      'What this procedure is', 'What happens', 'Risks', 'Other choices', 'After the procedure', 'Get help at once if', 'Your blood thinner', 'Follow-up',
      'Imaging used: X-ray (fluoroscopy)', 'about 1 in 200 shots (uncommon)', 'Apixaban:', 'Wednesday, November 25 at 10:20 AM EST',
      'Phone call', 'Tuesday, December 8, 2026', 'Do not drive yourself home', 'Your clinic’s doctors are still checking this advice.',
    ]) expect(all, expected).toContain(expected);
    expect(all).not.toContain('Not reviewed by a clinician');
    expect(all).not.toContain('not yet translated');
    // No citation, and no low-reliability or any other source, on the patient's paper.
    for (const s of SOURCES) expect(all, s.id).not.toContain(s.citation.slice(0, 40));
    expect(all).not.toMatch(/\[(?:M|V|V2)\]|needs clinical review|https?:/);
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(Math.min(...await fontSizes(pdf))).toBeGreaterThanOrEqual(10);
  });

  it('fake Spanish: the top mark, the mark on a line no clinician reviewed, English lines marked, the time in Spanish', async () => {
    const pdf = await handoutPdf(FAKE_SPANISH, 'es');
    if (process.env.HANDOUT_PDF_OUT) fs.writeFileSync(path.join(process.env.HANDOUT_PDF_OUT, 'handout-fake-es.pdf'), pdf);
    const all = flat(await pdfPages(pdf));
    expect(all).toContain('No revisado por un clínico / Not reviewed by a clinician');
    expect(all).toContain('Riesgos [No revisado por un clínico]');
    expect(all).toContain('Pida ayuda enseguida si tiene debilidad o entumecimiento nuevos en los brazos o las piernas. [No revisado por un clínico]');
    expect(all).toContain('Qué es este procedimiento');
    expect(all).toContain('(English: not yet translated)');
    expect(all).toMatch(/miércoles, 25 de noviembre.*10:20/);
  });
});

describe('every procedure in the library', () => {
  it('its English handout fits on two pages', async () => {
    const long: string[] = [];
    for (const t of LIBRARY) {
      const h = buildHandout({
        template: t, reviewedFactIds: new Set(), lang: 'en', patient: { familyName: 'Peña', givenName: 'María José', mrn: 'MRN-0042' }, imagingModality: 'fluoroscopy',
        discharge: dischargeLines(t, { ...detail, encounter: { ...detail.encounter, templateId: t.id, templateVersion: t.version } }, { inrThreshold: null, timeZone: ZONE }, NOW, 'en'),
        procedureEnded: true, followUpPlans: [{ dueDate: '2026-12-08', how: 'visit', voided: null, done: false }], generatedAt: NOW, timeZone: ZONE,
      }, ENGLISH);
      const pages = (await pdfPages(await renderHandoutPdf(h, { generatedAt: NOW, subject: t.id }))).length;
      if (pages > 2) long.push(`${t.id}: ${pages} pages`);
    }
    expect(long).toEqual([]);
  }, 60_000);
});

describe('handout.pdf through the core', () => {
  let core: ReturnType<typeof openTempCore>;
  beforeEach(() => {
    core = openTempCore();
  });
  afterEach(() => core.cleanup());

  async function encounter(): Promise<Encounter> {
    const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
    return ok<Encounter>(await core.act('encounter.create', {
      actor: NURSE, patientId: patient.id, templateId: esi.id, levels: ['L4-L5'], laterality: 'right', plannedDate: '2026-11-24', indication: 'Right S1 radicular pain.',
    }));
  }

  it('answers a PDF for the encounter, in English, and in Spanish from the library\'s translations, marked not reviewed; audited', async () => {
    const e = await encounter();
    const en = ok<HandoutPdf>(await core.act('handout.pdf', { actor: PHYSICIAN, encounterId: e.id, lang: 'en' }));
    expect(en.fileBaseName).toBe('patient-handout_MRN-0042_2026-11-24_en');
    const enText = flat(await pdfPages(Buffer.from(en.pdfBase64, 'base64')));
    expect(enText).toContain('Other choices');
    expect(enText).not.toContain('not yet translated');
    // Before the procedure: no follow-up booked, and nothing counted from a procedure not yet done.
    expect(enText).toContain('No follow-up is booked yet.');
    const es = ok<HandoutPdf>(await core.act('handout.pdf', { actor: NURSE, encounterId: e.id, lang: 'es' }));
    const esText = flat(await pdfPages(Buffer.from(es.pdfBase64, 'base64')));
    // The headings and the template's wording in Spanish, each translation marked as no clinician has reviewed it yet.
    expect(esText).toContain('Riesgos');
    expect(esText).toContain('Otras opciones');
    expect(esText).toContain('No revisado por un clínico');
    expect(esText).not.toContain('Risks');
    expect(esText).toContain('Todavía no hay una cita de seguimiento.');
    const audit = core.db.prepare("SELECT target FROM audit_log WHERE action = 'handout.pdf' ORDER BY seq").all() as { target: string }[];
    expect(audit.map((a) => a.target)).toEqual([`encounter:${e.id}/handout:en`, `encounter:${e.id}/handout:es`]);
  });

  it('refuses a language that is not a BCP 47 tag, naming the field', async () => {
    const e = await encounter();
    const r = await core.act('handout.pdf', { actor: NURSE, encounterId: e.id, lang: 'Spanish!' });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('lang');
  });
});
