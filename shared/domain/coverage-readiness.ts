/**
 * Coverage readiness (issue 20 point 2): each payer rule for the procedure judged
 * from the intake, the earlier procedures and their outcomes. Pure. It never
 * blocks anything: it says what is documented and what is missing.
 *
 * Missing data is 'unknown', never 'not-met': 'not-met' only where what is
 * recorded falls short. A repeat rule with no earlier procedure of the family on
 * record 'does not apply'.
 */
import { familyOfTemplate, regionOfTemplate, ruleSetsFor, type PayerId, type PayerRule, type PayerRuleSet, type ReliefRule, type RuleCheck } from '../clinical/payer-rules';
import { needsClinicalReview, effectiveEvidence } from '../library/reliability';
import type { Evidence, SourceRef } from '../library/schema';
import { daysBetween, earlierProcedures, inWindow, type CountedProcedure } from './coverage-earlier';
import type { CoverageInput, CoverageIntake } from './coverage-input';

export type RuleStatus = 'met' | 'not-met' | 'unknown' | 'not-applicable';

export interface RuleResult {
  ruleId: string;
  text: string;
  status: RuleStatus;
  /** What was found, in words ("Pain for 10 weeks."). */
  found: string;
  /** What is missing or short, in words; null when met or not applicable. */
  missing: string | null;
  sources: SourceRef[];
  evidence: Evidence;
  needsClinicalReview: boolean;
}

export interface RuleSetResult {
  payer: PayerId;
  setId: string;
  title: string;
  policy: string;
  policyKind: string;
  results: RuleResult[];
}

interface Judged { status: RuleStatus; found: string; missing: string | null }

const met = (found: string): Judged => ({ status: 'met', found, missing: null });
const unknown = (found: string, missing: string): Judged => ({ status: 'unknown', found, missing });
const notMet = (found: string, missing: string): Judged => ({ status: 'not-met', found, missing });
const NO_INTAKE = unknown('', 'No intake recorded.');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const weeksText = (days: number) => plural(Math.floor(days / 7), 'week');

function painDuration(intake: CoverageIntake | null, now: string, minWeeks: number): Judged {
  if (!intake) return NO_INTAKE;
  const onsets = intake.symptoms.map((s) => s.onset).filter((d): d is string => d !== null).sort();
  if (!onsets[0]) return unknown('', 'No pain onset date recorded in the intake.');
  const days = daysBetween(onsets[0], now);
  const found = `Pain for ${weeksText(days)} (since ${onsets[0]}).`;
  return days >= minWeeks * 7 ? met(found) : notMet(found, `Pain for less than ${minWeeks} weeks.`);
}

function conservativeCare(intake: CoverageIntake | null): Judged {
  if (!intake) return NO_INTAKE;
  const care = intake.therapies.filter((t) => t.kind !== 'injection');
  if (care.length === 0) return unknown('', 'No conservative care recorded in the intake.');
  const said = care.map((t) => `${t.description || t.kind}${t.weeks !== null ? ` ${plural(t.weeks, 'week')}` : ''}: ${t.response === 'none' ? 'no relief' : t.response}`).join('; ');
  const found = `${said}.`;
  if (care.some((t) => t.response === 'none' || t.response === 'worse')) return met(found);
  if (care.every((t) => t.response === 'good')) return notMet(found, 'Conservative care recorded as helping.');
  return unknown(found, 'No conservative care recorded as failed (a partial or unknown response is the physician’s call).');
}

function baselineScales(intake: CoverageIntake | null): Judged {
  if (!intake) return NO_INTAKE;
  const pain = intake.painScore !== null ? `pain ${intake.painScore}/10` : null;
  const f = intake.functionMeasure;
  const fn = f ? `${f.name} ${f.score}${f.max !== null ? `/${f.max}` : ''}` : null;
  const found = [pain, fn].filter(Boolean).join('; ');
  const missing = [pain ? null : 'No pain score recorded in the intake.', fn ? null : 'No function measure recorded in the intake.'].filter(Boolean).join(' ');
  return missing ? unknown(found ? `${found}.` : '', missing) : met(`${found}.`);
}

