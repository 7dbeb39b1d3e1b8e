import { evidenceBySource, factsOf, isFactUnverified } from '#shared/library/evidence-summary';
import { RELIABILITY_LABEL } from '#shared/library/source-schema';
import { useLibrary } from '../stores/library';
import { useSession } from '../stores/session';
import { EvidenceBadges } from './EvidenceBadges';

/** The unverified facts of one template version, each accepted by a physician reviewer. */
export function TemplateReview() {
  const selected = useLibrary((s) => s.selected);
  const acceptFact = useLibrary((s) => s.acceptFact);
  const role = useSession((s) => s.user?.role);
  if (!selected) return null;
  const { template, sources, reviews } = selected;
  const reviewed = new Map(reviews.map((r) => [r.factId, r]));
  const unverified = factsOf(template).filter((f) => isFactUnverified(f));
  const tagsOf = evidenceBySource(template);
  const textOf = (id: string): string => {
    const all = [...template.indications, ...template.contraindications.absolute, ...template.contraindications.relative,
      ...template.imaging.checks, ...template.requiredCounselling, ...template.monitoring, ...template.alternatives,
      template.expectedBenefit, ...template.followUp];
    const risk = template.risks.find((r) => r.id === id);
    return risk ? `${risk.name}: ${risk.clinicianText}` : (all.find((f) => f.id === id)?.text ?? id);
  };
  return (
    <section className="card" aria-labelledby="review-heading">
      <h2 id="review-heading">Review: {template.name}, version {template.version}</h2>
      <p className="muted">
        {unverified.length - [...reviewed.keys()].length} of {unverified.length} unverified facts await review.
        {role !== 'physician' && ' Only a physician can accept a fact.'}
      </p>
      <ul className="items">
        {unverified.map((f) => {
          const review = reviewed.get(f.id);
          return (
            <li key={f.id} className="fact">
              <strong>{f.section}</strong>: {textOf(f.id)}
              {/* Every fact listed here needs review (isFactUnverified, §7 included), unless accepted. */}
              <EvidenceBadges sources={f.sources} citations={sources} reviewedBy={review ? { name: review.acceptedBy.name, at: review.acceptedAt } : null} state={review ? 'accepted' : 'needs-review'} />
              {!review && role === 'physician' && (
                <button type="button" className="secondary" aria-label={`Accept after review: ${textOf(f.id).slice(0, 80)}`} onClick={() => void acceptFact(f.id)}>
                  Accept after review
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <h3 id="template-sources-heading">Sources of this version ({sources.length})</h3>
      <p className="muted">
        Each source is the original work, with how far it can carry a fact and the evidence tags this version gives it.
        A chart note names only the template version and the primary guidelines among them.
      </p>
      <ol className="sources" aria-labelledby="template-sources-heading">
        {sources.map((s) => (
          <li key={s.id} data-source-id={s.id}>
            {s.citation}
            {s.url && <span className="source-url"> {s.url}</span>}{' '}
            <em>[{RELIABILITY_LABEL[s.reliability]}; cited as {(tagsOf.get(s.id) ?? []).map((t) => `[${t}]`).join(', ')}]</em>
            {s.note && <div className="muted source-note">{s.note}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
