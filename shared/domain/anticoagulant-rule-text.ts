/** The anticoagulant table's hold and restart rules in plain words, as the check, the screen and the note show them. */
import type { HoldRule, RestartRule, RiskClass } from '../clinical/anticoagulant-table';

export const NOT_VERIFIED_TEXT = 'Interval not verified in the fact base — needs clinical review';
export const SHARED_TEXT = 'Shared assessment with the prescriber';

export const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A hold rule in plain words for a given class. Untimed rules contain no number. */
export function holdText(rule: HoldRule, riskClass: RiskClass): string {
  const before = `before ${riskClass === 'intermediate' ? 'an' : 'a'} ${riskClass}-risk procedure`;
  const flags = (r: { requiresNormalInr?: true; confirm?: string }) =>
    `${r.requiresNormalInr ? ' and confirm a normal INR' : ''}${r.confirm ? ` and confirm ${r.confirm}` : ''}`;
  switch (rule.kind) {
    case 'hold':
      return `Stop ${plural(rule.hours, 'hour')} ${before}${flags(rule)}`;
    case 'hold-days':
      return `Stop ${plural(rule.days, 'day')} ${before}${flags(rule)}`;
    case 'hold-range': {
      const unit = rule.unit === 'hours' ? 'hour' : 'day';
      return `Stop ${rule.min}–${rule.max} ${unit}s ${before}${flags(rule)}; the time shown uses the longer, ${plural(rule.max, unit)}`;
    }
    case 'half-lives':
      return `Stop ${rule.count} half-lives ${before}; the drug's half-life is not in the fact base — needs clinical review`;
    case 'follow':
      return 'Follow the aspirin recommendations: enter the aspirin (primary or secondary prophylaxis) and the other component as their own drugs';
    case 'continue':
      return `Continue: no hold ${before}`;
    case 'shared-assessment':
      return SHARED_TEXT;
    case 'unknown':
      return NOT_VERIFIED_TEXT;
  }
}

export const CONTINUED_TEXT = 'Continued through the procedure: nothing to restart';

export function restartText(rule: RestartRule): string {
  switch (rule.kind) {
    case 'hours':
      return `Restart no sooner than ${plural(rule.hours, 'hour')} after the procedure`;
    case 'range-hours':
      return `Restart ${rule.min}–${rule.max} hours after the procedure; the time shown uses the longer, ${plural(rule.max, 'hour')}`;
    case 'specialist-directed':
      return 'Restart as directed by the specialist';
    case 'unknown':
      return 'Restart interval not verified in the fact base — needs clinical review';
  }
}
