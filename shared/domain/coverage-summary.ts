/**
 * The "documentation summary" for the chart (issue 20 point 2): one paragraph of
 * plain prose saying what the intake documents and, per policy, how many of its
 * criteria are documented and what is missing. The chart note is a record, not a
 * bibliography: it names the policy's number only.
 */
import type { CoverageIntake } from './coverage-input';
import type { RuleResult, RuleSetResult } from './coverage-readiness';
import { daysBetween } from './coverage-earlier';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const RESPONSE: Record<string, string> = { none: 'without relief', partial: 'with partial relief', good: 'with good relief', worse: 'with worse pain', unknown: 'response not recorded' };
const KIND: Record<string, string> = { 'physical-therapy': 'physical therapy', medication: 'medication', chiropractic: 'chiropractic care', other: 'other care' };

/** What the intake documents, as short clauses. */
function intakeClauses(intake: CoverageIntake, now: string): string[] {
  const clauses: string[] = [];
  const onset = intake.symptoms.map((s) => s.onset).filter((d): d is string => d !== null).sort()[0];
  if (onset) clauses.push(`Pain for ${plural(Math.floor(daysBetween(onset, now) / 7), 'week')}`);
  for (const t of intake.therapies.filter((x) => x.kind !== 'injection')) {
    const name = t.description.trim() || KIND[t.kind] || t.kind;
    clauses.push(`${name}${t.weeks !== null ? ` ${plural(t.weeks, 'week')}` : ''} ${RESPONSE[t.response] ?? ''}`.trim());
  }
  for (const t of intake.therapies) {
    const inj = t.injection;
    if (inj) clauses.push(`${inj.procedure} on ${inj.date}${inj.percentRelief !== null ? `, ${inj.percentRelief}% relief` : ''}${inj.reliefWeeks !== null ? ` for ${plural(inj.reliefWeeks, 'week')}` : ''}`);
  }
  if (intake.painScore !== null) clauses.push(`pain score ${intake.painScore}/10`);
  const f = intake.functionMeasure;
  if (f) clauses.push(`${f.name} ${f.score}${f.max !== null ? `/${f.max}` : ''}`);
  if (intake.imaging.length) clauses.push(`imaging: ${intake.imaging.map((i) => `${i.modality.toUpperCase()}${i.date ? ` ${i.date}` : ''}${i.findings ? ` (${i.findings})` : ''}`).join(', ')}`);
  if (intake.neuro.findings.trim()) clauses.push(`neurological examination: ${intake.neuro.findings.trim()}`);
  return clauses;
}

/** A rule's words inside a sentence: no full stop, first letter small, each said once. */
const inline = (list: readonly string[]) => [...new Set(list.flatMap((s) => s.split(/\.\s+(?=[A-Z])/)).map((s) => s.replace(/\.\s*$/, '').replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase())))].join('; ');

/** One policy's line: "Medicare LCD L33906: 3 of 6 criteria documented; not met: …; missing: …". */
export function setSentence(set: RuleSetResult): string {
  const applying = set.results.filter((r) => r.status !== 'not-applicable');
  const count = (s: RuleResult['status']) => applying.filter((r) => r.status === s);
  const parts = [`${set.payer === 'medicare' ? 'Medicare' : set.title.replace(/ ESI$| facet RFA$/, '')} ${set.policyKind} ${set.policy}: ${count('met').length} of ${applying.length} criteria documented`];
  const notMet = count('not-met');
  if (notMet.length) parts.push(`not met: ${inline(notMet.map((r) => r.missing ?? r.text))}`);
  const missing = count('unknown');
  if (missing.length) parts.push(`missing: ${inline(missing.map((r) => r.missing ?? r.text))}`);
  const review = applying.some((r) => r.needsClinicalReview);
  return `${parts.join('; ')}.${review ? ' These criteria need clinical review before they are relied on.' : ''}`;
}

export function documentationSummary(intake: CoverageIntake | null, sets: readonly RuleSetResult[], now: string): string {
  const intakePart = intake ? intakeClauses(intake, now) : [];
  const opening = intake ? (intakePart.length ? `${intakePart.join('; ')}.` : 'The intake records no history yet.') : 'No intake recorded.';
  const first = opening.charAt(0).toUpperCase() + opening.slice(1);
  const policies = sets.length ? sets.map(setSentence).join(' ') : 'No payer criteria apply to this procedure in the library.';
  return `${first} ${policies}`;
}
