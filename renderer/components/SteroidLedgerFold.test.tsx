// The steroid ledger's one line (issue 20 point 3), against the real core: what the patient's
// other procedure records say was given, per drug, with today's plan apart; its fold lists each
// procedure (a dose in mL listed, not summed) and the fact base's two gaps, needing clinical review.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { useEncounter } from '../stores/encounter';
import { useSteroidLedger } from '../stores/steroid-ledger';
import { coreSettled } from '../testing/core-calls';
import { nurseWithPreProcedureEncounter } from '../testing/signed-in-encounter';
import { SteroidLedgerFold } from './SteroidLedgerFold';

let encounterId = '';
const procedure = (medications: { name: string; dose: string }[]) => ({
  kind: 'procedure' as const,
  data: { imagingUsed: 'fluoroscopy' as const, contrastUsed: false, fluoroscopyTimeSeconds: null, medications: medications.map((m) => ({ ...m, route: '' })), levelsTreated: ['L5-S1'] },
});
beforeAll(async () => {
  encounterId = await nurseWithPreProcedureEncounter({ mrn: `SL-${Date.now()}`, familyName: 'Okafor', givenName: 'Ada', birthDate: '1958-02-03', sex: 'female' }, ['L5-S1']);
  const call = api().call.bind(api());
  const { encounter } = await call('encounter.get', { encounterId });
  // Two earlier procedures of the same patient (recorded now, so inside the 12 months).
  for (const meds of [[{ name: 'Dexamethasone', dose: '10 mg' }], [{ name: 'dexamethasone', dose: '10 mg' }, { name: 'Kenalog-40', dose: '1 mL' }]]) {
    const earlier = await call('encounter.create', { patientId: encounter.patientId, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Radicular pain.' });
    await call('encounter.addRecord', { encounterId: earlier.id, record: procedure(meds) });
  }
  await call('encounter.addRecord', { encounterId, record: { kind: 'injectate-plan', data: { steroid: { name: 'Dexamethasone', dose: '10 mg' }, localAnaesthetic: null, contrast: null } } });
  const detail = await call('encounter.get', { encounterId });
  useEncounter.setState({ encounterId, detail });
});
afterEach(cleanup);

describe('the steroid ledger line', () => {
  it("one line: the given total per drug, what was not summed, and today's plan apart; the fold lists each procedure and the two review lines", async () => {
    render(<SteroidLedgerFold />);
    await coreSettled();
    const summary = screen.getByText(/^Steroid in the last 12 months:/);
    expect(summary.textContent).toBe('Steroid in the last 12 months: dexamethasone 20 mg (2 procedures) · 1 dose not summed · + today 10 mg dexamethasone planned ▸');
    const fold = summary.closest('details')!;
    expect(fold.open).toBe(false);
    await userEvent.click(summary);
    expect(fold.open).toBe(true);
    const items = within(fold).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\d: Dexamethasone, 10 mg$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\d: dexamethasone, 10 mg$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\d: Kenalog-40 \(triamcinolone acetonide\), 1 mL: dose in mL, not summed$/),
      'No common steroid equivalent in the fact base: needs clinical review',
      'No cumulative limit in the fact base: needs clinical review',
      expect.stringMatching(/^Counted: what each procedure record lists as given/),
    ]);
    expect(summary.textContent).not.toMatch(/▸$/);
  });

  it('loads once per encounter and its records (each load is an audited view), again when a record is added', async () => {
    const loads = () => useSteroidLedger.getState().loadedFor;
    render(<SteroidLedgerFold />);
    await coreSettled();
    const before = loads();
    expect(before).toBe(`${encounterId}:${useEncounter.getState().detail!.records.length}`);
    const added = await api().call('encounter.addRecord', { encounterId, record: procedure([{ name: 'Dexamethasone', dose: '10 mg' }]) });
    useEncounter.setState((s) => ({ detail: { ...s.detail!, records: [...s.detail!.records, added] } }));
    await coreSettled();
    expect(loads()).not.toBe(before);
    // Today's procedure record in: what was given counts, the plan no longer shows.
    expect(screen.getByText(/^Steroid in the last 12 months:/).textContent).toBe('Steroid in the last 12 months: dexamethasone 30 mg (3 procedures) · 1 dose not summed ▸');
  });

  it("never shows another encounter's ledger (another patient's) while this one's is not loaded", async () => {
    const { ledger } = useSteroidLedger.getState();
    expect(ledger).not.toBeNull();
    // The store still holds a ledger from another encounter; this encounter's load counts as done, so nothing replaces it.
    useSteroidLedger.setState({ ledgerOf: '00000000-0000-4000-8000-000000000000', loadedFor: `${encounterId}:${useEncounter.getState().detail!.records.length}` });
    render(<SteroidLedgerFold />);
    await coreSettled();
    expect(screen.queryByText(/^Steroid in the last 12 months:/)).toBeNull();
  });
});
