import { describe, expect, it } from 'vitest';
import { SECTION_IDS, buildChecklist } from '../domain/checklist';
import { LIBRARY } from '../library/index';
import { WORKFLOW_ITEMS } from './phase-items';
import { SECTION_PHASE, canLeavePhase, openRequiredItems, phaseItemsFromChecklist, type PhaseItem } from './requirements';

const items: PhaseItem[] = [
  { id: 'a', phase: 'pre-procedure', required: true, label: 'A' },
  { id: 'b', phase: 'pre-procedure', required: false, label: 'B' },
  { id: 'c', phase: 'pre-procedure', required: true, label: 'C' },
  { id: 'd', phase: 'time-out', required: true, label: 'D' },
];

describe('phase requirements', () => {
  it('lists the required, unresolved items of the phase only', () => {
    expect(openRequiredItems(items, new Set(), 'pre-procedure').map((i) => i.id)).toEqual(['a', 'c']);
    expect(openRequiredItems(items, new Set(['a']), 'pre-procedure').map((i) => i.id)).toEqual(['c']);
    expect(openRequiredItems(items, new Set(), 'time-out').map((i) => i.id)).toEqual(['d']);
    expect(openRequiredItems(items, new Set(), 'recovery')).toEqual([]);
  });

  it('lets a phase be left once every required item is resolved, optional ones aside', () => {
    expect(canLeavePhase(items, new Set(['a']), 'pre-procedure')).toBe(false);
    expect(canLeavePhase(items, new Set(['a', 'c']), 'pre-procedure')).toBe(true);
    // Resolving another phase's item does not open this one.
    expect(canLeavePhase(items, new Set(['a', 'c']), 'time-out')).toBe(false);
  });

  it('has nothing to resolve before leaving the scheduled state', () => {
    expect(canLeavePhase(items, new Set(), 'scheduled')).toBe(true);
  });

  it('maps every template checklist section to a phase', () => {
    expect(Object.keys(SECTION_PHASE).sort()).toEqual([...SECTION_IDS].sort());
    expect(SECTION_PHASE).toEqual({
      indications: 'pre-procedure', imaging: null, risks: 'pre-procedure', 'monitoring-pre': 'pre-procedure',
      'monitoring-intra': null, 'monitoring-post': 'recovery',
    });
  });

  it('judges template items and procedure-day items together', () => {
    const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi');
    if (!template) throw new Error('missing template');
    const templateItems = phaseItemsFromChecklist(buildChecklist(template));
    expect(templateItems.every((i) => i.required)).toBe(true);
    const intraIds = templateItems.filter((i) => i.phase === 'procedure').map((i) => i.id);
    // Acts of the procedure block leaving the procedure, not the move to the time-out.
    expect(intraIds).toEqual(expect.arrayContaining(['contrast-real-time-before-steroid', 'extension-tubing']));
    expect(templateItems.find((i) => i.id === 'time-out')?.phase).toBe('time-out');
    const all: PhaseItem[] = [...templateItems, ...WORKFLOW_ITEMS];
    const procedureOpen = openRequiredItems(all, new Set(), 'procedure').map((i) => i.id);
    expect(procedureOpen).toEqual(expect.arrayContaining([...intraIds, 'wf-medications-recorded']));
    const resolved = new Set(procedureOpen);
    expect(canLeavePhase(all, resolved, 'procedure')).toBe(true);
    expect(canLeavePhase(all, resolved, 'recovery')).toBe(false);
  });
});
