import type { ReliefThreshold, Verdict } from '#shared/contract/follow-up';
import { EvidenceBadges } from './EvidenceBadges';

/** Each result against each rule, said in words: each sentence starts with its verdict (never colour alone). */
export function VerdictList({ verdicts }: { verdicts: readonly Verdict[] }) {
  if (verdicts.length === 0) return null;
  return (
    <ul className="verdicts">
      {verdicts.map((v) => (
        <li key={v.factId} className={`verdict ${v.status}`} data-fact={v.factId} data-status={v.status}>
          {v.sentence}
        </li>
      ))}
    </ul>
  );
}

/** The template's relief thresholds as its follow-up facts state them, each with its sources and evidence. */
export function ThresholdList({ thresholds }: { thresholds: readonly ReliefThreshold[] }) {
  if (thresholds.length === 0) return null;
  return (
    <section className="thresholds">
      <h3>Relief thresholds in this procedure's follow-up rules</h3>
      <ul className="items">
        {thresholds.map((t) => (
          <li key={t.factId} className="fact">
            <strong>≥{t.percent}% {t.purpose}</strong> (source: {t.label}). {t.factText}
            <EvidenceBadges
              sources={t.sources.map((s) => ({ sourceId: s.sourceId, evidence: s.evidence }))}
              citations={t.sources.map((s) => ({ id: s.sourceId, citation: s.citation }))}
              reviewedBy={t.reviewedBy}
              // The core decides (with §7 applied by template and fact id): needsReview, or accepted by the reviewer.
              state={t.needsReview ? 'needs-review' : t.reviewedBy ? 'accepted' : t.sources.some((s) => s.evidence === 'V2') ? 'secondary' : 'verified'}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
