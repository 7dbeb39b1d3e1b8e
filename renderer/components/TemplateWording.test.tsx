// Issue 18 point 4 on the screen, against the real core: a template item that asks what a
// procedure-day item asks is not a second checkbox; its wording and sources sit on the
// procedure-day row, which answers it.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { nurseWithPreProcedureEncounter } from '../testing/signed-in-encounter';
import { EncounterScreen } from './EncounterScreen';

let encounterId = '';

beforeAll(async () => {
  encounterId = await nurseWithPreProcedureEncounter({ mrn: `TW-${Date.now()}`, familyName: 'Nakamura', givenName: 'Emi', birthDate: '1975-09-12', sex: 'female' }, ['L5-S1']);
});
afterEach(() => cleanup());

describe('template wording on the procedure-day row', () => {
  it('asks identity, site, pregnancy, infection and the anticoagulant review once, with the template wording on the row', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    for (const twin of [/^Patient identity verified with two identifiers/, /^Pregnancy status confirmed/, /^Infection screen: no infection at the site/, /^Anticoagulant and antiplatelet medications reviewed, with a documented/]) {
      expect(screen.queryByRole('checkbox', { name: twin }), String(twin)).toBeNull();
    }
    const row = screen.getByRole('checkbox', { name: 'Pregnancy status asked about and recorded (X-ray imaging)' }).closest('li')!;
    await userEvent.click(within(row).getByText(/^Template wording \(1\)/));
    expect(within(row).getByText('Pregnancy status confirmed.')).toBeTruthy();
  });

  it('one answer on the row is stored once, on the base item (the core gives the twin the same answer)', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    await userEvent.click(screen.getByRole('button', { name: 'Not applicable: Pregnancy status asked about and recorded (X-ray imaging)' }));
    await userEvent.type(screen.getByLabelText('Reason not applicable'), 'Hysterectomy 2019{Enter}');
    await coreSettled();
    const detail = await api().call('encounter.get', { encounterId });
    expect(detail.items.map((i) => i.itemId)).toEqual(['wf-pregnancy-status']);
  });
});
