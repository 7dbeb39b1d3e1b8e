import { useEffect, useState } from 'react';
import type { CoverageReadiness as Readiness, CoverageSetResult } from '#shared/contract/coverage';
import { useCoverage } from '../stores/coverage';
import { useEncounter } from '../stores/encounter';
import { EvidenceBadges } from './EvidenceBadges';

const STATUS: Record<CoverageSetResult['results'][number]['status'], string> = {
  met: 'Met', 'not-met': 'Not met', unknown: 'Unknown', 'not-applicable': 'Does not apply',
};

/** "Medicare ESI (L33906): 3 met · 1 not met · 2 unknown". */
export function setLine(set: CoverageSetResult): string {
  const n = (s: string) => set.results.filter((r) => r.status === s).length;
  const parts = [`${n('met')} met`, `${n('not-met')} not met`, `${n('unknown')} unknown`];
  if (n('not-applicable')) parts.push(`${n('not-applicable')} does not apply`);
  return `${set.title} (${set.policy}): ${parts.join(' · ')}`;
}

/**
 * One line in the pre-procedure part: each payer policy's count of criteria met,
 * not met and unknown, opening a fold with every rule, what is missing, its source
 * and whether it needs clinical review. It informs and never blocks anything.
 */
export function CoverageReadiness() {
  const encounter = useEncounter((s) => s.detail?.encounter);
  const readiness = useCoverage((s) => (s.encounterId === encounter?.id ? s.readiness : null));
  const error = useCoverage((s) => (s.encounterId === encounter?.id ? s.error : null));
  // Read again when what the rules read changes (the encounter's levels and state, the patient's payer).
  const levels = encounter?.levels.join(',');
  const payer = useEncounter((s) => s.detail?.patient.payer);
  useEffect(() => {
    if (encounter?.id) void useCoverage.getState().load(encounter.id);
  }, [encounter?.id, levels, encounter?.state, payer]);

  if (error) return <p className="muted coverage-line">Coverage readiness could not be read: {error}</p>;
  if (!readiness || readiness.sets.length === 0) return null;
  return <CoverageFold readiness={readiness} />;
}

function CoverageFold({ readiness }: { readiness: Readiness }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(readiness.summary);
      setCopied('Documentation summary copied.');
    } catch {
      setCopied('Could not copy: select the summary above and copy it.');
    }
  };
  return (
    <section className="card coverage" aria-label="Coverage readiness">
      <details className="fold coverage-fold">
        <summary>Coverage readiness{readiness.payer.recorded ? '' : ' (payer not recorded)'}: {readiness.sets.map(setLine).join('; ')} ▸</summary>
        <p className="muted">
          Information for the documentation: it never blocks the procedure.{readiness.hasIntake ? '' : ' No intake is recorded for this patient yet.'}
          {readiness.payer.recorded
            ? ` Payer: ${readiness.payer.label} (Patient & plan).`
            : " The patient's payer is not recorded, so Medicare's rules are shown; record it in Patient & plan."}
        </p>
        {readiness.sets.map((set) => (
          <div key={set.setId}>
            <h3>{set.title} ({set.policyKind} {set.policy})</h3>
            <ul className="coverage-rules">
              {set.results.map((r) => (
                <li key={r.ruleId} className={`coverage-rule ${r.status}`}>
                  <strong>{STATUS[r.status]}:</strong> {r.text}
                  {r.found && <span className="muted"> {r.found}</span>}
                  {r.missing && <span className="coverage-missing"> Missing: {r.missing}</span>}{' '}
                  <EvidenceBadges sources={r.sources} citations={r.sources.map((s) => ({ id: s.sourceId, citation: s.citation }))} />
                </li>
              ))}
            </ul>
          </div>
        ))}
        <h3>Documentation summary</h3>
        <p className="coverage-summary">{readiness.summary}</p>
        <button type="button" className="secondary" onClick={() => void copy()}>Copy documentation summary</button>
        <span role="status" className="muted"> {copied}</span>
      </details>
      {/* On paper the summary prints whether the fold is open or shut. */}
      <p className="coverage-print">{readiness.summary}</p>
    </section>
  );
}
