import { describe, expect, it } from 'vitest';
import { isFactUnverified } from '../library/evidence-summary';
import { LIBRARY } from '../library/index';
import { patientTexts } from '../library/patient-text';
import { dischargeInstructions, restartInstructions, REVIEW_NOTE } from '../workflow/discharge-instructions';
import { buildHandout, type HandoutInput } from './handout';
import { HANDOUT_FIXED_TEXT, HEADINGS, NOT_REVIEWED, type Wording } from './handout-text';
import { ENGLISH, FAKE_SPANISH } from './handout-test-wordings';

const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
const END = '2026-11-24T15:20:00.000Z';
const ZONE = 'America/New_York';

function input(lang: string, over: Partial<HandoutInput> = {}): HandoutInput {
  return {
    template, reviewedFactIds: new Set(), lang,
    patient: { familyName: 'Peña', givenName: 'María José', mrn: 'MRN-0042' },
    imagingModality: 'fluoroscopy',
    discharge: { signs: dischargeInstructions(template, { sedationPlanned: true }), restart: restartInstructions(['apixaban'], 'intermediate', END, ZONE, lang) },
    followUpPlans: [
      { dueDate: '2026-12-08', how: 'phone', voided: null, done: false },
      { dueDate: '2026-12-01', how: 'visit', voided: { at: END, by: { name: 'N', role: 'nurse' }, reason: 'moved' }, done: false },
    ],
    procedureEnded: true, generatedAt: END, timeZone: ZONE, ...over,
  };
}

/** The wording, recording every English string the builder asked for. */
function recording(w: Wording): { wording: Wording; asked: string[] } {
  const asked: string[] = [];
  return { asked, wording: (e, lang) => (asked.push(e), w(e, lang)) };
}

describe('the patient handout model', () => {
  it('English: the eight parts in order, each line the library\'s own patient wording or the handout\'s fixed words', () => {
    const { wording, asked } = recording(ENGLISH);
    const h = buildHandout(input('en'), wording);
    expect(h.sections.map((s) => s.heading.text)).toEqual(Object.values(HEADINGS));
    // Nothing invented: every string asked for is library or discharge wording, the procedure's name, or a fixed handout string.
    const known = new Set([
      ...patientTexts(template).map((p) => p.text), template.name, ...HANDOUT_FIXED_TEXT,
      ...input('en').discharge.signs.map((l) => l.text), ...input('en').discharge.restart.map((l) => l.text),
    ]);
    expect(asked.filter((e) => !known.has(e))).toEqual([]);
    // Risks as natural frequencies, as the library words them.
    const risks = h.sections.find((s) => s.id === 'risks')!.lines.map((l) => l.text).join('\n');
    expect(risks).toContain('about 1 in 200 shots (uncommon)');
    expect(risks).toContain('about 1 in 200,000 people (very rare)');
    expect(h.notReviewedMark).toBeNull();
    expect(h.patientLine).toBe('PEÑA, María José · MRN MRN-0042 · Tuesday, November 24, 2026');
  });

  it('the restart time in the clinic zone, the open follow-up plan (not the voided one), and " *" with its footnote', () => {
    const h = buildHandout(input('en'), ENGLISH);
    const thinner = h.sections.find((s) => s.id === 'thinner')!.lines;
    expect(thinner).toEqual([expect.objectContaining({ label: 'Apixaban', text: 'Do not take it again before this time.', when: expect.stringMatching(/November 2[56] at .* (EST|EDT)$/) })]);
    const followUp = h.sections.find((s) => s.id === 'followUp')!.lines;
    expect(followUp[0]).toMatchObject({ text: 'Phone call', when: 'Tuesday, December 8, 2026' });
    expect(followUp.map((l) => l.when)).not.toContain('Tuesday, December 1, 2026');
    // The FDA warning is [M]: marked, as the discharge sheet marks what awaits review, and the footnote says why.
    const starred = h.sections.flatMap((s) => s.lines).filter((l) => l.marks.includes('*'));
    expect(starred.length).toBeGreaterThan(0);
    expect(h.footer.map((l) => l.text)).toContain(REVIEW_NOTE);
  });

  it('before the procedure has ended, no restart time: the drug and when it will be given', () => {
    const h = buildHandout(input('en', { procedureEnded: false }), ENGLISH);
    expect(h.sections.find((s) => s.id === 'thinner')!.lines).toEqual([
      { label: 'Apixaban', text: 'We will tell you when to start it again, after the procedure.', lang: 'en', state: 'source', marks: [] },
    ]);
  });

  it('a fact awaiting review is marked " *" until the clinic accepts it', () => {
    const risk = template.risks.find((r) => isFactUnverified({ id: r.id, templateId: template.id, parts: r.incidence ? [r.sources, r.incidence.sources] : [r.sources] }))!;
    const lineOf = (h: ReturnType<typeof buildHandout>) => h.sections.find((s) => s.id === 'risks')!.lines.find((l) => l.text === risk.patientText)!;
    expect(lineOf(buildHandout(input('en'), ENGLISH)).marks).toEqual(['*']);
    expect(lineOf(buildHandout(input('en', { reviewedFactIds: new Set([risk.id]) }), ENGLISH)).marks).toEqual([]);
  });

  it('fake Spanish: the top mark, the mark on a not-reviewed line, English for the untranslated, the time in Spanish', () => {
    const h = buildHandout(input('es'), FAKE_SPANISH);
    expect(h.notReviewedMark).toBe(`No revisado por un clínico / ${NOT_REVIEWED}`);
    const risks = h.sections.find((s) => s.id === 'risks')!;
    expect(risks.heading).toMatchObject({ text: 'Riesgos', state: 'not-reviewed', marks: ['[No revisado por un clínico]'] });
    const what = h.sections.find((s) => s.id === 'what')!;
    expect(what.heading).toMatchObject({ text: 'Qué es este procedimiento', state: 'reviewed', marks: [] });
    const help = h.sections.find((s) => s.id === 'help')!.lines;
    expect(help.find((l) => l.text.startsWith('Pida ayuda'))!.marks).toContain('[No revisado por un clínico]');
    const untranslated = what.lines[0]!;
    expect(untranslated).toMatchObject({ lang: 'en', state: 'not-translated', marks: ['(English: not yet translated)'] });
    expect(h.sections.find((s) => s.id === 'thinner')!.lines[0]!.when).toMatch(/^(miércoles|jueves), 2[56] de noviembre/);
    expect(h.patientLine).toContain('martes, 24 de noviembre de 2026');
  });

  it('a sheet with no reviewed translation is marked once, at the top, not on every line', () => {
    const noneReviewed: Wording = (e, lang) => {
      const w = FAKE_SPANISH(e, lang);
      return w.state === 'reviewed' ? { ...w, state: 'not-reviewed' } : w;
    };
    const h = buildHandout(input('es'), noneReviewed);
    expect(h.notReviewedMark).toBe(`No revisado por un clínico / ${NOT_REVIEWED}`);
    const lines = [h.title, ...h.sections.flatMap((s) => [s.heading, ...s.lines]), ...h.footer];
    expect(lines.filter((l) => l.state === 'not-reviewed').length).toBeGreaterThan(3);
    expect(lines.flatMap((l) => l.marks)).not.toContain('[No revisado por un clínico]');
    // What is not translated still says so on its line.
    expect(lines.flatMap((l) => l.marks)).toContain('(English: not yet translated)');
  });

  it('every fixed string is listed once in HANDOUT_FIXED_TEXT', () => {
    expect(new Set(HANDOUT_FIXED_TEXT).size).toBe(HANDOUT_FIXED_TEXT.length);
  });
});
