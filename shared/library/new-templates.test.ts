/**
 * The templates of issue 15 (epidural adhesiolysis, vertebral augmentation, intrathecal trial
 * and pump implant): every fact the fact base tags [M] or that is inferred shows "needs
 * clinical review" wherever review is decided, the tags of the rest carry through, and every
 * figure said to the patient is a natural frequency with the CIOMS III word for it
 * (fact-reference.md §2.1, §2.10, §2.11, §1.2).
 */
import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../domain/checklist';
import { NO_RISK_FACTORS } from '../domain/anticoagulant-check';
import { encounterBleedingRisk } from '../domain/bleeding-risk';
import { evidenceState } from './evidence-state';
import { awaitingReview, factsOf, isFactUnverified } from './evidence-summary';
import { NO_FIGURE_WORDING } from './frequency-scheme';
import { LIBRARY } from './index';
import { needsClinicalReview } from './reliability';
import type { Risk, Template } from './schema';

const NEW_TEMPLATES = ['epidural-adhesiolysis', 'vertebral-augmentation', 'intrathecal-drug-delivery-trial', 'intrathecal-pump-implant'];
const template = (id: string): Template => {
  const t = LIBRARY.find((x) => x.id === id);
  if (!t) throw new Error(`no bundled template ${id}`);
  return t;
};
const tagged = (sources: readonly { evidence: string }[]) => sources.some((s) => s.evidence === 'M' || s.evidence === 'inference');

