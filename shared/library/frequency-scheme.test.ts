// The one frequency scheme (CIOMS III / EC SmPC guideline) and the library's use of it: every
// figure in the wording said to the patient about a risk is a natural frequency with the label
// the scheme gives it, the risk's frequency field agrees, the figure is the one its incidence
// states, and a risk with no figure says that no one knows how often it happens.
import { describe, expect, it } from 'vitest';
import {
  bandOf, findFrequencies, FREQUENCY_BANDS, FREQUENCY_WORDS, frequencyField, frequencyLabel, NO_FIGURE_WORDING, OTHER_FIGURE, ratesOf,
  type Rate,
} from './frequency-scheme';
import { LIBRARY, LIBRARY_VERSIONS } from './index';
import { patientTexts, placeOf, type PatientText } from './patient-text';
import type { Template } from './schema';

const oneIn = (d: number): Rate => ({ n: 1, d });

describe('the frequency scheme (CIOMS III / SmPC)', () => {
  it('puts each band boundary in the band it starts', () => {
    expect([oneIn(10), oneIn(11), oneIn(100), oneIn(101), oneIn(1_000), oneIn(1_001), oneIn(10_000), oneIn(10_001)].map((r) => bandOf(r).id))
      .toEqual(['very-common', 'common', 'common', 'uncommon', 'uncommon', 'rare', 'rare', 'very-rare']);
    expect(bandOf({ n: 43, d: 100 }).id).toBe('very-common');
    expect(bandOf({ n: 8, d: 1_000 }).id).toBe('uncommon');
  });

  it('labels ranges and bounds, and takes the frequency field from the most frequent end', () => {
    const range = { kind: 'about' as const, rates: [oneIn(1_000), oneIn(10_000)] as [Rate, Rate] };
    expect(frequencyLabel(range)).toBe('uncommon to rare');
    expect(frequencyField(range)).toBe('uncommon');
    expect(frequencyLabel({ kind: 'about', rates: [{ n: 1, d: 100 }, { n: 5, d: 100 }] })).toBe('common');
    expect(frequencyLabel({ kind: 'fewer-than', bound: oneIn(100) })).toBe('uncommon or rarer');
    expect(frequencyField({ kind: 'fewer-than', bound: oneIn(100) })).toBe('uncommon');
  });

  it('finds figures in the natural-frequency format with the label written beside them', () => {
    const found = findFrequencies('It happens in about 1 in 1,000 to 1 in 10,000 shots (uncommon to rare). About 1 to 5 in 100 people (common) get them; fewer than 1 in 100 (uncommon or rarer).');
    expect(found.map((f) => [f.label, frequencyLabel(f.stated), ratesOf(f.stated)])).toEqual([
      ['uncommon to rare', 'uncommon to rare', [0.001, 0.0001]],
      ['common', 'common', [0.01, 0.05]],
      ['uncommon or rarer', 'uncommon or rarer', [0.01]],
    ]);
    for (const other of ['about 4 out of 100', 'in 1 in 200 shots', '0.5%', 'about 1 in 1000']) expect(other, other).toMatch(OTHER_FIGURE);
  });
});

/** Durations ("2 to 3 days", "up to 4 days") are the other numbers a risk's wording may hold. */
const DURATION = /\b\d+(?: to \d+)? (?:minutes?|hours?|days?|weeks?|months?|years?)\b/g;

/** The figures an incidence text states, as fractions: "7.9%", "0.1%–0.01%", "1–5%", "127/764", "29.4 per 1,000,000". */
function incidenceRates(text: string): number[] {
  const rates: number[] = [];
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?%?\s?[–-]\s?(\d+(?:\.\d+)?)\s?%/g)) rates.push(Number(m[1]) / 100, Number(m[2]) / 100);
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?%/g)) rates.push(Number(m[1]) / 100);
  for (const m of text.matchAll(/(\d+(?:\.\d+)?) per 1,000,000/g)) rates.push(Number(m[1]) / 1_000_000);
  for (const m of text.matchAll(/\b(\d+)\/(\d+)\b/g)) rates.push(Number(m[1]) / Number(m[2]));
  return rates;
}

