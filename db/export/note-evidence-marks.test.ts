// The chart note marks each statement with its evidence state (shared/library/evidence-state.ts),
// on the real core and a real SQLite database: "[needs clinical review]" for unverified facts and
// for whatever fact-reference §7 lists (the ESI glucose-rise durations, tagged [V2] in the data),
// "[secondary source]" for facts known only from a secondary summary, and no mark once the clinic's
// reviewer has accepted a fact. The note stays free of citations for these marks (citing rule 3).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Encounter } from '#shared/contract/encounter';
import type { ExportedNote } from '#shared/contract/note';
import type { Patient } from '#shared/contract/patient';
import { buildChecklist } from '#shared/domain/checklist';
import { LIBRARY } from '#shared/library/index';
import { REVIEW_MARK, SECONDARY_MARK } from '#shared/note/marks';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN } from '../testing/temp-core';

let core: ReturnType<typeof openTempCore>;
beforeEach(() => {
  core = openTempCore();
});
afterEach(() => core.cleanup());

const TFESI = 'lumbar-transforaminal-esi';
const template = LIBRARY.find((t) => t.id === TFESI)!;

async function exportedNote(): Promise<ExportedNote> {
  const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
  const encounter = ok<Encounter>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: TFESI, levels: ['L4-L5'], laterality: 'right',
    plannedDate: '2026-11-24', indication: 'Right L5 radicular pain.',
  }));
  for (const item of buildChecklist(template).find((s) => s.id === 'risks')!.items) {
    ok(await core.act('checklist.setItem', { actor: PHYSICIAN, encounterId: encounter.id, itemId: item.id, status: 'checked' }));
  }
  ok(await core.act('consent.save', {
    actor: PHYSICIAN, encounterId: encounter.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true,
    alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents',
  }));
  return ok<ExportedNote>(await core.act('note.export', { actor: PHYSICIAN, encounterId: encounter.id }));
}

const line = (text: string, start: string): string => text.split('\n').find((l) => l.startsWith(start)) ?? '';

describe('evidence marks in the chart note', () => {
  it('marks a §7 fact tagged [V2] "needs clinical review", and a secondary-source fact "[secondary source]", without citing either', async () => {
    const glucose = template.risks.find((r) => r.id === 'blood-glucose-rise')!;
    // The data tags it [V]/[V2] only: §7 item 13 is what makes it need review.
    expect(glucose.sources.some((s) => s.evidence === 'M' || s.evidence === 'inference')).toBe(false);
    const vasovagal = template.risks.find((r) => r.id === 'vasovagal-reaction')!;
    expect(vasovagal.sources.every((s) => s.evidence === 'V2')).toBe(true);

    const { text } = await exportedNote();
    expect(line(text, '- Blood glucose rise in diabetics:').endsWith(REVIEW_MARK)).toBe(true);
    expect(line(text, '- Vasovagal reaction:').endsWith(SECONDARY_MARK)).toBe(true);
    // Benefit and alternatives carry their state too.
    const alternatives = text.slice(text.indexOf('ALTERNATIVES, INCLUDING NO TREATMENT'), text.indexOf('Alternatives discussed'));
    expect(alternatives).toContain(SECONDARY_MARK);
    // A verified statement carries no mark.
    expect(line(text, '- Decreased bone mineral density:')).not.toMatch(/\[(needs clinical review|secondary source)\]/);
    // The marks are short; the sources behind them are not printed (no secondary or low-reliability citation).
    expect(text).not.toContain('secondary summary citing RCTs');
    expect(text).not.toMatch(/No verified primary source: how long blood glucose/);
    expect(text).toContain(`those marked ${SECONDARY_MARK} are known only from a secondary summary`);
  });

  it('drops the mark of a §7 fact once the clinic reviewer accepts it (library.acceptFact)', async () => {
    ok(await core.act('library.acceptFact', { actor: PHYSICIAN, templateId: TFESI, version: template.version, factId: 'blood-glucose-rise', comment: 'Our diabetic patients are told this.' }));
    const { text } = await exportedNote();
    const glucose = line(text, '- Blood glucose rise in diabetics:');
    expect(glucose).not.toBe('');
    expect(glucose).not.toContain(REVIEW_MARK);
  });

  it('keeps "[secondary source]" on a secondary-source fact the clinic accepted: the acceptance quiets the bedside, not the record', async () => {
    ok(await core.act('library.acceptFact', { actor: PHYSICIAN, templateId: TFESI, version: template.version, factId: 'vasovagal-reaction', comment: 'Matches our experience.' }));
    const { text } = await exportedNote();
    expect(line(text, '- Vasovagal reaction:').endsWith(SECONDARY_MARK)).toBe(true);
    // Nor does the comment travel to the chart.
    expect(text).not.toContain('Matches our experience.');
  });
});