describe('issue 15 templates: [M] and inferred facts need clinical review', () => {
  it.each(NEW_TEMPLATES)('%s: every [M] or inferred fact needs review in the checklist, the review queue and the reference view', (id) => {
    const t = template(id);
    const rows = new Map(buildChecklist(t).flatMap((s) => s.items).map((i) => [i.id, i]));
    const queue = new Set(awaitingReview(t, new Set()));
    const facts = factsOf(t).filter((f) => tagged(f.sources));
    expect(facts.length, id).toBeGreaterThan(3);
    for (const fact of facts) {
      expect(isFactUnverified(fact), `${id} ${fact.id}`).toBe(true);
      expect(queue.has(fact.id), `${id} ${fact.id} in the review queue`).toBe(true);
      expect(evidenceState({ sources: fact.sources, parts: fact.parts, templateId: id, factId: fact.id }), `${id} ${fact.id}`).toBe('needs-review');
      // Facts on the checklist show the badge there too (contraindications, alternatives, benefit and follow-up are in the reference view).
      const row = rows.get(fact.id);
      if (row) expect(row.evidence, `${id} ${fact.id} checklist row`).toBe('needs-review');
    }
    // Accepted by the clinic's reviewer, the row says so instead.
    const first = facts.find((f) => rows.has(f.id))!;
    const accepted = buildChecklist(t, new Map([[first.id, { name: 'Dr Reviewer', at: '2026-11-24T10:00:00.000Z' }]]));
    expect(accepted.flatMap((s) => s.items).find((i) => i.id === first.id)!.evidence).toBe('accepted');
  });

  it('names the facts the fact base leaves open, each needing review', () => {
    const open: [string, string][] = [
      ['epidural-adhesiolysis', 'radicular-pain-carried-over'], ['epidural-adhesiolysis', 'antithrombotic-review'], ['epidural-adhesiolysis', 'expected-benefit'],
      ['epidural-adhesiolysis', 'infection'], ['epidural-adhesiolysis', 'epidural-steroid-warning-if-used'],
      ['vertebral-augmentation', 'retropulsion-cord-compression'], ['vertebral-augmentation', 'infection'], ['vertebral-augmentation', 'nature-and-purpose'],
      ['intrathecal-drug-delivery-trial', 'trial-response-recorded'], ['intrathecal-drug-delivery-trial', 'antithrombotic-review'], ['intrathecal-drug-delivery-trial', 'trial-purpose'],
      ['intrathecal-pump-implant', 'overdose-or-withdrawal'], ['intrathecal-pump-implant', 'expected-benefit'], ['intrathecal-pump-implant', 'intrathecal-trial-done'],
    ];
    for (const [id, factId] of open) {
      const fact = factsOf(template(id)).find((f) => f.id === factId);
      expect(fact, `${id} ${factId}`).toBeDefined();
      expect(evidenceState({ sources: fact!.sources, parts: fact!.parts, templateId: id, factId }), `${id} ${factId}`).toBe('needs-review');
    }
  });

  it('keeps the tags the fact base gives: [V] verified, [V2] secondary', () => {
    const state = (id: string, factId: string) => buildChecklist(template(id)).flatMap((s) => s.items).find((i) => i.id === factId)!.evidence;
    expect(state('vertebral-augmentation', 'cement-leakage')).toBe('verified');
    expect(state('vertebral-augmentation', 'new-vertebral-fractures')).toBe('verified');
    expect(state('vertebral-augmentation', 'evidence-versus-sham')).toBe('verified');
    expect(state('intrathecal-pump-implant', 'mortality-intrathecal-opioids')).toBe('verified');
    expect(state('intrathecal-pump-implant', 'catheter-tip-granuloma')).toBe('verified');
    expect(state('intrathecal-drug-delivery-trial', 'infection')).toBe('verified');
    expect(state('epidural-adhesiolysis', 'intravascular-entry')).toBe('secondary');
    expect(state('epidural-adhesiolysis', 'complication-profile')).toBe('secondary');
  });

  it('gives the bleeding-risk class §1.2 gives, and marks the classes §1.2 does not list for review', () => {
    const classOf = (id: string) => encounterBleedingRisk(template(id), NO_RISK_FACTORS, []);
    // Listed in §1.2: vertebral augmentation, intrathecal catheter and pump implant (High, [V2]).
    for (const id of ['vertebral-augmentation', 'intrathecal-pump-implant']) {
      expect(template(id).bleedingRisk.asra2018.class, id).toBe('high');
      expect(tagged(template(id).bleedingRisk.asra2018.sources), id).toBe(false);
    }
    // Not listed: the intrathecal trial (carried over from the implant) and adhesiolysis ([M], the most cautious class).
    for (const id of ['intrathecal-drug-delivery-trial', 'epidural-adhesiolysis']) {
      expect(template(id).bleedingRisk.asra2018.class, id).toBe('high');
      expect(tagged(template(id).bleedingRisk.asra2018.sources), id).toBe(true);
    }
    expect(template('epidural-adhesiolysis').bleedingRisk.asra2018.sources).toEqual([{ sourceId: 'fact-base-consensus', evidence: 'M' }]);
    expect(classOf('epidural-adhesiolysis').riskClass).toBe('high');
    // The note and the bleeding-risk panel mark the template's class line for review where its sources need it.
    const templateLine = (id: string) => {
      const line = classOf(id).basis[0];
      return line?.kind === 'template' ? line.sources : [];
    };
    expect(needsClinicalReview(templateLine('epidural-adhesiolysis'))).toBe(true);
    expect(needsClinicalReview(templateLine('intrathecal-drug-delivery-trial'))).toBe(true);
    expect(templateLine('vertebral-augmentation').length).toBeGreaterThan(0);
    expect(needsClinicalReview(templateLine('vertebral-augmentation'))).toBe(false);
    // The class is explained where the nurse reviews antithrombotics.
    const review = template('epidural-adhesiolysis').monitoring.find((m) => m.id === 'antithrombotic-review')!;
    expect(review.text).toMatch(/not include percutaneous adhesiolysis/);
    expect(review.text).toMatch(/needs clinical review/);
  });
});

/** CIOMS III / EU SmPC frequency words (very common ≥1/10; common ≥1/100; uncommon ≥1/1,000; rare ≥1/10,000; very rare below). */
function ciomsLabel(fraction: number): string {
  if (fraction >= 1 / 10) return 'very common';
  if (fraction >= 1 / 100) return 'common';
  if (fraction >= 1 / 1000) return 'uncommon';
  if (fraction >= 1 / 10000) return 'rare';
  return 'very rare';
}

const number = (text: string) => Number(text.replace(/,/g, ''));

/**
 * What is wrong with a risk's patient wording, or []: each "about N in M (word)" (or "about N to K
 * in M (word to word)") matches a percentage or a count ("75/211") of the risk's incidence text to
 * the precision of M and carries the CIOMS word for it; a risk without an incidence figure says so
 * in the library's words ("No one knows exactly how often this happens.").
 */