/** "about" may round a source's figure by up to 5% of it (7.9% is "about 8 in 100"; 8.1 per 1,000,000 "about 1 in 120,000"). */
const ROUNDING = 0.05;

/** What is wrong with one patient-facing text under the scheme; risks are held to more. */
function problems(p: PatientText): string[] {
  const out: string[] = [];
  const found = findFrequencies(p.text);
  for (const f of found) {
    const label = frequencyLabel(f.stated);
    if (f.label !== label) out.push(`"${f.phrase}" is labelled "${f.label}"; the scheme says "${label}"`);
  }
  const rest = found.reduce((text, f) => text.replace(f.phrase, ' '), p.text);
  if (OTHER_FIGURE.test(rest)) out.push(`states a figure not in the natural-frequency format ("about 1 in 200 (uncommon)"): "${rest.match(OTHER_FIGURE)![0]}"`);
  if (FREQUENCY_WORDS.test(rest)) out.push(`uses "${rest.match(FREQUENCY_WORDS)![0]}" without a figure: the labels are kept for figures`);
  const risk = p.risk;
  if (!risk) return out;
  const numbers = rest.replace(DURATION, ' ').match(/\d[\d,.]*/g);
  if (numbers) out.push(`states ${numbers.join(', ')}: neither a natural frequency nor a duration`);
  if (!found.length) {
    if (risk.frequency !== 'unknown') out.push(`frequency is "${risk.frequency}" but the words state no figure`);
    if (!NO_FIGURE_WORDING.test(p.text)) out.push('states no figure and does not say so ("No one knows exactly how often this happens.")');
    return out;
  }
  // The most frequent figure stated sets the field (the cautious reading).
  const order = FREQUENCY_BANDS.map((b) => b.id);
  const expected = found.map((f) => frequencyField(f.stated)).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]!;
  if (risk.frequency !== expected) out.push(`frequency is "${risk.frequency}"; the figure stated makes it "${expected}"`);
  if (!risk.incidence) return [...out, 'states a figure but has no incidence with its source'];
  const source = incidenceRates(risk.incidence.text);
  for (const f of found) {
    for (const rate of ratesOf(f.stated)) {
      if (!source.some((s) => Math.abs(rate - s) <= s * ROUNDING)) out.push(`"${f.phrase}" is not a figure its incidence states ("${risk.incidence.text}")`);
    }
  }
  return out;
}

function libraryProblems(templates: readonly Template[]): string[] {
  return templates.flatMap((t) => patientTexts(t))
    .filter((p) => p.part === 'risks' || p.part === 'requiredCounselling')
    .flatMap((p) => problems(p).map((problem) => `${placeOf(p)}: ${problem}`));
}

describe('frequencies in the wording said to the patient about risks', () => {
  it('catch the mixed formats, unlabelled figures and words-only frequencies of the version-1 wording', () => {
    const v1 = libraryProblems(LIBRARY_VERSIONS.filter((t) => t.version === 1)).join('\n');
    expect(v1).toMatch(/lumbar-transforaminal-esi v1 risks\/intravascular-injection: states a figure not in the natural-frequency format/);
    expect(v1).toMatch(/cervical-interlaminar-esi v1 risks\/nerve-injury: .*frequency is "very-rare" but the words state no figure/);
    expect(v1).toMatch(/stellate-ganglion-block v1 risks\/stroke: uses "Rarely" without a figure/);
  });

  it('are natural frequencies labelled by the scheme, agree with the frequency field and the incidence, or say no figure is known', () => {
    const found = libraryProblems(LIBRARY);
    expect(found, `${found.length} problems:\n${found.join('\n')}`).toEqual([]);
  });
});
