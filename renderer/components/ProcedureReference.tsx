import { CLASS_LABEL, classedByAsra } from '#shared/domain/bleeding-risk';
import type { Fact, Template } from '#shared/library/schema';
import { EvidenceBadges, FactEvidenceBadges, type FactReviews } from './EvidenceBadges';

type Citations = readonly { id: string; citation: string }[];

function FactList({ title, facts, citations, template, reviews }: { title: string; facts: readonly Fact[]; citations: Citations; template: Template; reviews: FactReviews }) {
  if (facts.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="items">
        {facts.map((f) => (
          <li key={f.id} className="fact">
            {f.text}
            <FactEvidenceBadges fact={f} templateId={template.id} reviews={reviews} citations={citations} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The template's reference content beside the checklist: what to screen for, bleeding risk, benefit and follow-up. */
export function ProcedureReference({ template, citations, reviews = [] }: { template: Template; citations: Citations; reviews?: FactReviews }) {
  const { asra2018, asipp2024 } = template.bleedingRisk;
  return (
    <section className="card" aria-labelledby="reference-heading">
      <details>
        <summary>
          <h2 id="reference-heading" className="inline">Procedure reference: contraindications, bleeding risk, benefit, follow-up</h2>
        </summary>
        <p><strong>Treats:</strong> {template.conditions.join(', ')}</p>
        <h3>Bleeding-risk class</h3>
        {/* A div, not a p: the evidence badges hold a <details> list, which a paragraph may not contain. */}
        <div className="fact-line">
          {classedByAsra(asra2018.sources) ? 'ASRA 2018' : "Template's class (not in the ASRA 2018 list)"}: <strong>{CLASS_LABEL[asra2018.class]}</strong>{' '}
          <EvidenceBadges sources={asra2018.sources} citations={citations} />
        </div>
        {asipp2024 && (
          <div className="fact-line">
            ASIPP 2024: <strong>{CLASS_LABEL[asipp2024.class]}</strong>. {asipp2024.note}{' '}
            <EvidenceBadges sources={asipp2024.sources} citations={citations} />
          </div>
        )}
        <FactList title="Absolute contraindications" facts={template.contraindications.absolute} citations={citations} template={template} reviews={reviews} />
        <FactList title="Relative contraindications" facts={template.contraindications.relative} citations={citations} template={template} reviews={reviews} />
        <FactList title="Expected benefit" facts={[template.expectedBenefit]} citations={citations} template={template} reviews={reviews} />
        <FactList title="Alternatives" facts={template.alternatives} citations={citations} template={template} reviews={reviews} />
        <FactList title="Follow-up" facts={template.followUp} citations={citations} template={template} reviews={reviews} />
      </details>
    </section>
  );
}
