// The bedside does not drown in badges: once the clinic has accepted every needs-review and
// secondary-source fact of a template version, its checklist and consent panel show no evidence
// badges, one line instead; a version not fully reviewed keeps them. Against the real core over HTTP.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY } from '#shared/library/index';
import { reviewableFacts } from '#shared/library/review-backlog';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { signInAs } from '../testing/session';
import { EncounterScreen } from './EncounterScreen';

// Procedures no other renderer test uses (they share one core): one fully reviewed, one partly.
const REVIEWED = LIBRARY.find((t) => t.id === 'greater-occipital-nerve-block')!;
const PARTLY = LIBRARY.find((t) => t.id === 'trigger-point-injection')!;
const BADGES = '.badge.review, .badge.secondary, .badge.reviewed';
const encounters: Record<string, string> = {};

beforeAll(async () => {
  await signInAs('physicianSession');
  for (const f of reviewableFacts(REVIEWED)) {
    await api().call('library.acceptFact', { templateId: REVIEWED.id, version: REVIEWED.version, factId: f.id, comment: `Reviewed for our clinic: ${f.id}.` });
  }
  await api().call('library.acceptFact', { templateId: PARTLY.id, version: PARTLY.version, factId: reviewableFacts(PARTLY).find((f) => f.section === 'risks')!.id, comment: 'Standard for us.' });
  const patient = await api().call('patient.create', { mrn: `CR-${Date.now().toString(36)}`.toUpperCase(), familyName: 'Nørgaard', givenName: 'Søren', birthDate: '1966-02-03', sex: 'male' });
  for (const t of [REVIEWED, PARTLY]) {
    const encounter = await api().call('encounter.create', {
      patientId: patient.id, templateId: t.id, levels: [], laterality: t.lateralityRequired ? 'right' : null, plannedDate: '2026-11-24', indication: 'Occipital or myofascial pain.',
    });
    encounters[t.id] = encounter.id;
  }
});
afterEach(cleanup);

async function bedside(templateId: string) {
  render(<EncounterScreen encounterId={encounters[templateId]!} />);
  await coreSettled();
  return {
    checklist: [...document.querySelectorAll<HTMLElement>('section.checklist-section')],
    consent: document.querySelector<HTMLElement>('section.consent')!,
    // Every part of the encounter, the one on show and the ones behind the other tabs.
    reference: screen.getByRole('heading', { name: /^Procedure reference/, hidden: true }).closest('section')!,
  };
}

describe('bedside of a version the clinic has reviewed (real core)', () => {
  it('shows no evidence badges on the checklist or the consent panel, one line saying who reviewed it; the sources stay on request', async () => {
    const { checklist, consent, reference } = await bedside(REVIEWED.id);
    expect(checklist.length).toBeGreaterThan(0);
    for (const section of [...checklist, consent]) expect(section.querySelectorAll(BADGES), section.className).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(screen.getAllByText(`Content reviewed by the clinic (Dr Pat Physician, ${today}).`)).toHaveLength(2);
    expect(within(consent).getByText(/^Content reviewed by the clinic/)).toBeTruthy();
    // Every item still carries its sources, a click away.
    for (const row of checklist.flatMap((s) => [...s.querySelectorAll<HTMLElement>('li.checklist-item')])) expect(within(row).getByText('Sources')).toBeTruthy();
    // The reference view keeps the full evidence, with who accepted a fact and why.
    const inReference = new Set(['contraindications.absolute', 'contraindications.relative', 'expectedBenefit', 'alternatives', 'followUp']);
    const shown = reviewableFacts(REVIEWED).filter((f) => inReference.has(f.section));
    expect(shown.length).toBeGreaterThan(0);
    expect(reference.querySelectorAll('.badge.reviewed')).toHaveLength(shown.length);
    for (const f of shown) expect(reference.textContent).toContain(`Accepted for this clinic by Dr Pat Physician on ${today}: “Reviewed for our clinic: ${f.id}.”`);
  });

  it('keeps the badges of a version only partly reviewed, with no "reviewed" line', async () => {
    const { checklist, consent } = await bedside(PARTLY.id);
    const badges = checklist.flatMap((s) => [...s.querySelectorAll(BADGES)]).map((b) => b.textContent);
    expect(badges).toContain('needs clinical review');
    expect(badges.some((b) => b?.startsWith('reviewed by Dr Pat Physician'))).toBe(true);
    expect(consent.querySelectorAll(BADGES).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^Content reviewed by the clinic/)).toBeNull();
  });
});