function frequencyProblems(risk: Pick<Risk, 'patientText' | 'incidence'>): string[] {
  const problems: string[] = [];
  const percents = [...(risk.incidence?.text ?? '').matchAll(/(\d+(?:\.\d+)?)\s?%/g)].map((m) => Number(m[1]) / 100);
  const ranges = [...(risk.incidence?.text ?? '').matchAll(/(\d+(?:\.\d+)?)–(\d+(?:\.\d+)?)\s?%/g)].map((m) => Number(m[1]) / 100);
  const counts = [...(risk.incidence?.text ?? '').matchAll(/\b(\d+)\/(\d+)\b/g)].map((m) => Number(m[1]) / Number(m[2]));
  const stated = [...percents, ...ranges, ...counts];
  // "about 12 in 100 of these procedures (very common)": the word comes in the first brackets after the figure.
  const said = [...risk.patientText.matchAll(/about ([\d,]+)(?: to ([\d,]+))? in ([\d,]+)\b[^()]*?\(([a-z ]+?)\)/gi)];
  if (!risk.incidence) {
    if (said.length) problems.push(`gives "${said[0]![0]}" with no incidence figure`);
    if (!NO_FIGURE_WORDING.test(risk.patientText)) problems.push('has no figure and does not say so in words');
    return problems;
  }
  if (!said.length) problems.push('states an incidence but tells the patient no frequency');
  for (const m of said) {
    const [phrase, low, high, per, word] = m as unknown as [string, string, string | undefined, string, string];
    const denominator = number(per);
    const values = [low, ...(high ? [high] : [])].map((v) => number(v) / denominator);
    for (const value of values) {
      if (!stated.some((p) => Math.abs(p - value) <= 0.5 / denominator + 1e-9)) problems.push(`"${phrase}": ${value} is no stated figure rounded to 1 in ${per}`);
    }
    const expected = [...new Set(values.map(ciomsLabel))].join(' to ');
    if (word !== expected) problems.push(`"${phrase}": the word for it is "${expected}"`);
  }
  return problems;
}

describe('issue 15 templates: frequencies in patient words', () => {
  it('the check catches a wrong word, an unstated number and a missing "no one knows"', () => {
    const incidence = { text: 'Intravascular entry in 11.6%', sources: [] };
    expect(frequencyProblems({ incidence, patientText: 'In about 12 in 100 (very common).' })).toEqual([]);
    expect(frequencyProblems({ incidence, patientText: 'In about 12 in 100 (common).' })).toEqual([expect.stringMatching(/the word for it is "very common"/)]);
    expect(frequencyProblems({ incidence, patientText: 'In about 2 in 100 of them (common).' })).toEqual([expect.stringMatching(/no stated figure/)]);
    expect(frequencyProblems({ incidence, patientText: 'It happens often.' })).toEqual([expect.stringMatching(/tells the patient no frequency/)]);
    expect(frequencyProblems({ incidence: undefined, patientText: 'It can happen.' })).toEqual([expect.stringMatching(/does not say so/)]);
    expect(frequencyProblems({ incidence: undefined, patientText: 'It can happen. No one knows exactly how often this happens.' })).toEqual([]);
    // A count the incidence states ("75 leaks in 211 vertebroplasties (75/211)") is a figure too: 75/211 is about 36 in 100.
    const count = { text: '75 leaks in 211 vertebroplasties (75/211)', sources: [] };
    expect(frequencyProblems({ incidence: count, patientText: 'The count was about 36 in 100 procedures (very common).' })).toEqual([]);
    expect(frequencyProblems({ incidence: count, patientText: 'The count was about 30 in 100 procedures (very common).' })).toEqual([expect.stringMatching(/no stated figure/)]);
    expect(ciomsLabel(0.00088)).toBe('rare');
    expect(ciomsLabel(0.009)).toBe('uncommon');
  });

  it.each(NEW_TEMPLATES)('%s: every risk tells the patient its frequency, or that it is not known', (id) => {
    for (const risk of template(id).risks) expect(frequencyProblems(risk), `${id} ${risk.id}: ${risk.patientText}`).toEqual([]);
  });
});
