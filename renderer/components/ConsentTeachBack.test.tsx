// Teach-back in the patient's language (issue 20 point 4): for a patient whose preferred language
// has translations, one toggle in the consent panel shows each patient wording in that language
// in place, marked "Not reviewed by a clinician"; off again, the English. Against the real core.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildChecklist } from '#shared/domain/checklist';
import { LIBRARY } from '#shared/library/index';
import { patientWording } from '#shared/library/translations';
import { api } from '../api/client';
import { openEncounter } from '../stores/open-encounter';
import { coreSettled } from '../testing/core-calls';
import { signInAs } from '../testing/session';
import { ChecklistItemRow } from './ChecklistItemRow';
import { ConsentPanel } from './ConsentPanel';

const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
const encounters: Record<string, string> = {};

beforeAll(async () => {
  await signInAs('nurseSession');
  for (const language of ['es', null] as const) {
    const patient = await api().call('patient.create', {
      mrn: `TB-${language ?? 'none'}-${Date.now().toString(36)}`.toUpperCase(), familyName: 'Peña', givenName: 'Lucía', birthDate: '1968-03-09', sex: 'female', language,
    });
    const encounter = await api().call('encounter.create', {
      patientId: patient.id, templateId: template.id, levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Low back pain.',
    });
    encounters[language ?? 'none'] = encounter.id;
  }
});
afterEach(cleanup);

const risk = template.risks.find((r) => r.id === 'infection')!;
const riskItem = buildChecklist(template).find((s) => s.id === 'risks')!.items.find((i) => i.id === risk.id)!;

async function open(which: string) {
  await openEncounter(encounters[which]!);
  await coreSettled();
  return render(<><ChecklistItemRow item={riskItem} sources={[]} /><ConsentPanel /></>).container;
}

describe('consent teach-back in the patient language', () => {
  it('shows the Spanish wording in place of the English, marked not reviewed, and the English again when off', async () => {
    const panel = await open('es');
    const spanish = patientWording(risk.patientText, 'es');
    expect(spanish).toMatchObject({ lang: 'es', state: 'not-reviewed' });
    const detail = () => panel.querySelector<HTMLElement>('.item-more .detail')!;
    expect(detail().textContent).toBe(risk.patientText);
    const rows = () => panel.querySelectorAll('li, p, label, fieldset, textarea, details').length;
    const rowsBefore = rows();

    fireEvent.click(screen.getByRole('checkbox', { name: "Show in the patient's language (Español)" }));
    expect(detail().textContent).toContain(spanish.text);
    expect(detail().textContent).not.toContain(risk.patientText);
    expect(detail().querySelector('[lang="es"]')?.textContent).toBe(spanish.text);
    expect(detail().textContent).toContain('Not reviewed by a clinician');
    for (const alternative of template.alternatives) {
      const wording = patientWording(alternative.patientText ?? alternative.text, 'es');
      expect(panel.querySelector(`li[data-fact-id="${alternative.id}"]`)!.textContent).toContain(wording.text);
    }
    // In place: a mark beside each text, no new rows or fields.
    expect(rows()).toBe(rowsBefore);

    fireEvent.click(screen.getByRole('checkbox', { name: "Show in the patient's language (Español)" }));
    expect(detail().textContent).toBe(risk.patientText);
  });

  it('offers no toggle for a patient with no language and no interpreter', async () => {
    await open('none');
    expect(screen.queryByRole('checkbox', { name: /patient's language/ })).toBeNull();
  });
});
