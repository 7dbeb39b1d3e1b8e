import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { signInAs } from '../testing/session';
import { PatientHandout } from './PatientHandout';

let encounterId = '';

beforeAll(async () => {
  await signInAs('nurseSession');
  const patient = await api().call('patient.create', { mrn: `HO-${Date.now()}`, familyName: 'Peña', givenName: 'María José', birthDate: '1970-05-17', sex: 'female' });
  const encounter = await api().call('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  });
  encounterId = encounter.id;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The files the screen offered, caught where the browser would save them. */
function catchDownloads(): { blobs: Blob[]; names: string[] } {
  const caught = { blobs: [] as Blob[], names: [] as string[] };
  URL.createObjectURL = vi.fn((b: Blob) => (caught.blobs.push(b), `blob:handout-${caught.blobs.length}`));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    caught.names.push(this.download);
  });
  return caught;
}

describe('the patient handout button (against the real core over HTTP)', () => {
  it('makes the handout in the chosen language by keyboard and offers the PDF; the core records it', async () => {
    await signInAs('nurseSession');
    const caught = catchDownloads();
    render(<PatientHandout encounterId={encounterId} />);
    const user = userEvent.setup();
    const language = screen.getByRole('combobox', { name: 'Handout language' });
    expect((language as HTMLSelectElement).value).toBe('en');
    await user.selectOptions(language, 'Español');
    screen.getByRole('button', { name: 'Patient handout' }).focus();
    await user.keyboard('{Enter}');
    await coreSettled();
    await waitFor(() => expect(screen.getByText(/^Handout ready: patient-handout_HO-\d+_2026-11-24_es\.pdf$/)).toBeTruthy());
    expect(caught.names).toEqual([expect.stringMatching(/^patient-handout_HO-\d+_2026-11-24_es\.pdf$/)]);
    expect(caught.blobs[0]!.type).toBe('application/pdf');
    expect(new TextDecoder().decode(await caught.blobs[0]!.slice(0, 5).arrayBuffer())).toBe('%PDF-');
    await signInAs('physicianSession');
    const { entries } = await api().call('audit.list', { action: 'handout.pdf' });
    expect(entries.map((e) => e.target)).toContain(`encounter:${encounterId}/handout:es`);
  });

  it('says why when the core refuses, and offers nothing', async () => {
    await signInAs('nurseSession');
    const caught = catchDownloads();
    render(<PatientHandout encounterId="00000000-0000-4000-8000-000000000999" />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Patient handout' }));
    await coreSettled();
    expect((await screen.findByRole('alert')).textContent).toMatch(/encounter/i);
    expect(caught.names).toEqual([]);
  });
});
