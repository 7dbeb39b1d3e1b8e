import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../domain/checklist';
import { applicableSections, type EncounterPlan } from '../domain/encounter-plan';
import { encounterItems } from '../domain/encounter-workflow';
import { LIBRARY, LIBRARY_VERSIONS } from '../library';
import { WORKFLOW_ITEMS } from './phase-items';
import { templateItemPhase } from './requirements';
import { DISTINCT_TEMPLATE_ITEMS, TEMPLATE_ITEM_TWINS, twinBase, withTwinAnswers } from './template-item-twins';
import { procedureTraits } from './traits';

/** Wording that names a check a base item also asks (issue 18: identity, site, side, allergies, pregnancy, diabetes, infection…). */
const LOOKS_LIKE_A_BASE_ITEM = /\b(identity|site|sides?|pregnan\w*|diabetic|infection|anticoagul\w*|allerg\w*|time-out|resuscitat\w*|discharge instructions|restart|observ\w*)\b/i;
// Risks are discussed with the patient and indications are criteria: neither is a procedure-day check a base item could ask.
const CHECK_SECTIONS = new Set(['imaging', 'monitoring-pre', 'monitoring-intra', 'monitoring-post']);

const allItems = LIBRARY_VERSIONS.flatMap((t) => buildChecklist(t).flatMap((s) => s.items.map((i) => ({ template: `${t.id} v${t.version}`, section: s.id, id: i.id, label: i.label }))));
const base = (id: string) => WORKFLOW_ITEMS.find((w) => w.id === id)!;
const PHASES = ['pre-procedure', 'time-out', 'procedure', 'recovery'];

describe('template items that ask what a base item asks', () => {
  it('covers every published version: each item worded like a base check is mapped or listed as distinct', () => {
    expect(new Set(LIBRARY_VERSIONS.map((t) => t.id)).size).toBe(25);
    const unlisted = allItems
      .filter((i) => CHECK_SECTIONS.has(i.section) && LOOKS_LIKE_A_BASE_ITEM.test(i.label))
      .filter((i) => !TEMPLATE_ITEM_TWINS[i.id] && !DISTINCT_TEMPLATE_ITEMS[i.id])
      .map((i) => `${i.template}: ${i.id}`);
    expect(unlisted).toEqual([]);
  });

  it('maps only ids a published version states, to base items that exist, each with a reason; no id is both', () => {
    const ids = new Set(allItems.map((i) => i.id));
    for (const [id, t] of Object.entries(TEMPLATE_ITEM_TWINS)) {
      expect(ids.has(id), id).toBe(true);
      expect(base(t.base), `${id} → ${t.base}`).toBeDefined();
      expect(t.reason.length, id).toBeGreaterThan(10);
      expect(DISTINCT_TEMPLATE_ITEMS[id], id).toBeUndefined();
    }
    for (const [id, reason] of Object.entries(DISTINCT_TEMPLATE_ITEMS)) {
      expect(ids.has(id), id).toBe(true);
      expect(reason.length, id).toBeGreaterThan(10);
    }
  });

  it('folds a twin into a base item of its own phase, or a later one (the site mark is checked at the time-out)', () => {
    for (const i of allItems.filter((x) => TEMPLATE_ITEM_TWINS[x.id])) {
      const twinPhase = templateItemPhase(i.section, i.id);
      const basePhase = base(TEMPLATE_ITEM_TWINS[i.id]!.base).phase;
      expect(PHASES.indexOf(basePhase), `${i.template}: ${i.id}`).toBeGreaterThanOrEqual(PHASES.indexOf(twinPhase));
      if (basePhase !== twinPhase) expect(i.id).toBe('site-marked');
    }
  });

  it('asks the lumbar TFESI pre-procedure checks once, and the twins only when their base item does not apply', () => {
    const t = LIBRARY.find((x) => x.id === 'lumbar-transforaminal-esi')!;
    const plan: EncounterPlan = { sedationPlanned: false, laterality: 'left', imagingModality: 'fluoroscopy', diabetic: null, contrastPlanned: null };
    const ids = encounterItems(t, plan).phaseItems.map((i) => i.id);
    for (const twin of ['identity-two-identifiers', 'verify-procedure-site-level-laterality', 'antithrombotic-review', 'pregnancy-status', 'diabetic-glucose-plan', 'infection-screen', 'discharge-red-flags', 'antithrombotic-restart', 'observation-if-not-sedated']) {
      expect(ids, twin).not.toContain(twin);
      expect(ids, twin).toContain(TEMPLATE_ITEM_TWINS[twin]!.base);
    }
    // The screen hides the same rows the core no longer asks for.
    const shown = applicableSections(buildChecklist(t), procedureTraits(t), plan).flatMap((s) => s.items.map((i) => i.id));
    expect(shown).not.toContain('pregnancy-status');
    expect(shown).toContain('allergies-reviewed');
    // Without fluoroscopy the base pregnancy item does not apply: the template's own is asked.
    expect(twinBase('pregnancy-status', new Set(['wf-identity-two-identifiers']))).toBeNull();
  });

  it('a twin takes its base item\'s answer: checked, or not applicable with the same reason; its own answer stands', () => {
    const states = new Map([
      ['wf-pregnancy-status', { status: 'not-applicable', reason: 'Post-menopausal' }],
      ['wf-identity-two-identifiers', { status: 'checked' }],
      ['wf-infection-screen', { status: 'unchecked' }],
      ['infection-screen', { status: 'unchecked' }],
      ['site-marked', { status: 'checked' }],
    ]);
    const bases = new Set(['wf-pregnancy-status', 'wf-identity-two-identifiers', 'wf-infection-screen', 'wf-site-marked']);
    const out = withTwinAnswers(states, ['pregnancy-status', 'identity-two-identifiers', 'infection-screen', 'site-marked'], bases);
    expect(out.get('pregnancy-status')).toEqual({ status: 'not-applicable', reason: 'Post-menopausal' });
    expect(out.get('identity-two-identifiers')).toEqual({ status: 'checked' });
    expect(out.get('infection-screen')).toEqual({ status: 'unchecked' });
    expect(out.get('site-marked')).toEqual({ status: 'checked' });
    // A base item that does not apply answers nothing.
    expect(withTwinAnswers(states, ['pregnancy-status'], new Set()).get('pregnancy-status')).toBeUndefined();
  });
});
