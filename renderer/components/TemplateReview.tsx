import { useEffect, useRef, useState } from 'react';
import { evidenceBySource } from '#shared/library/evidence-summary';
import { baseEvidence, reviewableFacts, reviewBacklog } from '#shared/library/review-backlog';
import type { Template } from '#shared/library/schema';
import { RELIABILITY_LABEL } from '#shared/library/source-schema';
import { useLibrary } from '../stores/library';
import { useSession } from '../stores/session';
import { AcceptFactForm } from './AcceptFactForm';
import { EvidenceBadges } from './EvidenceBadges';

/** A fact's wording as the review list shows it: a risk by its name and clinician text. */
function textOf(template: Template, id: string): string {
  const all = [...template.indications, ...template.contraindications.absolute, ...template.contraindications.relative,
    ...template.imaging.checks, ...template.requiredCounselling, ...template.monitoring, ...template.alternatives,
    template.expectedBenefit, ...template.followUp];
  const risk = template.risks.find((r) => r.id === id);
  return risk ? `${risk.name}: ${risk.clinicianText}` : (all.find((f) => f.id === id)?.text ?? id);
}

/**
 * The review list of one template version: every fact that needs clinical review or rests on a
 * secondary source, each accepted by a physician reviewer with why it is acceptable here.
 */
export function TemplateReview() {
  const selected = useLibrary((s) => s.selected);
  const acceptFact = useLibrary((s) => s.acceptFact);
  const role = useSession((s) => s.user?.role);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [justAccepted, setJustAccepted] = useState<string | null>(null);
  // Opened from the backlog table: the list is where the reviewer works next.
  useEffect(() => heading.current?.focus(), []);
  // The form of an accepted fact is gone: keep focus on its row, which now says who accepted it.
  useEffect(() => {
    if (justAccepted) list.current?.querySelector<HTMLElement>(`li[data-fact-id="${justAccepted}"]`)?.focus();
  }, [justAccepted]);
  if (!selected) return null;
  const { template, sources, reviews } = selected;
  const reviewed = new Map(reviews.map((r) => [r.factId, r]));
  const backlog = reviewBacklog(template, reviews);
  const tagsOf = evidenceBySource(template);
  return (
    <section className="card" aria-labelledby="review-heading">
      <h2 id="review-heading" ref={heading} tabIndex={-1}>Review: {template.name}, version {template.version}</h2>
      <p className="muted" data-testid="review-summary">
        {backlog.awaitingReview} awaiting review, {backlog.secondary} on a secondary source not yet accepted, {backlog.accepted} accepted by the clinic
        ({backlog.verified} verified facts need nothing).
        {backlog.reviewed && ' The clinic has reviewed this version: its checklist and consent panel show no evidence badges at the bedside.'}
        {role !== 'physician' && ' Only a physician can accept a fact.'}
      </p>
      <p aria-live="polite" className="visually-hidden">{justAccepted ? `Accepted: ${textOf(template, justAccepted).slice(0, 80)}` : ''}</p>
      <ul ref={list} className="items" aria-label={`Facts to review in ${template.name}`}>
        {reviewableFacts(template).map((f) => {
          const review = reviewed.get(f.id);
          const text = textOf(template, f.id);
          const base = baseEvidence(f);
          return (
            <li key={f.id} className="fact" data-fact-id={f.id} tabIndex={-1}>
              <strong>{f.section}</strong>: {text}
              <EvidenceBadges sources={f.sources} citations={sources}
                reviewedBy={review ? { name: review.acceptedBy.name, at: review.acceptedAt } : null}
                state={base === 'needs-review' && review ? 'accepted' : base} />
              {review ? (
                <p className="acceptance">
                  Accepted for this clinic by {review.acceptedBy.name} ({review.acceptedBy.role}) on {review.acceptedAt.slice(0, 10)}
                  {review.comment ? <>: <q>{review.comment}</q></> : ' (accepted before comments were asked for).'}
                </p>
              ) : role === 'physician' && (
                <AcceptFactForm factLabel={text.slice(0, 80)} onAccept={async (comment) => {
                  const errors = await acceptFact(f.id, comment);
                  if (!errors) setJustAccepted(f.id);
                  return errors;
                }} />
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