function historyExamImaging(intake: CoverageIntake | null): Judged {
  if (!intake) return NO_INTAKE;
  const imaging = intake.imaging.filter((i) => i.findings.trim() !== '');
  const exam = intake.neuro.findings.trim();
  const found = [imaging.length ? `Imaging: ${imaging.map((i) => `${i.modality.toUpperCase()}${i.date ? ` ${i.date}` : ''}`).join(', ')}` : null, exam ? 'neurological examination recorded' : null].filter(Boolean).join('; ');
  const missing = [imaging.length ? null : 'No imaging findings recorded in the intake.', exam ? null : 'No neurological examination recorded in the intake.'].filter(Boolean).join(' ');
  if (missing) return unknown(found ? `${found}.` : '', missing);
  return met(`${found}. Whether they agree is the physician’s judgement.`);
}

function levelsPerSession(input: CoverageInput, maxLevels: { transforaminal: number; other: number }): Judged {
  const levels = input.procedure.levels ?? [];
  const max = input.procedure.templateId.includes('transforaminal') ? maxLevels.transforaminal : maxLevels.other;
  if (levels.length === 0) return unknown('', 'No levels chosen for this procedure yet.');
  const found = `${plural(levels.length, 'level')} planned (${levels.join(', ')}).`;
  return levels.length <= max ? met(found) : notMet(found, `More than ${max} ${max === 1 ? 'level' : 'levels'} in one session.`);
}

/** Earlier ones of the family in this region, or whose region (or this one's) is not recorded: a lumbar injection does not repeat a cervical one. */
function sameFamilyHere(earlier: readonly CountedProcedure[], family: string | null, region: string | null): CountedProcedure[] {
  return earlier.filter((e) => e.family === family && (region === null || e.region === null || e.region === region));
}

function sameFamily(earlier: readonly CountedProcedure[], family: string | null): CountedProcedure[] {
  return earlier.filter((e) => e.family === family);
}

function sessionsInWindow(input: CoverageInput, earlier: readonly CountedProcedure[], family: string | null, region: string | null, check: Extract<RuleCheck, { kind: 'sessions-in-window' }>): Judged {
  const inside = sameFamily(earlier, family).filter((e) => inWindow(e.date, input.now, check.months));
  const sure = check.perRegion ? inside.filter((e) => region !== null && e.region === region) : inside;
  const maybe = check.perRegion ? inside.filter((e) => e.region === null || region === null) : [];
  const where = check.perRegion ? ' in this region' : '';
  const found = `${plural(sure.length, 'earlier session')}${where} in the last ${check.months} months${maybe.length ? ` and ${maybe.length} whose region is not recorded` : ''}; this would be number ${sure.length + 1}.`;
  if (check.maxSessions === null) return unknown(found, 'The cap’s number is not in the library: check the policy.');
  if (sure.length + 1 > check.maxSessions) return notMet(found, `More than ${check.maxSessions} sessions${where} in ${check.months} months.`);
  if (sure.length + maybe.length + 1 > check.maxSessions) return unknown(found, 'The region of an earlier injection is not recorded.');
  return met(found);
}

function minInterval(input: CoverageInput, earlier: readonly CountedProcedure[], family: string | null, region: string | null, days: number): Judged {
  const last = sameFamilyHere(earlier, family, region)[0];
  if (!last) return { status: 'not-applicable', found: 'No earlier injection on record.', missing: null };
  const gap = daysBetween(last.date, input.now);
  const found = `Last one on ${last.date}, ${plural(gap, 'day')} before.`;
  return gap >= days ? met(found) : notMet(found, `Less than ${days} days since the last one.`);
}

const labelOf = (e: CountedProcedure) => `${e.label ?? e.templateId ?? 'procedure'} on ${e.date}${e.from === 'intake' ? ' (reported in the intake)' : ''}`;

