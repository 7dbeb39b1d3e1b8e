import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../domain/checklist';
import { LIBRARY_VERSIONS } from '../library';
import { SECTION_PHASE, templateItemPhase } from './requirements';
import { TEMPLATE_ITEM_PHASES } from './template-item-phases';

const allItems = LIBRARY_VERSIONS.flatMap((t) => buildChecklist(t).flatMap((s) => s.items.map((i) => ({ template: `${t.id} v${t.version}`, section: s.id, id: i.id }))));

describe('the phase of every template checklist item', () => {
  it('gives every item of every published version a phase: its own entry, or a section that has one', () => {
    const missing = allItems.filter((i) => SECTION_PHASE[i.section] === null && !TEMPLATE_ITEM_PHASES[i.id]).map((i) => `${i.template}: ${i.id}`);
    expect(missing).toEqual([]);
  });

  it('lists no fact id that no published version states, each with a reason', () => {
    const ids = new Set(allItems.map((i) => i.id));
    expect(Object.keys(TEMPLATE_ITEM_PHASES).filter((id) => !ids.has(id))).toEqual([]);
    for (const [id, p] of Object.entries(TEMPLATE_ITEM_PHASES)) expect(p.reason.length, id).toBeGreaterThan(10);
  });

  it('puts the acts of the procedure in the procedure phase, not before the time-out', () => {
    for (const id of ['contrast-real-time-before-steroid', 'extension-tubing', 'local-anesthetic-test-dose', 'contrast-intravascular-check', 'interlaminar-views-contrast-test-dose', 'sedation-monitoring']) {
      expect(templateItemPhase('imaging', id), id).toBe('procedure');
    }
    expect(templateItemPhase('monitoring-intra', 'time-out')).toBe('time-out');
    expect(templateItemPhase('imaging', 'nonparticulate-steroid-initial')).toBe('pre-procedure');
    expect(templateItemPhase('risks', 'anything')).toBe('pre-procedure');
  });
});
