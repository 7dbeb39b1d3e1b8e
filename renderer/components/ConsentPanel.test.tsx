// The consent panel shows the evidence state of the expected benefit and of each alternative
// (shared/library/evidence-state.ts), as the checklist does, against the real core over HTTP.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY } from '#shared/library/index';
import { api } from '../api/client';
import { openEncounter } from '../stores/open-encounter';
import { coreSettled } from '../testing/core-calls';
import { signInAs } from '../testing/session';
import { ConsentPanel } from './ConsentPanel';

const encounters: Record<string, string> = {};

beforeAll(async () => {
  await signInAs('nurseSession');
  const patient = await api().call('patient.create', {
    mrn: `CP-${Date.now().toString(36)}`.toUpperCase(), familyName: 'Þórsdóttir', givenName: 'Ásta', birthDate: '1975-04-02', sex: 'female',
  });
  for (const [templateId, levels] of [['lumbar-medial-branch-block', ['L4']], ['lumbar-transforaminal-esi', ['L4-L5']]] as const) {
    const encounter = await api().call('encounter.create', {
      patientId: patient.id, templateId, levels: [...levels], laterality: 'left', plannedDate: '2026-11-24', indication: 'Low back pain.',
    });
    encounters[templateId] = encounter.id;
  }
});
afterEach(cleanup);

async function panelFor(templateId: string): Promise<HTMLElement> {
  await openEncounter(encounters[templateId]!);
  await coreSettled();
  const { container } = render(<ConsentPanel />);
  return container;
}

const benefitOf = (panel: HTMLElement) => panel.querySelector<HTMLElement>('[data-fact-id="expected-benefit"]')!;

describe('consent panel: evidence badges on benefit and alternatives (real core)', () => {
  it('marks an expected benefit that rests on unverified support "needs clinical review", with its sources', async () => {
    const template = LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!;
    expect(template.expectedBenefit.sources.some((s) => s.evidence === 'M')).toBe(true);
    const panel = await panelFor('lumbar-medial-branch-block');
    const benefit = benefitOf(panel);
    expect(benefit.textContent).toContain('Expected benefit:');
    expect(within(benefit).getByText('needs clinical review')).toBeTruthy();
    expect(within(benefit).getByText('Sources')).toBeTruthy();
    // Each alternative carries its own evidence, with its sources; these are verified, so no flag.
    for (const alternative of template.alternatives) {
      const row = panel.querySelector<HTMLElement>(`li[data-fact-id="${alternative.id}"]`)!;
      expect(row.textContent).toContain(alternative.patientText ?? alternative.text);
      expect(within(row).getByText('Sources')).toBeTruthy();
      expect(within(row).queryByText('needs clinical review')).toBeNull();
    }
  });

  it('marks alternatives known only from a secondary summary "secondary source"', async () => {
    const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
    const panel = await panelFor('lumbar-transforaminal-esi');
    for (const alternative of template.alternatives) {
      expect(alternative.sources.some((s) => s.evidence === 'V2')).toBe(true);
      const row = panel.querySelector<HTMLElement>(`li[data-fact-id="${alternative.id}"]`)!;
      expect(within(row).getByText('secondary source')).toBeTruthy();
    }
    expect(within(benefitOf(panel)).getByText('Sources')).toBeTruthy();
    expect(within(benefitOf(panel)).queryByText('needs clinical review')).toBeNull();
    expect(screen.getAllByText('secondary source').length).toBeGreaterThanOrEqual(template.alternatives.length);
  });
});
