// Issue 18 point 4 on the screen, against the real core: an item a saved record resolves shows
// as checked "Recorded with the vitals at HH:MM" (no tick, no not-applicable reason asked), and
// the "if sedated" template items are not shown when no sedation is planned.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { nurseWithPreProcedureEncounter } from '../testing/signed-in-encounter';
import { EncounterScreen } from './EncounterScreen';

let encounterId = '';

beforeAll(async () => {
  encounterId = await nurseWithPreProcedureEncounter({ mrn: `RI-${Date.now()}`, familyName: 'Okafor', givenName: 'Ada', birthDate: '1970-05-02', sex: 'female' }, ['L4-L5']);
  await api().call('encounter.addRecord', { encounterId, record: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 130, diastolic: 80, heartRate: 70, spo2: 98, respiratoryRate: 14, painScore: 5 } } });
});
afterEach(() => cleanup());

describe('record once, on the screen', () => {
  it('saved vitals show their items as recorded with the vitals, at the clinic time, without a tick', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    const [record] = (await api().call('encounter.get', { encounterId })).records;
    const settings = await api().call('settings.get', {});
    const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: settings.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(record!.at));
    for (const label of ['Baseline vital signs recorded', 'Baseline pain score (0–10) recorded']) {
      const box = screen.getByRole<HTMLInputElement>('checkbox', { name: label });
      expect(box.checked).toBe(true);
      expect(box.disabled).toBe(true);
      const row = box.closest('li')!;
      expect(within(row).getByRole('note').textContent).toBe(`Recorded with the vitals at ${hhmm} (${record!.by.name})`);
      expect(within(row).queryByRole('button', { name: /^Not applicable/ })).toBeNull();
    }
    // Nothing was ticked: the record resolves them.
    expect((await api().call('encounter.get', { encounterId })).items).toEqual([]);
  });

  it('no sedation planned: the "if sedated" template items are not shown', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    expect(screen.getAllByRole('checkbox', { name: /^Infection screen/ }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('checkbox', { name: /^If sedation is planned/ })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /^If sedated/ })).toBeNull();
    // "If not sedated: observe before discharge" is asked through the recovery's "Observation period completed" (template-item-twins.ts).
    expect(screen.queryByRole('checkbox', { name: /^If not sedated/ })).toBeNull();
  });
});
