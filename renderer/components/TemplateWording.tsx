import { useMemo } from 'react';
import { templateItemApplies } from '#shared/workflow/template-item-applicability';
import { TEMPLATE_ITEM_TWINS } from '#shared/workflow/template-item-twins';
import { procedureTraits } from '#shared/workflow/traits';
import { useChecklist } from '../stores/checklist';
import { useEncounter } from '../stores/encounter';
import { EvidenceBadges } from './EvidenceBadges';
import { useMaybeEncounterPlan } from './useEncounterPlan';

/**
 * On a procedure-day row: the template's own items that ask the same check
 * (template-item-twins.ts), in the template's wording with its sources. They are not
 * asked again; this row's answer is theirs. Shown inside the row's "Details" fold.
 */
export function TemplateWording({ baseId, citations, quiet }: { baseId: string; citations: readonly { id: string; citation: string }[]; quiet: boolean }) {
  const sections = useChecklist((s) => s.sections);
  const template = useEncounter((s) => s.library?.template);
  const plan = useMaybeEncounterPlan();
  const twins = useMemo(() => {
    const traits = template ? procedureTraits(template) : null;
    return sections
      .flatMap((s) => s.items)
      .filter((i) => TEMPLATE_ITEM_TWINS[i.id]?.base === baseId && (!traits || !plan || templateItemApplies(i.id, traits, plan)));
  }, [sections, template, plan, baseId]);
  if (!twins.length) return null;
  return (
    <div className="template-wording">
      <p className="more-head">Template wording ({twins.length}), answered by this row</p>
      <ul>
        {twins.map((t) => (
          <li key={t.id}>
            <p>{t.label}</p>
            <EvidenceBadges sources={t.sources} citations={citations} reviewedBy={t.reviewedBy} state={t.evidence} quiet={quiet} />
          </li>
        ))}
      </ul>
    </div>
  );
}
