/**
 * The relief-threshold table against the library facts it reads and the
 * clinical reference. The expected numbers below are copied by hand from
 * shared/clinical/fact-reference.md §2.2, §2.4 and §2.9 (SCS), so a slip in
 * the table, a template or the reference shows up as a difference.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../library/index';
import type { Template } from '../library/schema';
import { expectsDiary, factStates, RELIEF_THRESHOLDS, requiredPhrases, thresholdsFor } from './relief-thresholds';

const byId = (id: string): Template => {
  const t = LIBRARY.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};
const factBase = fs.readFileSync(path.join(__dirname, 'fact-reference.md'), 'utf8');

/** The text of one numbered section of the reference ("2.2"), up to the next heading. */
function section(num: string): string {
  const start = factBase.indexOf(`\n### ${num} `);
  expect(start, `§${num} heading`).toBeGreaterThan(-1);
  const next = factBase.slice(start + 1).search(/\n#{2,3} /);
  return next === -1 ? factBase.slice(start) : factBase.slice(start, start + 1 + next);
}

/** The lines (table rows) of a section that carry every one of the phrases. */
const linesWith = (text: string, ...phrases: string[]) => text.split('\n').filter((line) => phrases.every((p) => line.includes(p)));

describe('relief thresholds', () => {
  it('every row reads a follow-up fact of the bundled template that states its number, duration and block count', () => {
    for (const row of RELIEF_THRESHOLDS) {
      const fact = byId(row.templateId).followUp.find((f) => f.id === row.factId);
      expect(fact, `${row.templateId}/${row.factId}`).toBeDefined();
      for (const phrase of requiredPhrases(row)) {
        expect(phrase.split('|').some((p) => fact!.text.includes(p)), `${row.factId} states "${phrase}"`).toBe(true);
      }
    }
  });

  it('the numbers are the fact base\'s (copied by hand)', () => {
    const table = RELIEF_THRESHOLDS.map((r) => `${r.templateId}/${r.factId}: ≥${r.percent}%${r.minDuration ? ` ≥${r.minDuration.value} ${r.minDuration.unit}` : ''}${r.blocksRequired ? ` ×${r.blocksRequired}` : ''}${r.alternative ? ` or ${r.alternative}` : ''}`);
    expect(table).toEqual([
      'lumbar-medial-branch-block/rfa-threshold-consensus: ≥50%',
      'lumbar-medial-branch-block/rfa-threshold-payer: ≥80% ×2',
      'cervical-medial-branch-block/rfa-threshold-lumbar-consensus-carried-over: ≥50%',
      'cervical-medial-branch-block/rfa-threshold-payer: ≥80% ×2',
      'sacroiliac-joint-injection/positive-block-threshold: ≥75% ×2',
      'lumbar-medial-branch-rfa/repeat-rfa-criteria: ≥50% ≥6 months',
      'cervical-medial-branch-rfa/repeat-rfa-criteria: ≥50% ≥6 months',
      'genicular-rfa/repeat-rfa-criteria: ≥50% ≥6 months',
      'scs-trial/trial-success-threshold: ≥50%',
      'lumbar-transforaminal-esi/repeat-criteria-lcd: ≥50% or ≥50% functional improvement',
      'cervical-transforaminal-esi/repeat-criteria-lcd: ≥50% or ≥50% functional improvement',
      'cervical-interlaminar-esi/repeat-criteria-lcd: ≥50% or ≥50% functional improvement',
    ]);
    // And the reference says so, each figure on its row of the matching section.
    const facet = section('2.2');
    expect(linesWith(facet, 'consensus', '≥50%', 'prognostic MBB'), '§2.2: ≥50% after a prognostic MBB (consensus)').toHaveLength(1);
    expect(linesWith(facet, 'SIS-style', '**Two** diagnostic MBBs', '≥80%'), '§2.2: two diagnostic MBBs, each ≥80% (payer / SIS-style)').toHaveLength(1);
    expect(linesWith(facet, 'Repeat RFA', '≥50% relief lasting ≥6 months'), '§2.2: repeat RFA after ≥50% for ≥6 months').toHaveLength(1);
    expect(linesWith(section('2.4'), 'SIS-style', '≥75% relief', 'dual blocks'), '§2.4: SIJ block positive at ≥75%, dual blocks').toHaveLength(1);
    expect(linesWith(section('2.9'), 'trial', 'implant', '≥50%'), '§2.9: SCS trial success at ≥50%').toHaveLength(1);
    expect(linesWith(section('2.1'), 'LCD L33906', 'Repeating needs **≥50% lasting pain relief or ≥50% better function**'), '§2.1: repeat ESI after ≥50% relief or ≥50% better function').toHaveLength(1);
  });

  it('both lumbar MBB thresholds are shown, each with the fact\'s own evidence ([M] consensus, [V2] payer)', () => {
    const found = thresholdsFor(byId('lumbar-medial-branch-block'));
    expect(found.map((t) => [t.row.percent, t.fact.sources.map((s) => `${s.sourceId}:${s.evidence}`).join()])).toEqual([
      [50, 'cohen-2020-lumbar-facet:M'],
      [80, 'droracle-facet-payer-criteria:V2'],
    ]);
    expect(thresholdsFor(byId('cervical-medial-branch-block')).map((t) => t.fact.sources[0]?.evidence)).toEqual(['inference', 'V2']);
  });

  it('a published version whose fact no longer states the number, or lacks the fact, gets no threshold', () => {
    const t = byId('lumbar-medial-branch-block');
    const edited: Template = {
      ...t,
      version: 2,
      followUp: t.followUp
        .filter((f) => f.id !== 'rfa-threshold-payer')
        .map((f) => (f.id === 'rfa-threshold-consensus' ? { ...f, text: f.text.replace('≥50%', '≥60%') } : f)),
    };
    expect(thresholdsFor(edited)).toEqual([]);
    const row = RELIEF_THRESHOLDS[0]!;
    expect(factStates(row, { id: row.factId, text: 'x ≥50% y', sources: [{ sourceId: 's', evidence: 'M' }] })).toBe(true);
  });

  it('diagnostic blocks expect a pain diary; an ESI does not', () => {
    expect(expectsDiary(byId('lumbar-medial-branch-block'))).toBe(true);
    expect(expectsDiary(byId('cervical-medial-branch-block'))).toBe(true);
    expect(expectsDiary(byId('sacroiliac-joint-injection'))).toBe(true);
    expect(expectsDiary(byId('lumbar-transforaminal-esi'))).toBe(false);
    expect(expectsDiary(byId('lumbar-medial-branch-rfa'))).toBe(false);
  });
});
