import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { LIBRARY } from '#shared/library/index';
import type { Bridge } from '#shared/contract/transport';
import { httpBridge } from '../api/bridge';
import { api, createClient, setClient, setSessionToken } from '../api/client';
import { useSession } from '../stores/session';
import { coreClient, coreSettled, trackedBridge } from '../testing/core-calls';
import { EncounterScreen } from './EncounterScreen';

const TFESI = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;

beforeAll(async () => {
  setClient(coreClient());
  setSessionToken(inject('nurseSession'));
  const session = await api().call('auth.status', {});
  useSession.setState({ phase: 'active', user: session.session!.user });
});
afterEach(cleanup);

/** A new lumbar TFESI encounter in pre-procedure, its screen loaded from the real core. */
async function openNew(): Promise<string> {
  const patient = await api().call('patient.create', { mrn: `G-${Date.now()}-${Math.floor(Math.random() * 1e6)}`, familyName: 'Berg', givenName: 'Ola', birthDate: '1970-05-02', sex: 'male' });
  const { id } = await api().call('encounter.create', {
    patientId: patient.id, templateId: TFESI.id, levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  });
  await api().call('encounter.advance', { encounterId: id, to: 'pre-procedure' });
  render(<EncounterScreen encounterId={id} />);
  await coreSettled();
  return id;
}
const statusOf = async (encounterId: string, itemId: string) => (await api().call('encounter.get', { encounterId })).items.find((i) => i.itemId === itemId)?.status;

describe('group confirmation (against the real core over HTTP)', () => {
  it('checks every open item of a section in one click; each still unticks on its own', async () => {
    const encounterId = await openNew();
    const button = await screen.findByRole('button', { name: 'Confirm all 3 open in Identity' });
    await userEvent.click(button);
    await coreSettled();
    for (const id of ['wf-identity-two-identifiers', 'wf-procedure-site-confirmed', 'wf-laterality-confirmed']) expect(await statusOf(encounterId, id)).toBe('checked');
    expect(screen.queryByRole('button', { name: /open in Identity$/ })).toBeNull();
    const box = screen.getByRole('checkbox', { name: 'Patient identity confirmed with two identifiers' });
    expect((box as HTMLInputElement).checked).toBe(true);
    await userEvent.click(box);
    await coreSettled();
    expect(await statusOf(encounterId, 'wf-identity-two-identifiers')).toBe('unchecked');
    // One open is not a group: no button for a single item.
    expect(screen.queryByRole('button', { name: /open in Identity$/ })).toBeNull();
  });

  it('names the risks as discussed, and A on a risk does the same', async () => {
    const encounterId = await openNew();
    await userEvent.click(screen.getByRole('tab', { name: /^Consent/ })); // the risks show in the Consent part
    const section = document.getElementById('section-risks')!;
    const rows = [...section.querySelectorAll<HTMLElement>('li[data-item-id]')].map((li) => li.dataset.itemId!);
    const button = await within(section).findByRole('button', { name: `All ${rows.length} risks discussed` });
    expect(button.getAttribute('aria-keyshortcuts')).toBe('A');
    document.querySelector<HTMLInputElement>(`li[data-item-id="${TFESI.risks[0]!.id}"] input[type="checkbox"]`)!.focus();
    await userEvent.keyboard('a');
    await coreSettled();
    for (const id of rows) expect(await statusOf(encounterId, id)).toBe('checked');
    expect(within(section).queryByRole('button', { name: /risks discussed$/ })).toBeNull();
  });

  it('stays, disabled, until its write answers: the items leave the still-open list in the same render', async () => {
    // The write is held at the bridge until released, so the screen can be read while it is in flight.
    let release!: () => void;
    let arrived!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const sent = new Promise<void>((resolve) => { arrived = resolve; });
    const real = httpBridge(inject('hostSecret'), inject('hostOrigin'));
    const holding: Bridge = {
      async invoke(method, input, session) {
        if (method === 'checklist.setItems') { arrived(); await held; }
        return real.invoke(method, input, session);
      },
      on: (event, listener) => real.on(event, listener),
    };
    setClient(createClient(trackedBridge(holding)));
    try {
      const encounterId = await openNew();
      const stillOpen = () => Number(/Still open before [^:]+: (\d+)/.exec(document.body.textContent ?? '')?.[1]);
      const before = stillOpen();
      await userEvent.click(await screen.findByRole('button', { name: 'Confirm all 3 open in Identity' }));
      await sent;
      const waiting = screen.getByRole('button', { name: 'Confirm all 3 open in Identity' });
      expect((waiting as HTMLButtonElement).disabled).toBe(true);
      expect(waiting.getAttribute('aria-busy')).toBe('true');
      expect(stillOpen()).toBe(before);
      release();
      await coreSettled();
      expect(screen.queryByRole('button', { name: /open in Identity$/ })).toBeNull();
      expect(stillOpen()).toBe(before - 3);
      expect(await statusOf(encounterId, 'wf-laterality-confirmed')).toBe('checked');
    } finally {
      release();
      setClient(coreClient());
    }
  });

  it('leaves alone what a saved record resolves', async () => {
    const encounterId = await openNew();
    await screen.findByRole('button', { name: 'Confirm all 3 open in Preparation' });
    await api().call('encounter.addRecord', { encounterId, record: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6 } } });
    cleanup();
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    // The vitals record resolves two of the three: one is left, and one is no group.
    expect(screen.queryByRole('button', { name: /open in Preparation$/ })).toBeNull();
    const section = screen.getByRole('heading', { name: /^Preparation/ }).closest<HTMLElement>('.phase-section')!;
    expect(within(section).getAllByRole('checkbox').length).toBe(3);
  });
});
