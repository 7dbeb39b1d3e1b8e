/**
 * The relief thresholds in the library's follow-up facts, as typed data the
 * outcomes screen can compute with. The facts stay the authority: each row
 * names the template and the fact id it reads, and the number, duration and
 * block count here must be stated in that fact's text (relief-thresholds.test.ts
 * checks each row against the bundled library; at run time a row whose fact is
 * missing or no longer states its number in the encounter's template version
 * is not used, see thresholdsFor). The evidence tag and the source come from
 * the fact itself, never from here.
 *
 * No number appears here that the fact base does not state. Where the library
 * states two thresholds for one procedure (consensus and payer) both are
 * listed; neither is chosen.
 */
import type { Fact, Template } from '../library/schema';

export interface ThresholdRow {
  templateId: string;
  factId: string;
  /** What meeting it means. */
  purpose: string;
  /** Whose rule it is, as the fact names it (shown as "source: …"). */
  label: string;
  percent: number;
  /** What the fact accepts instead of the relief, in its words; the verdict then never says "does not meet" on relief alone. */
  alternative: string | null;
  /** Judged on the pain diary after a diagnostic block, or on the follow-ups' reported relief. */
  appliesTo: 'diary' | 'follow-up';
  /** The fact asks for this many blocks, each meeting the percent. */
  blocksRequired: number | null;
  /** The fact asks the relief to last this long. */
  minDuration: { value: number; unit: 'months' } | null;
}

export const RELIEF_THRESHOLDS: readonly ThresholdRow[] = [
  {
    templateId: 'lumbar-medial-branch-block', factId: 'rfa-threshold-consensus', purpose: 'before RFA',
    label: 'lumbar facet consensus, Cohen 2020', percent: 50, alternative: null, appliesTo: 'diary', blocksRequired: null, minDuration: null,
  },
  {
    templateId: 'lumbar-medial-branch-block', factId: 'rfa-threshold-payer', purpose: 'before RFA',
    label: 'payer/SIS-style criterion, insurance-policy wording in a secondary summary', percent: 80, alternative: null, appliesTo: 'diary', blocksRequired: 2, minDuration: null,
  },
  {
    templateId: 'cervical-medial-branch-block', factId: 'rfa-threshold-lumbar-consensus-carried-over', purpose: 'before RFA',
    label: 'lumbar facet consensus, Cohen 2020, carried over to cervical as an inference', percent: 50, alternative: null, appliesTo: 'diary', blocksRequired: null, minDuration: null,
  },
  {
    templateId: 'cervical-medial-branch-block', factId: 'rfa-threshold-payer', purpose: 'before RFA',
    label: 'payer/SIS-style criterion, insurance-policy wording in a secondary summary', percent: 80, alternative: null, appliesTo: 'diary', blocksRequired: 2, minDuration: null,
  },
  {
    templateId: 'sacroiliac-joint-injection', factId: 'positive-block-threshold', purpose: 'for a positive diagnostic SIJ block',
    label: 'SIS-style threshold, dual blocks', percent: 75, alternative: null, appliesTo: 'diary', blocksRequired: 2, minDuration: null,
  },
  {
    templateId: 'lumbar-medial-branch-rfa', factId: 'repeat-rfa-criteria', purpose: 'for a repeat RFA',
    label: 'Medicare facet LCDs', percent: 50, alternative: null, appliesTo: 'follow-up', blocksRequired: null, minDuration: { value: 6, unit: 'months' },
  },
  {
    templateId: 'cervical-medial-branch-rfa', factId: 'repeat-rfa-criteria', purpose: 'for a repeat RFA',
    label: 'Medicare facet LCDs', percent: 50, alternative: null, appliesTo: 'follow-up', blocksRequired: null, minDuration: { value: 6, unit: 'months' },
  },
  {
    templateId: 'genicular-rfa', factId: 'repeat-rfa-criteria', purpose: 'for a repeat RFA',
    label: 'Medicare facet-RFA criterion, carried over for review only', percent: 50, alternative: null, appliesTo: 'follow-up', blocksRequired: null, minDuration: { value: 6, unit: 'months' },
  },
  {
    templateId: 'scs-trial', factId: 'trial-success-threshold', purpose: 'to proceed from trial to implant',
    label: 'general SCS trial threshold, fact base consensus', percent: 50, alternative: null, appliesTo: 'follow-up', blocksRequired: null, minDuration: null,
  },
  // Epidural steroid injections: the Medicare LCD's repeat criterion (fact-reference.md §2.1, [V2]). "Sustained" gives no
  // duration, so none is asked; ≥50% better function also qualifies, which the follow-up's function scores cannot compute.
  ...['lumbar-transforaminal-esi', 'cervical-transforaminal-esi', 'cervical-interlaminar-esi'].map((templateId): ThresholdRow => ({
    templateId, factId: 'repeat-criteria-lcd', purpose: 'for a repeat injection',
    label: 'Medicare LCD L33906', percent: 50, alternative: '≥50% functional improvement', appliesTo: 'follow-up', blocksRequired: null, minDuration: null,
  })),
];

/** Words the fact must contain for a row to be used: its number, duration and block count as the fact states them. */
export function requiredPhrases(row: ThresholdRow): string[] {
  const phrases = [`≥${row.percent}%`];
  if (row.alternative) phrases.push(row.alternative);
  if (row.minDuration) phrases.push(`≥${row.minDuration.value} ${row.minDuration.unit}`);
  if (row.blocksRequired === 2) phrases.push('two|dual');
  return phrases;
}

/** Whether the fact still says what the row encodes (a published edit may have changed it). */
export function factStates(row: ThresholdRow, fact: Fact): boolean {
  return requiredPhrases(row).every((p) => p.split('|').some((alt) => fact.text.includes(alt)));
}

/**
 * The rows that apply to this template version, each with the fact it reads.
 * A row whose fact is gone or no longer states its number is left out, so a
 * threshold is never shown that the encounter's own template does not state.
 */
export function thresholdsFor(template: Template): { row: ThresholdRow; fact: Fact }[] {
  return RELIEF_THRESHOLDS.filter((r) => r.templateId === template.id).flatMap((row) => {
    const fact = template.followUp.find((f) => f.id === row.factId);
    return fact && factStates(row, fact) ? [{ row, fact }] : [];
  });
}

/** Whether the template's follow-up asks for a pain diary (a diagnostic block). */
export function expectsDiary(template: Template): boolean {
  return template.followUp.some((f) => f.id.startsWith('pain-diary')) || thresholdsFor(template).some((t) => t.row.appliesTo === 'diary');
}
