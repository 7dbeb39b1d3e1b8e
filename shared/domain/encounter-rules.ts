/** Rules an encounter plan must meet for its template; shared by the UI form and the handler. */
import type { Template } from '../library/schema';

export interface PlanProblem {
  path: string;
  message: string;
}

export function validateEncounterPlan(
  template: Template,
  plan: { levels: readonly string[]; laterality: string | null; imagingModality?: string | undefined },
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (template.levels) {
    if (plan.levels.length === 0) problems.push({ path: 'levels', message: 'choose at least one level' });
    if (plan.levels.length > template.levels.max) {
      problems.push({ path: 'levels', message: `at most ${template.levels.max} level(s) for this procedure` });
    }
    const unknown = plan.levels.filter((l) => !template.levels?.options.includes(l));
    if (unknown.length) problems.push({ path: 'levels', message: `not a level of this procedure: ${unknown.join(', ')}` });
    if (new Set(plan.levels).size !== plan.levels.length) problems.push({ path: 'levels', message: 'a level is listed twice' });
  } else if (plan.levels.length) {
    problems.push({ path: 'levels', message: 'this procedure is not done at spinal levels' });
  }
  if (template.lateralityRequired && !plan.laterality) problems.push({ path: 'laterality', message: 'choose left, right or bilateral' });
  if (!template.lateralityRequired && plan.laterality) problems.push({ path: 'laterality', message: 'this procedure has no laterality' });
  if (plan.imagingModality && !template.imaging.options.some((o) => o.modality === plan.imagingModality)) {
    problems.push({ path: 'imagingModality', message: `${plan.imagingModality} is not an imaging option for this procedure` });
  }
  return problems;
}
