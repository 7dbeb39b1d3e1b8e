// The items a not-yet-saved form on the part will tick fold behind one line (issue 18: record once, 3 viewport
// heights); a saved form's unanswered items, items ticked by hand, and a lone item stay rows.
import { describe, expect, it } from 'vitest';
import type { EncounterRecord } from '#shared/contract/encounter-records';
import { recordFilledSummary, splitRecordFilled } from './RecordFilledFold';

const rows = ['wf-imaging-modality-recorded', 'wf-contrast-recorded', 'wf-fluoroscopy-time-dose-recorded', 'wf-sign-out', 'wf-team-introduced'].map((id) => ({ id }));
const procedureRecord = (voided: boolean) => ({
  id: 'r1', encounterId: 'e', at: '2026-11-24T14:05:00.000Z', by: { name: 'Nina Nurse', role: 'nurse' },
  entry: { kind: 'procedure', data: { imagingUsed: 'fluoroscopy', contrastUsed: false, contrastAgent: '', fluoroscopyTimeSeconds: null, radiationDose: '', medications: [], levelsTreated: [], complications: '' } },
  voided: voided ? { at: '2026-11-24T14:10:00.000Z', by: { name: 'Nina Nurse', role: 'nurse' }, reason: 'wrong patient' } : null,
}) as EncounterRecord;
const ids = (r: { id: string }[]) => r.map((x) => x.id);

describe('splitRecordFilled', () => {
  it('folds the open items the procedure record will tick, by form; a lone item of another form stays a row', () => {
    const { shown, folded } = splitRecordFilled(rows, [], () => true);
    expect(ids(shown)).toEqual(['wf-sign-out', 'wf-team-introduced']);
    expect(folded.map(([kind, g]) => [kind, ids(g)])).toEqual([['procedure', ['wf-imaging-modality-recorded', 'wf-contrast-recorded', 'wf-fluoroscopy-time-dose-recorded']]]);
  });

  it('an item ticked by hand stays a row, and two left are still folded; one left is a row', () => {
    expect(ids(splitRecordFilled(rows, [], (id) => id !== 'wf-contrast-recorded').shown)).toEqual(['wf-contrast-recorded', 'wf-sign-out', 'wf-team-introduced']);
    expect(splitRecordFilled(rows, [], (id) => id === 'wf-imaging-modality-recorded').folded).toEqual([]);
  });

  it('once the form is saved every item is a row again (what it did not answer stays open in sight); a voided save folds them back', () => {
    expect(ids(splitRecordFilled(rows, [procedureRecord(false)], () => true).shown)).toEqual(ids(rows));
    expect(splitRecordFilled(rows, [procedureRecord(true)], () => true).folded).toHaveLength(1);
  });

  it("the time-out's confirm-aloud items fold under the read-back's one confirmation", () => {
    const aloud = ['wf-verbal-confirmation', 'wf-side-confirmed-aloud', 'wf-anticoagulant-status-confirmed', 'wf-site-marked'].map((id) => ({ id }));
    const { shown, folded } = splitRecordFilled(aloud, [], () => true);
    expect(ids(shown)).toEqual(['wf-site-marked']);
    expect(folded.map(([kind, g]) => [kind, g.length])).toEqual([['read-back', 3]]);
  });

  it("a lone item folds only when its wording is long: the template's time-out item, ticked by the signed time-out", () => {
    const lone = [{ id: 'time-out', label: 'x'.repeat(255) }, { id: 'resuscitation-equipment', label: 'Resuscitative equipment' }];
    const long = (r: { label: string }) => r.label.length >= 160;
    const { shown, folded } = splitRecordFilled(lone, [], () => true, long);
    expect(ids(shown)).toEqual(['resuscitation-equipment']);
    expect(folded.map(([kind, g]) => [kind, ids(g)])).toEqual([['time-out', ['time-out']]]);
    expect(splitRecordFilled(lone, [], () => true).folded).toEqual([]);
    expect(recordFilledSummary('time-out', 1)).toBe('1 item is ticked when the time-out is signed');
    expect(recordFilledSummary('procedure', 3)).toBe('3 items are ticked when the procedure record is saved');
  });
});