/** One earlier procedure's outcome against a relief criterion. */
function reliefAgainst(e: CountedProcedure, t: ReliefRule): Judged {
  const o = e.outcome;
  const what = labelOf(e);
  if (!o || o.percentRelief === null) return unknown(`${what}.`, `No relief recorded after the ${what}.`);
  const found = `${what}: ${o.percentRelief}% relief${o.reliefWeeks !== null ? ` for ${plural(o.reliefWeeks, 'week')}${o.ongoing ? ', ongoing' : ''}` : ''}.`;
  if (o.percentRelief < t.percent) {
    return t.alternative ? unknown(found, `Relief below ${t.percent}%; ${t.alternative} also qualifies and is not recorded here.`) : notMet(found, `Relief below ${t.percent}%.`);
  }
  if (t.minDays !== null) {
    if (o.reliefWeeks === null) return unknown(found, 'How long the relief lasted is not recorded.');
    if (o.reliefWeeks * 7 < t.minDays) return o.ongoing ? unknown(found, 'Relief still lasting, not yet as long as asked.') : notMet(found, 'Relief did not last as long as asked.');
  }
  return t.alsoRequired ? unknown(found, `Not recorded here: ${t.alsoRequired}.`) : met(found);
}

function repeatRelief(earlier: readonly CountedProcedure[], family: string | null, region: string | null, t: ReliefRule): Judged {
  const last = sameFamilyHere(earlier, family, region)[0];
  if (!last) return { status: 'not-applicable', found: 'Not a repeat: no earlier one on record.', missing: null };
  return reliefAgainst(last, t);
}

function diagnosticBlocks(earlier: readonly CountedProcedure[], region: string | null, check: Extract<RuleCheck, { kind: 'diagnostic-blocks' }>): Judged {
  const blocks = sameFamilyHere(earlier, check.blockFamily, region);
  if (blocks.length === 0) return unknown('', 'No diagnostic blocks on record.');
  const judged = blocks.map((b) => reliefAgainst(b, check.threshold));
  const qualifying = judged.filter((j) => j.status === 'met').length;
  const caveat = check.threshold.caveat ? ` ${check.threshold.caveat}` : '';
  const found = `${qualifying} of ${plural(blocks.length, 'block')} with ≥${check.threshold.percent}% relief. ${judged.map((j) => j.found).join(' ')}${caveat}`;
  if (qualifying >= check.count) return met(found);
  if (judged.some((j) => j.status === 'unknown')) return unknown(found, `Relief not recorded for every block; ${check.count} qualifying blocks are asked.`);
  return notMet(found, `${check.count} blocks with ≥${check.threshold.percent}% relief are asked; ${qualifying} recorded.`);
}

function judge(rule: PayerRule, input: CoverageInput, earlier: readonly CountedProcedure[], family: string | null, region: string | null): Judged {
  const c = rule.check;
  switch (c.kind) {
    case 'pain-duration': return painDuration(input.intake, input.now, c.minWeeks);
    case 'conservative-care-failed': return conservativeCare(input.intake);
    case 'baseline-scales': return baselineScales(input.intake);
    case 'history-exam-imaging': return historyExamImaging(input.intake);
    case 'levels-per-session': return levelsPerSession(input, c.maxLevels);
    case 'sessions-in-window': return sessionsInWindow(input, earlier, family, region, c);
    case 'min-interval': return minInterval(input, earlier, family, region, c.days);
    case 'repeat-relief': return repeatRelief(earlier, family, region, c.threshold);
    case 'diagnostic-blocks': return diagnosticBlocks(earlier, region, c);
  }
}

/** Every rule set of the payer that applies to the procedure, each rule judged. */
export function coverageReadiness(input: CoverageInput, payer: PayerId = 'medicare'): RuleSetResult[] {
  const { templateId } = input.procedure;
  const family = familyOfTemplate(templateId);
  const region = input.procedure.region ?? regionOfTemplate(templateId);
  const earlier = earlierProcedures(input);
  return ruleSetsFor(payer, templateId).map((set) => evaluateSet(set, input, earlier, family, region));
}

function evaluateSet(set: PayerRuleSet, input: CoverageInput, earlier: readonly CountedProcedure[], family: string | null, region: string | null): RuleSetResult {
  return {
    payer: set.payer, setId: set.id, title: set.title, policy: set.policy, policyKind: set.policyKind,
    results: set.rules.map((rule) => ({
      ruleId: rule.id,
      text: rule.text,
      ...judge(rule, input, earlier, family, region),
      sources: rule.sources,
      evidence: effectiveEvidence(rule.sources),
      needsClinicalReview: needsClinicalReview(rule.sources),
    })),
  };
}
