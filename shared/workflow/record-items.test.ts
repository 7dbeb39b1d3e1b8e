import { describe, expect, it } from 'vitest';
import type { EncounterRecord, RecordData } from '../contract/encounter-records';
import { WORKFLOW_ITEMS } from './phase-items';
import { itemsResolvedBy, RECORD_ITEMS, recordResolutions } from './record-items';

const vitals = (phase: 'pre-procedure' | 'recovery', painScore: number | null): RecordData => ({
  kind: 'vitals', data: { phase, systolic: 120, diastolic: 80, heartRate: 70, spo2: 98, respiratoryRate: 14, painScore, note: '' },
});
const procedure = (over: Partial<Extract<RecordData, { kind: 'procedure' }>['data']> = {}): RecordData => ({
  kind: 'procedure',
  data: { imagingUsed: 'fluoroscopy', contrastUsed: false, contrastAgent: '', fluoroscopyTimeSeconds: 30, radiationDose: '1 mGy', medications: [{ name: 'Dexamethasone', dose: '10 mg', route: '' }], levelsTreated: ['L4-L5'], complications: 'None', ...over },
});
const record = (id: string, entry: RecordData, voided = false): EncounterRecord => ({
  id, encounterId: 'e', entry, at: '2026-11-24T14:05:00.000Z', by: { name: 'Nina Nurse', role: 'nurse' },
  voided: voided ? { at: '2026-11-24T14:10:00.000Z', by: { name: 'Nina Nurse', role: 'nurse' }, reason: 'wrong patient' } : null,
} as EncounterRecord);

describe('the record → items mapping', () => {
  it('names only procedure-day items that exist (and the template time-out)', () => {
    const known = new Set([...WORKFLOW_ITEMS.map((w) => w.id), 'time-out']);
    for (const rules of Object.values(RECORD_ITEMS)) for (const id of Object.keys(rules ?? {})) expect(known.has(id), id).toBe(true);
  });

  it('each form resolves what it holds', () => {
    expect(itemsResolvedBy(vitals('pre-procedure', 3))).toEqual(['wf-baseline-vitals', 'wf-baseline-pain-score']);
    expect(itemsResolvedBy(vitals('pre-procedure', null))).toEqual(['wf-baseline-vitals']);
    expect(itemsResolvedBy(vitals('recovery', 2))).toEqual(['wf-recovery-vitals-pain']);
    expect(itemsResolvedBy(vitals('recovery', null))).toEqual([]);
    expect(itemsResolvedBy(procedure())).toEqual([
      'wf-imaging-modality-recorded', 'wf-contrast-recorded', 'wf-fluoroscopy-time-dose-recorded', 'wf-medications-recorded', 'wf-levels-treated-recorded', 'wf-procedure-complications-recorded',
    ]);
    expect(itemsResolvedBy(procedure({ medications: [], levelsTreated: [], complications: '', fluoroscopyTimeSeconds: null }))).toEqual(['wf-imaging-modality-recorded', 'wf-contrast-recorded']);
    expect(itemsResolvedBy({ kind: 'aldrete', data: { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 1 } })).toEqual(['wf-aldrete-score']);
    expect(itemsResolvedBy({ kind: 'aldrete', data: { activity: 1, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 1 } })).toEqual([]);
    expect(itemsResolvedBy({ kind: 'time-out', data: { participants: [{ name: 'A B', role: 'nurse' }, { name: 'C D', role: 'physician' }] } })).toEqual(['wf-team-introduced', 'time-out']);
  });

  it('a voided record resolves nothing; the resolution says which record, when and who', () => {
    const map = recordResolutions([record('r1', vitals('pre-procedure', 3)), record('r2', procedure(), true)]);
    expect([...map.keys()]).toEqual(['wf-baseline-vitals', 'wf-baseline-pain-score']);
    expect(map.get('wf-baseline-vitals')).toMatchObject({ recordId: 'r1', kind: 'vitals', at: '2026-11-24T14:05:00.000Z', by: { name: 'Nina Nurse' } });
  });
});
