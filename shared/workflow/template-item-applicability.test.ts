import { describe, expect, it } from 'vitest';
import { encounterItems } from '../domain/encounter-workflow';
import { buildChecklist } from '../domain/checklist';
import { LIBRARY } from '../library/index';
import { templateItemApplies, TEMPLATE_ITEM_WHEN } from './template-item-applicability';
import { TEMPLATE_ITEM_TWINS } from './template-item-twins';
import { procedureTraits } from './traits';

const tfesi = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
/** The items asked: each itself, or (a twin, template-item-twins.ts) through its base item. */
const ids = (plan: Parameters<typeof encounterItems>[1]) => {
  const asked = encounterItems(tfesi, plan).phaseItems.map((i) => i.id);
  const throughBase = Object.entries(TEMPLATE_ITEM_TWINS).filter(([id, t]) => asked.includes(t.base) && templateItemApplies(id, procedureTraits(tfesi), plan)).map(([id]) => id);
  return [...asked, ...throughBase];
};
const base = { sedationPlanned: false, laterality: 'left' as const, imagingModality: 'fluoroscopy' as const };

describe('template items that apply only sometimes', () => {
  it('names only checklist ids that some published template has (a wrong id would silently keep asking)', () => {
    const all = new Set(LIBRARY.flatMap((t) => buildChecklist(t).flatMap((s) => s.items.map((i) => i.id))));
    for (const id of Object.keys(TEMPLATE_ITEM_WHEN)) expect(all.has(id), id).toBe(true);
  });

  it('sedation: the "if sedated" items only when sedation is planned, the unsedated observation only when it is not', () => {
    const sedatedOnly = ['pre-sedation-evaluation', 'npo-if-sedation', 'escort-if-sedated', 'sedation-monitoring', 'reversal-agents-available', 'observation-if-sedated'];
    const none = ids(base);
    for (const id of sedatedOnly) expect(none).not.toContain(id);
    expect(none).toContain('observation-if-not-sedated');
    const sedated = ids({ ...base, sedationPlanned: true });
    expect(sedated).toEqual(expect.arrayContaining(sedatedOnly));
    expect(sedated).not.toContain('observation-if-not-sedated');
  });

  it('diabetes: asked while unknown or diabetic, not once recorded as none', () => {
    const diabetic = ['diabetic-glucose-plan', 'diabetic-glucose-monitoring', 'wf-diabetic-glucose-plan'];
    expect(ids(base)).toEqual(expect.arrayContaining(diabetic));
    expect(ids({ ...base, diabetic: true })).toEqual(expect.arrayContaining(diabetic));
    for (const id of diabetic) expect(ids({ ...base, diabetic: false })).not.toContain(id);
  });

  it('contrast: the contrast acts are not asked when the planned injectate names no contrast', () => {
    expect(ids(base)).toContain('contrast-real-time-before-steroid');
    expect(ids({ ...base, contrastPlanned: true })).toContain('contrast-real-time-before-steroid');
    expect(ids({ ...base, contrastPlanned: false })).not.toContain('contrast-real-time-before-steroid');
    // Whether contrast was used is still recorded with the procedure.
    expect(ids({ ...base, contrastPlanned: false })).toContain('wf-contrast-recorded');
  });
});
